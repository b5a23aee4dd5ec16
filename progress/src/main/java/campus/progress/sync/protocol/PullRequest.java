package campus.progress.sync.protocol;

import java.util.Map;

/**
 * @param device the asking device
 * @param have   device id → highest seq the asker holds (absent = 0)
 * @param limit  page size, at most {@link Protocol#MAX_PULL_LIMIT}
 */
public record PullRequest(String device, Map<String, Long> have, int limit) {
}
