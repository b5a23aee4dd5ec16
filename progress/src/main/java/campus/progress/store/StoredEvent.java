package campus.progress.store;

import campus.progress.sync.protocol.WireEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * An event as the local store holds it. {@code data} is the payload's JSON text, kept verbatim so an
 * event of a kind this build does not know passes on unchanged.
 *
 * @param pos     local arrival order (1, 2, 3, … in this store; not synced)
 * @param learner the account it belongs to, or empty while the store has not been signed in
 */
public record StoredEvent(long pos, String id, String learner, String device, long seq, long hlcMs, int hlcCount,
                          String kind, String subject, String occurredAt, String data) {

    public JsonObject dataJson() {
        return JsonParser.parseString(data).getAsJsonObject();
    }

    public WireEvent toWire() {
        return new WireEvent(id, device, seq, hlcMs, hlcCount, kind, subject, occurredAt, dataJson(),
                learner.isEmpty() ? null : learner);
    }
}
