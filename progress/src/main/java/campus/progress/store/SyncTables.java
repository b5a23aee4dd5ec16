package campus.progress.store;

import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.WireEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sync bookkeeping per server: the highest own seq it acknowledged ({@code sync_acked}), the pull cursor by
 * device ({@code sync_cursor}), and events pulled from the learner's other devices stored with the cursor
 * in one transaction. Runs on the connection {@link ProgressStore} holds, under its lock.
 */
final class SyncTables {

    private SyncTables() {
    }

    static long acked(Connection conn, String server) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT seq FROM sync_acked WHERE server = ?")) {
            ps.setString(1, server);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Raises the acknowledged seq; never lowers it. */
    static int saveAcked(Connection conn, String server, long ackedSeq) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("MERGE INTO sync_acked(server, seq) KEY(server) VALUES (?, "
                + "GREATEST(?, COALESCE((SELECT seq FROM sync_acked WHERE server = ?), 0)))")) {
            ps.setString(1, server);
            ps.setLong(2, ackedSeq);
            ps.setString(3, server);
            return ps.executeUpdate();
        }
    }

    static Map<String, Long> pullCursor(Connection conn, String server) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT device, seq FROM sync_cursor WHERE server = ? ORDER BY device")) {
            ps.setString(1, server);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Stores the events not held yet (by id or by device and seq) and advances the cursor, in one transaction. */
    static int storeReceived(Connection conn, Hlc hlc, String server, List<WireEvent> events, Map<String, Long> cursor)
            throws SQLException {
        int added = 0;
        conn.setAutoCommit(false);
        try (PreparedStatement exists = conn.prepareStatement("SELECT 1 FROM events WHERE id = ? OR (device = ? AND seq = ?)");
             PreparedStatement ins = EventRows.insert(conn);
             PreparedStatement cur = conn.prepareStatement("MERGE INTO sync_cursor(server, device, seq) KEY(server, device)"
                     + " VALUES (?, ?, GREATEST(?, COALESCE((SELECT seq FROM sync_cursor WHERE server = ? AND device = ?), 0)))")) {
            Set<String> seen = new HashSet<>();
            for (WireEvent w : events) {
                exists.setString(1, w.id());
                exists.setString(2, w.device());
                exists.setLong(3, w.seq());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next() || !seen.add(w.id()) || !seen.add(w.device() + "\u0000" + w.seq())) {
                        continue;
                    }
                }
                hlc.observe(w.hlcMs(), w.hlcCount());
                EventRows.bind(ins, w.id(), w.learner() == null ? "" : w.learner(), w.device(), w.seq(), w.hlcMs(), w.hlcCount(),
                        w.kind(), w.subject(), w.occurredAt(), w.data() == null ? "{}" : Protocol.gson().toJson(w.data()));
                ins.addBatch();
                added++;
            }
            ins.executeBatch();
            for (Map.Entry<String, Long> c : cursor.entrySet()) {
                cur.setString(1, server);
                cur.setString(2, c.getKey());
                cur.setLong(3, c.getValue());
                cur.setString(4, server);
                cur.setString(5, c.getKey());
                cur.addBatch();
            }
            cur.executeBatch();
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
        return added;
    }
}
