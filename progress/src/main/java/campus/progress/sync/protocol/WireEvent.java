package campus.progress.sync.protocol;

import com.google.gson.JsonObject;

/**
 * One learning event as it travels. Immutable once recorded; the id is the idempotency key.
 *
 * @param id         UUID
 * @param device     UUID of the device (local store) that recorded it
 * @param seq        that device's sequence number, 1, 2, 3, … without gaps
 * @param hlcMs      hybrid logical clock, physical part (epoch milliseconds)
 * @param hlcCount   hybrid logical clock, counter within {@code hlcMs}
 * @param kind       e.g. {@code lab.attempt}; a kind a peer does not know is kept and passed on
 * @param subject    what it happened to: a lab id, a question id, an exam id, a lesson path, a preference key
 * @param occurredAt ISO-8601 instant on the recording device's clock
 * @param data       kind-specific facts, passed through verbatim
 * @param learner    the account the event belongs to: set by the server on pull, ignored on push
 */
public record WireEvent(String id, String device, long seq, long hlcMs, int hlcCount, String kind, String subject,
                        String occurredAt, JsonObject data, String learner) {
}
