package campus.server.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the server's database holds, read from its tables directly (not through the API): the events stored
 * in {@code event_runs}, each run opened, so a test can say every event is there exactly once.
 */
public final class HeldEvents {

    private HeldEvents() {
    }

    /** Events stored, distinct event ids among them, and the highest seq: {@code [count, ids, maxSeq]}. */
    public static List<Long> summary(Connection c) throws SQLException {
        long count = 0;
        long maxSeq = 0;
        Set<String> ids = new HashSet<>();
        Set<String> slots = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT device_id, first_seq, last_seq, body FROM event_runs")) {
            while (r.next()) {
                long first = r.getLong(2);
                long seq = first;
                for (JsonElement e : JsonParser.parseString(r.getString(4)).getAsJsonArray()) {
                    String device = e.getAsJsonObject().get("device").getAsString();
                    long own = e.getAsJsonObject().get("seq").getAsLong();
                    if (!device.equals(r.getString(1)) || own != seq) {
                        throw new AssertionError("run of " + r.getString(1) + " from " + first + " holds " + device + "#" + own
                                + " where " + seq + " belongs");
                    }
                    if (!slots.add(device + "#" + seq)) {
                        throw new AssertionError(device + "#" + seq + " is stored twice");
                    }
                    ids.add(e.getAsJsonObject().get("id").getAsString());
                    maxSeq = Math.max(maxSeq, seq);
                    count++;
                    seq++;
                }
                if (seq - 1 != r.getLong(3)) {
                    throw new AssertionError("run of " + r.getString(1) + " from " + first + " ends at " + (seq - 1)
                            + ", not at its last_seq " + r.getLong(3));
                }
            }
        }
        return List.of(count, (long) ids.size(), maxSeq);
    }
}
