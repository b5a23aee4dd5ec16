package campus.progress.sync.protocol;

import java.util.List;

/** Up to {@link Protocol#MAX_PUSH_EVENTS} of one device's own events, ascending and contiguous in {@code seq}. */
public record PushRequest(String device, List<WireEvent> events) {
}
