package campus.server.testing;

import campus.progress.sync.SyncStore;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.WireEvent;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A device's local store for the sync client's tests: a real {@link SyncStore} on an embedded H2 database (a file
 * that survives the process being killed, or memory), with just what the client needs: own events with a gapless
 * seq, the acknowledged seq and pull cursor per server, received events stored once by id. The app's progress
 * store implements the same contract.
 */
public final class DeviceStore implements SyncStore, AutoCloseable {

    private final Connection c;
    private final String device;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private DeviceStore(String url) throws SQLException {
        c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS meta (k VARCHAR(64) PRIMARY KEY, v VARCHAR(64) NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS events (id VARCHAR(64) PRIMARY KEY, device VARCHAR(64) NOT NULL,"
                    + " seq BIGINT NOT NULL, body CLOB NOT NULL, UNIQUE (device, seq))");
            s.execute("CREATE TABLE IF NOT EXISTS acked (server VARCHAR(512) PRIMARY KEY, seq BIGINT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS cursor (server VARCHAR(512) NOT NULL, device VARCHAR(64) NOT NULL,"
                    + " seq BIGINT NOT NULL, PRIMARY KEY (server, device))");
            s.execute("MERGE INTO meta KEY (k) SELECT 'device', '" + UUID.randomUUID() + "' FROM DUAL"
                    + " WHERE NOT EXISTS (SELECT 1 FROM meta WHERE k = 'device')");
            try (ResultSet r = s.executeQuery("SELECT v FROM meta WHERE k = 'device'")) {
                r.next();
                device = r.getString(1);
            }
        }
    }

    /** A store in {@code dir} (made if new, reopened otherwise). */
    public static DeviceStore open(Path dir) throws SQLException {
        return new DeviceStore("jdbc:h2:file:" + dir.resolve("device").toAbsolutePath().toString().replace('\\', '/')
                + ";WRITE_DELAY=0");
    }

    /** A store in memory, gone when closed. */
    public static DeviceStore inMemory() throws SQLException {
        return new DeviceStore("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0");
    }

    @Override
    public String deviceId() {
        return device;
    }

    /** Records an own event (next seq) and tells the listeners, as the app's store does after each event. */
    public synchronized WireEvent record(String kind, String subject) {
        WireEvent e;
        try {
            long seq;
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM events WHERE device = '" + device + "'")) {
                r.next();
                seq = r.getLong(1) + 1;
            }
            JsonObject data = new JsonObject();
            data.addProperty("score", (int) (seq % 101));
            e = new WireEvent(UUID.randomUUID().toString(), device, seq, 1_765_000_000_000L + seq, 0, kind, subject,
                    "2026-12-05T08:00:00Z", data, null);
            insert(e);
        } catch (SQLException x) {
            throw new IllegalStateException(x);
        }
        listeners.forEach(Runnable::run);
        return e;
    }

    public void recordMany(int n) {
        for (int i = 0; i < n; i++) {
            record("lab.attempt", "lab-" + (i % 13));
        }
    }

    private void insert(WireEvent e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO events (id, device, seq, body) VALUES (?, ?, ?, ?)")) {
            s.setString(1, e.id());
            s.setString(2, e.device());
            s.setLong(3, e.seq());
            s.setString(4, Protocol.gson().toJson(new WireEvent(e.id(), e.device(), e.seq(), e.hlcMs(), e.hlcCount(),
                    e.kind(), e.subject(), e.occurredAt(), e.data(), null)));
            s.executeUpdate();
        }
    }

    @Override
    public synchronized long ackedSeq(String server) {
        return query("SELECT seq FROM acked WHERE server = ?", server);
    }

    @Override
    public synchronized List<WireEvent> ownEventsAfter(long afterSeq, int max) {
        List<WireEvent> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT body FROM events WHERE device = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            s.setString(1, device);
            s.setLong(2, afterSeq);
            s.setInt(3, max);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(Protocol.gson().fromJson(r.getString(1), WireEvent.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return list;
    }

    @Override
    public synchronized void saveAcked(String server, long ackedSeq) {
        try (PreparedStatement s = c.prepareStatement("MERGE INTO acked KEY (server) VALUES (?, GREATEST(?, "
                + "COALESCE((SELECT seq FROM acked WHERE server = ?), 0)))")) {
            s.setString(1, server);
            s.setLong(2, ackedSeq);
            s.setString(3, server);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized long queued(String server) {
        return query("SELECT COUNT(*) FROM events WHERE device = '" + device + "' AND seq > "
                + "COALESCE((SELECT seq FROM acked WHERE server = ?), 0)", server);
    }

    @Override
    public synchronized Map<String, Long> pullCursor(String server) {
        Map<String, Long> m = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT device, seq FROM cursor WHERE server = ?")) {
            s.setString(1, server);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    m.put(r.getString(1), r.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    @Override
    public synchronized int storeReceived(String server, List<WireEvent> events, Map<String, Long> cursor) {
        try {
            c.setAutoCommit(false);
            int fresh = 0;
            try (PreparedStatement held = c.prepareStatement("SELECT 1 FROM events WHERE id = ?")) {
                for (WireEvent e : events) {
                    held.setString(1, e.id());
                    try (ResultSet r = held.executeQuery()) {
                        if (r.next()) {
                            continue;
                        }
                    }
                    insert(e);
                    fresh++;
                }
            }
            try (PreparedStatement s = c.prepareStatement("MERGE INTO cursor KEY (server, device) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, Long> e : cursor.entrySet()) {
                    s.setString(1, server);
                    s.setString(2, e.getKey());
                    s.setLong(3, e.getValue());
                    s.executeUpdate();
                }
            }
            c.commit();
            return fresh;
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; so is the transaction
            }
            throw new IllegalStateException(e);
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // as above
            }
        }
    }

    @Override
    public void onRecorded(Runnable listener) {
        listeners.add(listener);
    }

    /** Every event held here, own and received: id → seq of its device. */
    public synchronized Map<String, String> all() {
        Map<String, String> m = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, device, seq FROM events")) {
            while (r.next()) {
                m.put(r.getString(1), r.getString(2) + "#" + r.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    public synchronized Set<String> devices() {
        return new HashSet<>(all().values().stream().map(v -> v.substring(0, v.indexOf('#'))).toList());
    }

    private long query(String sql, String server) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, server);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        c.close();
    }
}
