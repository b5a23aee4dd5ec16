package campus.progress.sync.protocol;

import java.util.List;
import java.util.Map;

/**
 * @param events the learner's events above the request's vector, by device then seq
 * @param have   the request's vector advanced by this page
 * @param more   whether more events wait beyond this page
 */
public record PullResponse(List<WireEvent> events, Map<String, Long> have, boolean more, long serverTimeMs) {
}
