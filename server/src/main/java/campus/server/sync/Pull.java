package campus.server.sync;

import campus.progress.sync.protocol.Protocol;
import campus.server.auth.Principal;
import campus.server.db.Database;
import campus.server.http.ApiException;
import campus.server.http.Fields;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page of the learner's events above the asker's version vector, by device then seq. The devices table says
 * which devices have anything new, so a page costs one indexed range read per device that has. A page also
 * stops at about {@link #PAGE_BYTES} of events, so neither side buffers more than that.
 */
public final class Pull {

    static final int PAGE_BYTES = Protocol.MAX_BODY_BYTES;
    static final int MAX_VECTOR = 10_000;

    private final Database db;
    private final Clock clock;

    public Pull(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The answer as the protocol's {@code PullResponse}, built as JSON so each event goes out as it came in. */
    public JsonObject page(Principal p, JsonObject body) throws SQLException {
        String device = Fields.text(body, "device", "", true, PushChunk.ID_MAX);
        Map<String, Long> have = vector(Fields.object(body, "have", "", false));
        int limit = (int) Fields.whole(body, "limit", "", 1, Protocol.MAX_PULL_LIMIT, (long) Protocol.DEFAULT_PULL_LIMIT);
        JsonArray events = new JsonArray();
        boolean more = db.read(c -> {
            checkOwnDevice(c, p, device);
            Map<String, Long> acked = devices(c, p);
            int bytes = 0;
            for (Map.Entry<String, Long> d : acked.entrySet()) {
                long from = have.getOrDefault(d.getKey(), 0L);
                if (d.getValue() <= from) {
                    continue;
                }
                if (events.size() >= limit || bytes >= PAGE_BYTES) {
                    return true;
                }
                bytes += read(c, p, d.getKey(), from, limit - events.size(), PAGE_BYTES - bytes, events, have);
                if (have.get(d.getKey()) < d.getValue()) {
                    return true;
                }
            }
            return false;
        });
        JsonObject answer = new JsonObject();
        answer.add("events", events);
        JsonObject vector = new JsonObject();
        have.forEach(vector::addProperty);
        answer.add("have", vector);
        answer.addProperty("more", more);
        answer.addProperty("serverTimeMs", clock.millis());
        return answer;
    }

    private static Map<String, Long> vector(JsonObject o) {
        Map<String, Long> have = new LinkedHashMap<>();
        if (o == null) {
            return have;
        }
        if (o.size() > MAX_VECTOR) {
            throw ApiException.badRequest("have: at most " + MAX_VECTOR + " devices");
        }
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (e.getKey().length() > PushChunk.ID_MAX) {
                throw ApiException.badRequest("have: a device id is longer than " + PushChunk.ID_MAX + " characters");
            }
            have.put(e.getKey(), Fields.whole(e.getValue(), "have." + e.getKey(), 0, PushChunk.MAX_WHOLE));
        }
        return have;
    }

    private static void checkOwnDevice(Connection c, Principal p, String device) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT account_id FROM devices WHERE device_id = ?")) {
            s.setString(1, device);
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && !r.getString(1).equals(p.accountId())) {
                    throw ApiException.forbidden("device " + device + " belongs to another account");
                }
            }
        }
    }

    private static Map<String, Long> devices(Connection c, Principal p) throws SQLException {
        Map<String, Long> acked = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT device_id, acked_seq FROM devices WHERE account_id = ? ORDER BY device_id")) {
            s.setString(1, p.accountId());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    acked.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return acked;
    }

    /** Appends up to {@code max} events of one device above {@code from}; advances {@code have}; the characters read. */
    private static int read(Connection c, Principal p, String device, long from, int max, int budget,
                            JsonArray out, Map<String, Long> have) throws SQLException {
        int[] taken = {0, 0};
        long[] seq = {from};
        EventRuns.read(c, device, from, Long.MAX_VALUE, (s, event, chars) -> {
            if (taken[0] >= max || taken[1] >= budget) {
                return false;
            }
            event.addProperty("learner", p.accountId());
            out.add(event);
            seq[0] = s;
            taken[0]++;
            taken[1] += chars;
            return true;
        });
        have.put(device, seq[0]);
        return taken[1];
    }
}
