package campus.server.sync;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The events table, {@code event_runs}: a row holds a run of one device's consecutive events, as the push
 * brought them, as a JSON array of the events' stored JSON ({@code body}, from {@code first_seq} to
 * {@code last_seq}). A push of 200 events is one row to write instead of 200 rows and their index entries,
 * which on the embedded database was most of the server's work per event
 * (docs/decisions/0010-events-stored-in-runs.md). Runs of a device never overlap: a push stores only events
 * above the device's acknowledged seq, under its row lock.
 */
final class EventRuns {

    /** A row holds at most about this many characters of events; a single longer event gets a row of its own. */
    static final int ROW_CHARS = 256 * 1024;
    /** Rows read per query: a page stops after about 1 MiB, and rows are at most about 256 K characters. */
    private static final int ROWS_PER_READ = 8;

    /** Sees stored events in seq order; answers false to stop. */
    interface Visitor {
        boolean visit(long seq, JsonObject event, int chars) throws SQLException;
    }

    private EventRuns() {
    }

    /** Stores the events (one device's, contiguous and ascending) in as few rows as {@link #ROW_CHARS} allows. */
    static void insert(Connection c, String accountId, String device, List<PushChunk.Incoming> events, long now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO event_runs (device_id, first_seq, last_seq, account_id,"
                + " received_at, body) VALUES (?, ?, ?, ?, ?, ?)")) {
            StringBuilder run = new StringBuilder();
            long first = 0;
            long last = 0;
            for (PushChunk.Incoming e : events) {
                if (run.length() > 0 && run.length() + e.body().length() + 2 > ROW_CHARS) {
                    add(s, device, first, last, accountId, now, run);
                    run.setLength(0);
                }
                if (run.length() == 0) {
                    first = e.wire().seq();
                    run.append('[');
                } else {
                    run.append(',');
                }
                run.append(e.body());
                last = e.wire().seq();
            }
            add(s, device, first, last, accountId, now, run);
            s.executeBatch();
        }
    }

    private static void add(PreparedStatement s, String device, long first, long last, String accountId, long now,
                            StringBuilder run) throws SQLException {
        s.setString(1, device);
        s.setLong(2, first);
        s.setLong(3, last);
        s.setString(4, accountId);
        s.setLong(5, now);
        s.setString(6, run.append(']').toString());
        s.addBatch();
    }

    /**
     * Shows the visitor the device's stored events with {@code after < seq <= upTo}, in seq order, each with its
     * share of its row's characters (about its length as JSON), until it answers false.
     */
    static void read(Connection c, String device, long after, long upTo, Visitor visitor) throws SQLException {
        long cursor = after;
        try (PreparedStatement s = c.prepareStatement("SELECT first_seq, last_seq, body FROM event_runs"
                + " WHERE device_id = ? AND last_seq > ? AND first_seq <= ? ORDER BY last_seq LIMIT " + ROWS_PER_READ)) {
            while (true) {
                s.setString(1, device);
                s.setLong(2, cursor);
                s.setLong(3, upTo);
                int rows = 0;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows++;
                        long first = r.getLong(1);
                        long last = r.getLong(2);
                        String body = r.getString(3);
                        JsonArray run = parse(device, first, body);
                        if (run.size() != last - first + 1) {
                            throw damaged(device, first, "holds " + run.size() + " events for seq " + first + " to " + last);
                        }
                        int chars = (int) Math.min(Integer.MAX_VALUE, Math.max(1, body.length() / run.size()));
                        for (int i = 0; i < run.size(); i++) {
                            long seq = first + i;
                            if (seq <= after) {
                                continue;
                            }
                            if (seq > upTo) {
                                return;
                            }
                            JsonElement e = run.get(i);
                            if (!e.isJsonObject()) {
                                throw damaged(device, first, "holds something other than an event at seq " + seq);
                            }
                            if (!visitor.visit(seq, e.getAsJsonObject(), chars)) {
                                return;
                            }
                        }
                        cursor = last;
                    }
                }
                if (rows < ROWS_PER_READ || cursor >= upTo) {
                    return;
                }
            }
        }
    }

    private static JsonArray parse(String device, long first, String body) throws SQLException {
        try {
            JsonElement e = JsonParser.parseString(body);
            if (e.isJsonArray()) {
                return e.getAsJsonArray();
            }
        } catch (JsonParseException | IllegalStateException e) {
            throw damaged(device, first, "is not JSON: " + e.getMessage());
        }
        throw damaged(device, first, "is not a JSON array");
    }

    private static SQLException damaged(String device, long first, String what) {
        return new SQLException("the stored run of device " + device + " from seq " + first + " " + what);
    }
}
