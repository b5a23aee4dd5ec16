package campus.server.sync;

import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.WireEvent;
import campus.server.http.ApiException;
import campus.server.http.Fields;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A push request, checked field by field: one device's events, contiguous and ascending in {@code seq}. Each
 * event keeps the JSON it came as ({@code body}, without {@code learner}), so fields and kinds this server does
 * not know reach the learner's other devices unchanged.
 */
public record PushChunk(String device, List<Incoming> events) {

    /** An event as received: the record the protocol maps it to, and its JSON as it is stored. */
    public record Incoming(WireEvent wire, String body) {
    }

    public static final int ID_MAX = 64;
    public static final int KIND_MAX = 64;
    public static final int SUBJECT_MAX = 512;
    public static final int TIME_MAX = 64;
    /** Sequence numbers and clocks stay within what a JavaScript client can hold exactly. */
    public static final long MAX_WHOLE = (1L << 53) - 1;

    public static PushChunk of(JsonObject body) {
        String device = Fields.text(body, "device", "", true, ID_MAX);
        JsonArray array = Fields.array(body, "events", "");
        if (array.size() > Protocol.MAX_PUSH_EVENTS) {
            throw ApiException.badRequest("events: at most " + Protocol.MAX_PUSH_EVENTS + " in one push, got " + array.size());
        }
        List<Incoming> events = new ArrayList<>(array.size());
        Set<String> ids = new HashSet<>();
        long previous = 0;
        for (int i = 0; i < array.size(); i++) {
            String path = "events[" + i + "]";
            JsonElement e = array.get(i);
            if (!e.isJsonObject()) {
                throw ApiException.badRequest(path + ": expected an event object");
            }
            JsonObject o = e.getAsJsonObject();
            o.remove("learner");
            String id = Fields.text(o, "id", path, true, ID_MAX);
            String eventDevice = Fields.text(o, "device", path, true, ID_MAX);
            if (!eventDevice.equals(device)) {
                throw ApiException.badRequest(path + ".device: '" + eventDevice + "' is not the pushing device '" + device + "'");
            }
            long seq = Fields.whole(o, "seq", path, 1, MAX_WHOLE, null);
            if (i > 0 && seq != previous + 1) {
                throw ApiException.badRequest(path + ".seq: expected " + (previous + 1) + ", got " + seq
                        + " (a push is contiguous and ascending)");
            }
            previous = seq;
            long hlcMs = Fields.whole(o, "hlcMs", path, 0, MAX_WHOLE, null);
            long hlcCount = Fields.whole(o, "hlcCount", path, 0, Integer.MAX_VALUE, 0L);
            String kind = Fields.text(o, "kind", path, true, KIND_MAX);
            String subject = Fields.text(o, "subject", path, false, SUBJECT_MAX);
            String occurredAt = Fields.text(o, "occurredAt", path, false, TIME_MAX);
            JsonObject data = Fields.object(o, "data", path, false);
            if (!ids.add(id)) {
                throw ApiException.badRequest(path + ".id: '" + id + "' appears twice in this push");
            }
            WireEvent wire = new WireEvent(id, device, seq, hlcMs, (int) hlcCount, kind, subject, occurredAt, data, null);
            String json = Protocol.gson().toJson(o);
            Fields.checkStorable(json, path);
            events.add(new Incoming(wire, json));
        }
        return new PushChunk(device, events);
    }

    public long first() {
        return events.get(0).wire().seq();
    }

    public long last() {
        return events.get(events.size() - 1).wire().seq();
    }
}
