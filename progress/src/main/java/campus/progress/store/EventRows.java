package campus.progress.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The events table's SQL: own events appended with this device's next sequence numbers and stamps, and rows
 * read back as {@link StoredEvent}. Runs on the connection {@link ProgressStore} holds, under its lock.
 */
final class EventRows {

    private static final String SELECT = "SELECT pos, id, learner, device, seq, hlc_ms, hlc_count, kind, subject, "
            + "occurred_at, data FROM events ";

    /** An own event about to be stored; {@code observeMs} ≥ 0 is a time the clock must pass first. */
    record Own(String id, long observeMs, String kind, String subject, String occurredAt, String data) {
    }

    private EventRows() {
    }

    /**
     * Stores own events in one transaction, each with the next sequence number after the highest in the file; an
     * event whose id is already held is skipped. Returns how many were new. The highest seq is read inside the
     * transaction: a command beside the app (lab check --data) may share this data folder and have stored some
     * since. If both took the same number, the later commit breaks the unique (device, seq) key and is tried again.
     */
    static int appendOwn(Connection conn, Hlc hlc, String deviceId, List<Own> rows) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return appendOnce(conn, hlc, deviceId, rows);
            } catch (SQLException e) {
                if (e.getErrorCode() != org.h2.api.ErrorCode.DUPLICATE_KEY_1 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static int appendOnce(Connection conn, Hlc hlc, String deviceId, List<Own> rows) throws SQLException {
        int added = 0;
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (PreparedStatement exists = conn.prepareStatement("SELECT 1 FROM events WHERE id = ?");
             PreparedStatement ins = insert(conn)) {
            long seq = lastSeq(conn, deviceId);
            Set<String> seen = new HashSet<>();
            for (Own r : rows) {
                exists.setString(1, r.id());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next() || !seen.add(r.id())) {
                        continue;
                    }
                }
                if (r.observeMs() >= 0) {
                    hlc.observe(r.observeMs(), 0);
                }
                Hlc.Stamp stamp = hlc.next();
                seq++;
                bind(ins, r.id(), "", deviceId, seq, stamp.ms(), stamp.count(), r.kind(), r.subject(), r.occurredAt(), r.data());
                ins.addBatch();
                added++;
            }
            ins.executeBatch();
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(auto);
        }
        return added;
    }

    /** The highest sequence number of this device's events in the file. */
    static long lastSeq(Connection conn, String deviceId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM events WHERE device = ?")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static PreparedStatement insert(Connection conn) throws SQLException {
        return conn.prepareStatement("INSERT INTO events(id, learner, device, seq, hlc_ms, hlc_count, kind, subject,"
                + " occurred_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    static void bind(PreparedStatement ps, String id, String learner, String device, long seq, long hlcMs,
                     int hlcCount, String kind, String subject, String occurredAt, String data) throws SQLException {
        ps.setString(1, id);
        ps.setString(2, learner);
        ps.setString(3, device);
        ps.setLong(4, seq);
        ps.setLong(5, hlcMs);
        ps.setInt(6, hlcCount);
        ps.setString(7, kind);
        ps.setString(8, subject);
        ps.setString(9, occurredAt);
        ps.setString(10, data);
    }

    /** Events in the order this store received them, after local position {@code pos}, at most {@code max}. */
    static List<StoredEvent> after(Connection conn, long pos, int max) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE pos > ? ORDER BY pos LIMIT ?")) {
            ps.setLong(1, pos);
            ps.setInt(2, max);
            return read(ps);
        }
    }

    /** This device's own events above {@code afterSeq}, by seq, at most {@code max}. */
    static List<StoredEvent> ownAfter(Connection conn, String deviceId, long afterSeq, int max) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE device = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            ps.setString(1, deviceId);
            ps.setLong(2, afterSeq);
            ps.setInt(3, max);
            return read(ps);
        }
    }

    static long count(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<StoredEvent> read(PreparedStatement ps) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)));
            }
        }
        return out;
    }
}
