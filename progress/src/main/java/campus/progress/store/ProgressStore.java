package campus.progress.store;

import campus.i18n.Msg;
import campus.progress.LearningEvent;
import campus.progress.LearningEventSink;
import campus.progress.sync.SyncStore;
import campus.progress.sync.protocol.WireEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The learner's progress on this device: an embedded H2 file, {@code <data>/progress/store.mv.db}, holding
 * every learning event once, append-only (a trigger refuses UPDATE and DELETE). Own events get this
 * device's id, the next sequence number and a hybrid-logical stamp; events pulled from the learner's other
 * devices are added as they are. Derived progress is computed from the events elsewhere and never stored.
 *
 * <p>Recording runs on the store's own thread, so a lab check or a click never waits on the disk. Opening
 * runs there too (first task), so the app may create the store while it starts and open it later.
 * A store that cannot be read is moved aside as a backup and a new, empty one started (with a new device
 * id, as decision 0005 requires); {@link #notices()} says what happened. An {@code events.jsonl} left by an
 * earlier version is moved into the store on first open and kept, renamed.
 */
public final class ProgressStore implements LearningEventSink, SyncStore, AutoCloseable {

    public static final String FOLDER = "progress";
    public static final String FILE = "store.mv.db";

    private static final String SELECT = "SELECT pos, id, learner, device, seq, hlc_ms, hlc_count, kind, subject, "
            + "occurred_at, data FROM events ";

    private final Path dataDir;
    private final Path dir;
    private final LongSupplier wallClock;
    private final Hlc hlc;
    /** The writer's thread when the caller has no thread policy of its own. */
    private static final ThreadFactory DAEMON = r -> {
        Thread t = new Thread(r, "campus-progress");
        t.setDaemon(true);
        return t;
    };

    private final ExecutorService writer;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    private final List<Msg> notices = new CopyOnWriteArrayList<>();
    private final List<Runnable> recorded = new CopyOnWriteArrayList<>();
    private final List<Runnable> stored = new CopyOnWriteArrayList<>();
    private Connection conn;
    private String deviceId;
    private boolean closed;

    private ProgressStore(Path dataDir, LongSupplier wallClock, ThreadFactory threads) {
        this.writer = Executors.newSingleThreadExecutor(threads);
        this.dataDir = dataDir;
        this.dir = dataDir.resolve(FOLDER);
        this.wallClock = wallClock;
        this.hlc = new Hlc(wallClock);
    }

    /** Opens the store in {@code dataDir} now; throws {@link StoreUnavailableException} if it cannot. */
    public static ProgressStore open(Path dataDir) {
        ProgressStore s = openInBackground(dataDir, System::currentTimeMillis);
        try {
            s.opened.join();
        } catch (RuntimeException e) {
            s.close();
            throw e.getCause() instanceof StoreUnavailableException u ? u : e;
        }
        return s;
    }

    /**
     * The store of {@code dataDir} for a sync from the command line, opened now (the caller closes it); a store that
     * cannot open is a local sync failure with its reason. The app hands its sync the store it already has open,
     * so one process never holds two stores on one file.
     */
    public static ProgressStore openForSync(Path dataDir) throws campus.progress.sync.SyncFailure {
        try {
            return open(dataDir);
        } catch (StoreUnavailableException e) {
            throw new campus.progress.sync.SyncFailure(campus.progress.sync.SyncFailure.Kind.LOCAL, e.msg());
        }
    }

    /**
     * Returns at once; the store opens on its own thread. Events recorded meanwhile wait in order, and
     * the sync methods wait for the opening. {@link #ready()} completes when it is open.
     */
    public static ProgressStore openInBackground(Path dataDir) {
        return openInBackground(dataDir, System::currentTimeMillis);
    }

    static ProgressStore openInBackground(Path dataDir, LongSupplier wallClock) {
        ProgressStore s = deferred(dataDir, wallClock);
        s.startOpening();
        return s;
    }

    /**
     * A store that takes events at once but opens only when {@link #startOpening()} is called: the app records
     * from its first click while the file opens after the first frame, off the start-up's critical path.
     */
    public static ProgressStore deferred(Path dataDir) {
        return deferred(dataDir, System::currentTimeMillis);
    }

    /** The same with the clock new events are stamped by (the app's: corrected by the server's, see ServerClock). */
    public static ProgressStore deferred(Path dataDir, LongSupplier wallClock) {
        return deferred(dataDir, wallClock, DAEMON);
    }

    /** The same with the app's thread policy: {@code threads} makes the one thread that writes the store. */
    public static ProgressStore deferred(Path dataDir, LongSupplier wallClock, ThreadFactory threads) {
        ProgressStore s = new ProgressStore(dataDir, wallClock, threads);
        s.writer.execute(() -> {
            try {
                s.go.await();
                s.openNow();
                s.opened.complete(null);
            } catch (InterruptedException e) {
                s.opened.completeExceptionally(new StoreUnavailableException(
                        Msg.of("progress.store.unavailable", s.file().toString(), "interrupted"), e));
            } catch (StoreUnavailableException e) {
                s.opened.completeExceptionally(e);
            } catch (RuntimeException e) {
                s.opened.completeExceptionally(new StoreUnavailableException(
                        Msg.of("progress.store.unavailable", s.file().toString(), String.valueOf(e)), e));
            }
        });
        return s;
    }

    /** Lets a {@link #deferred} store open (on its own thread); calling it again does nothing. */
    public void startOpening() {
        go.countDown();
    }

    /** Completes when the store is open (exceptionally with {@link StoreUnavailableException}). */
    public CompletableFuture<Void> ready() {
        return opened;
    }

    /** What happened while opening: a damaged store moved aside, an old event file moved in. */
    public List<Msg> notices() {
        return List.copyOf(notices);
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    // --- opening -----------------------------------------------------------------------------

    private void openNow() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreUnavailableException(Msg.of("progress.store.unavailable", file().toString(), String.valueOf(e)), e);
        }
        try {
            connect();
        } catch (SQLException e) {
            if (!isDamage(e, file())) {
                throw new StoreUnavailableException(Msg.of("progress.store.unavailable", file().toString(), e.getMessage()), e);
            }
            Path backup = moveAside();
            notices.add(Msg.of("progress.store.damaged", backup.toString(), firstLine(e.getMessage())));
            try {
                connect();
            } catch (SQLException again) {
                throw new StoreUnavailableException(
                        Msg.of("progress.store.unavailable", file().toString(), again.getMessage()), again);
            }
        }
        try {
            LegacyLog.migrate(dataDir, this).ifPresent(notices::addAll);
        } catch (SQLException e) {
            throw new StoreUnavailableException(Msg.of("progress.store.unavailable", file().toString(), e.getMessage()), e);
        }
    }

    private void connect() throws SQLException {
        String base = dir.resolve("store").toAbsolutePath().toString();
        // AUTO_SERVER: the app and a command (lab check --data) may use one data folder at the same time.
        // WRITE_DELAY=0: a committed event is in the file when the commit returns. H2 otherwise keeps up to 500 ms of
        // commits in memory, and a killed app would lose events it may already have uploaded; the next start would
        // then give their sequence numbers to other events, which the server refuses as a damaged store.
        conn = DriverManager.getConnection("jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "campus", "");
        try {
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS meta(k VARCHAR(64) PRIMARY KEY, v VARCHAR(4000) NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS events(pos BIGINT AUTO_INCREMENT PRIMARY KEY,"
                        + " id VARCHAR(64) NOT NULL UNIQUE, learner VARCHAR(200) NOT NULL, device VARCHAR(64) NOT NULL,"
                        + " seq BIGINT NOT NULL, hlc_ms BIGINT NOT NULL, hlc_count INT NOT NULL,"
                        + " kind VARCHAR(200) NOT NULL, subject VARCHAR(2000) NOT NULL, occurred_at VARCHAR(64) NOT NULL,"
                        + " data VARCHAR(1048576) NOT NULL, UNIQUE(device, seq))");
                st.execute("CREATE TRIGGER IF NOT EXISTS events_append_only BEFORE UPDATE, DELETE ON events"
                        + " FOR EACH ROW CALL '" + AppendOnly.class.getName() + "'");
                st.execute("CREATE TABLE IF NOT EXISTS sync_acked(server VARCHAR(2000) PRIMARY KEY, seq BIGINT NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS sync_cursor(server VARCHAR(2000) NOT NULL, device VARCHAR(64) NOT NULL,"
                        + " seq BIGINT NOT NULL, PRIMARY KEY(server, device))");
                // The latest stamp, which the clock must pass, without reading every event at each start.
                st.execute("CREATE INDEX IF NOT EXISTS events_hlc ON events(hlc_ms, hlc_count)");
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
                    rs.next();
                }
            }
            deviceId = meta("device").orElse(null);
            if (deviceId == null) {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO meta(k, v) VALUES ('device', ?)")) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (e.getErrorCode() != org.h2.api.ErrorCode.DUPLICATE_KEY_1) {
                        throw e;
                    }
                    // another process opening the same new folder named the device first
                }
                deviceId = meta("device").orElseThrow();
            }
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT hlc_ms, hlc_count FROM events ORDER BY hlc_ms DESC, hlc_count DESC LIMIT 1")) {
                if (rs.next()) {
                    hlc.observe(rs.getLong(1), rs.getInt(2));
                }
            }
        } catch (SQLException | RuntimeException e) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one to report
            }
            conn = null;
            throw e instanceof SQLException s ? s : new SQLException(e.getMessage(), "XX000", 50000, e);
        }
    }

    /** Errors meaning the file is not a readable store of ours, as opposed to locked, missing rights or a full disk. */
    private static boolean isDamage(SQLException e, Path file) {
        int code = e.getErrorCode();
        if (code == org.h2.api.ErrorCode.IO_EXCEPTION_1) {
            // A file too short or with a broken chunk reads as an I/O error of the file format, with the
            // file itself perfectly accessible; a real I/O problem (rights, a full disk) is not damage.
            boolean format = false;
            for (Throwable t = e; t != null; t = t.getCause()) {
                format |= t instanceof org.h2.mvstore.MVStoreException;
            }
            return format && Files.isReadable(file) && Files.isWritable(file);
        }
        return code == org.h2.api.ErrorCode.FILE_CORRUPTED_1
                || code == org.h2.api.ErrorCode.GENERAL_ERROR_1
                || code == org.h2.api.ErrorCode.FILE_VERSION_ERROR_1
                || code == org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1
                || code == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD
                || code == org.h2.api.ErrorCode.COLUMN_NOT_FOUND_1
                || code == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1;
    }

    private Path moveAside() {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(wallClock.getAsLong()));
        Path backup = dir.resolve("store-damaged-" + stamp + ".mv.db");
        for (int n = 2; Files.exists(backup); n++) {
            backup = dir.resolve("store-damaged-" + stamp + "-" + n + ".mv.db");
        }
        try {
            Files.move(file(), backup, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(dir.resolve("store.trace.db"));
        } catch (IOException e) {
            throw new StoreUnavailableException(Msg.of("progress.store.unavailable", file().toString(), String.valueOf(e)), e);
        }
        return backup;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private java.util.Optional<String> meta(String key) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT v FROM meta WHERE k = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        }
    }

    // --- recording ---------------------------------------------------------------------------

    /** Queues the event; it is stored on the store's thread, in the order recorded. */
    @Override
    public void record(LearningEvent event) {
        queue(() -> event);
    }

    /**
     * Records an event happening now. Only the time is taken here; the id (a secure random UUID, whose first use
     * seeds a generator) is made on the store's thread, so a UI thread calling this only queues it.
     */
    public void recordNow(String kind, String subject, Map<String, Object> data) {
        Instant at = Instant.now();
        Map<String, Object> copy = Map.copyOf(data);
        queue(() -> new LearningEvent(UUID.randomUUID(), kind, subject, at, copy));
    }

    private void queue(java.util.function.Supplier<LearningEvent> make) {
        try {
            writer.execute(() -> {
                LearningEvent event = make.get();
                if (!opened.isDone() || opened.isCompletedExceptionally()) {
                    // Kept in the old event file, which the next start that opens the store moves in.
                    LegacyLog.append(dataDir, event);
                    return;
                }
                try {
                    if (append(List.of(event)) > 0) {
                        recorded.forEach(Runnable::run);
                        stored.forEach(Runnable::run);
                    }
                } catch (SQLException | RuntimeException e) {
                    System.err.println("campus: could not store " + event.kind() + " " + event.subject() + " (" + e.getMessage()
                            + "); kept in " + dataDir.resolve(LegacyLog.FILE));
                    LegacyLog.append(dataDir, event);
                }
            });
        } catch (RejectedExecutionException closedAlready) {
            System.err.println("campus: event after close not stored");
        }
    }

    /** Waits until every event recorded so far is stored (commands and tests; never on the UI thread). */
    public void flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            writer.execute(() -> done.complete(null));
        } catch (RejectedExecutionException e) {
            return;
        }
        done.join();
    }

    /**
     * Stores own events in one transaction, each with the next sequence number; an event whose id is already
     * held (an exam result reported twice) is skipped. Returns how many were new.
     */
    synchronized int append(List<LearningEvent> events) throws SQLException {
        List<Own> rows = new ArrayList<>(events.size());
        for (LearningEvent e : events) {
            rows.add(new Own(e.id().toString(), -1, e.kind(), e.subject(), e.occurredAt().toString(), EventJson.data(e)));
        }
        return store(rows);
    }

    /** Like {@link #append} for events read from an old event file, whose stamps come from their own time. */
    synchronized int appendMigrated(List<LegacyLog.Line> lines) throws SQLException {
        List<Own> rows = new ArrayList<>(lines.size());
        for (LegacyLog.Line l : lines) {
            rows.add(new Own(l.id(), l.occurredAt().toEpochMilli(), l.kind(), l.subject(), l.occurredAt().toString(), l.data()));
        }
        return store(rows);
    }

    /** An own event about to be stored; {@code observeMs} ≥ 0 is a time the clock must pass first. */
    private record Own(String id, long observeMs, String kind, String subject, String occurredAt, String data) {
    }

    /**
     * Stores own events with the sequence numbers that follow the highest in the file, read inside the transaction:
     * a command beside the app (lab check --data) may share this data folder and have stored some since. If both
     * took the same number, the later commit breaks the unique (device, seq) key and is tried again.
     */
    private int store(List<Own> rows) throws SQLException {
        requireOpen();
        for (int attempt = 1; ; attempt++) {
            try {
                return storeOnce(rows);
            } catch (SQLException e) {
                if (e.getErrorCode() != org.h2.api.ErrorCode.DUPLICATE_KEY_1 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private int storeOnce(List<Own> rows) throws SQLException {
        int added = 0;
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (PreparedStatement exists = conn.prepareStatement("SELECT 1 FROM events WHERE id = ?");
             PreparedStatement ins = insert()) {
            long seq = lastSeq();
            java.util.Set<String> seen = new java.util.HashSet<>();
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
    private long lastSeq() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM events WHERE device = ?")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Rewrites the file without the space earlier page versions took (H2's SHUTDOWN COMPACT), then opens it again.
     * Seconds for a large store; only after moving a large old event file in, on the store's thread.
     */
    synchronized void compact() throws SQLException {
        requireOpen();
        try (Statement st = conn.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        conn.close();
        connect();
    }

    private PreparedStatement insert() throws SQLException {
        return conn.prepareStatement("INSERT INTO events(id, learner, device, seq, hlc_ms, hlc_count, kind, subject,"
                + " occurred_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    private static void bind(PreparedStatement ps, String id, String learner, String device, long seq, long hlcMs,
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

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Waits for the opening (outside the lock: opening takes it), then runs {@code w} holding the connection. */
    private <T> T db(Work<T> w) {
        opened.join();
        synchronized (this) {
            requireOpen();
            try {
                return w.run();
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    private void requireOpen() {
        if (conn == null) {
            throw new IllegalStateException("progress store not open");
        }
    }

    // --- reading -----------------------------------------------------------------------------

    /** Events in the order this store received them, after local position {@code pos}, at most {@code max}. */
    public List<StoredEvent> eventsAfter(long pos, int max) {
        return db(() -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE pos > ? ORDER BY pos LIMIT ?")) {
                ps.setLong(1, pos);
                ps.setInt(2, max);
                return read(ps);
            }
        });
    }

    /** How many events the store holds, from every device. */
    public long count() {
        return db(() -> {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
                rs.next();
                return rs.getLong(1);
            }
        });
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

    /** Called on the thread that stored them after new events arrived, own or from another device. */
    public void onStored(Runnable listener) {
        stored.add(listener);
    }

    // --- SyncStore ---------------------------------------------------------------------------

    @Override
    public String deviceId() {
        return db(() -> deviceId);
    }

    @Override
    public long ackedSeq(String server) {
        return db(() -> acked(server));
    }

    private long acked(String server) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT seq FROM sync_acked WHERE server = ?")) {
            ps.setString(1, server);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public List<WireEvent> ownEventsAfter(long afterSeq, int max) {
        return db(() -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE device = ? AND seq > ? ORDER BY seq LIMIT ?")) {
                ps.setString(1, deviceId);
                ps.setLong(2, afterSeq);
                ps.setInt(3, max);
                return read(ps).stream().map(StoredEvent::toWire).toList();
            }
        });
    }

    @Override
    public void saveAcked(String server, long ackedSeq) {
        db(() -> {
            try (PreparedStatement ps = conn.prepareStatement("MERGE INTO sync_acked(server, seq) KEY(server) VALUES (?, "
                + "GREATEST(?, COALESCE((SELECT seq FROM sync_acked WHERE server = ?), 0)))")) {
            ps.setString(1, server);
            ps.setLong(2, ackedSeq);
            ps.setString(3, server);
            return ps.executeUpdate();
            }
        });
    }

    @Override
    public long queued(String server) {
        return db(() -> Math.max(0, lastSeq() - acked(server)));
    }

    @Override
    public Map<String, Long> pullCursor(String server) {
        return db(() -> {
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
        });
    }

    @Override
    public int storeReceived(String server, List<WireEvent> events, Map<String, Long> cursor) {
        int added = db(() -> storeReceivedTx(server, events, cursor));
        if (added > 0) {
            stored.forEach(Runnable::run);
        }
        return added;
    }

    private int storeReceivedTx(String server, List<WireEvent> events, Map<String, Long> cursor) throws SQLException {
        int added = 0;
        conn.setAutoCommit(false);
        try (PreparedStatement exists = conn.prepareStatement("SELECT 1 FROM events WHERE id = ? OR (device = ? AND seq = ?)");
             PreparedStatement ins = insert();
             PreparedStatement cur = conn.prepareStatement("MERGE INTO sync_cursor(server, device, seq) KEY(server, device)"
                     + " VALUES (?, ?, GREATEST(?, COALESCE((SELECT seq FROM sync_cursor WHERE server = ? AND device = ?), 0)))")) {
            java.util.Set<String> seen = new java.util.HashSet<>();
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
                bind(ins, w.id(), w.learner() == null ? "" : w.learner(), w.device(), w.seq(), w.hlcMs(), w.hlcCount(),
                        w.kind(), w.subject(), w.occurredAt(),
                        w.data() == null ? "{}" : campus.progress.sync.protocol.Protocol.gson().toJson(w.data()));
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

    @Override
    public void onRecorded(Runnable listener) {
        recorded.add(listener);
    }

    // --- closing -----------------------------------------------------------------------------

    /** Stores what is queued (waiting briefly) and closes the file. */
    @Override
    public void close() {
        go.countDown();
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (conn != null) {
                try {
                    conn.close();
                } catch (SQLException e) {
                    System.err.println("campus: closing the progress store: " + e.getMessage());
                }
            }
        }
    }
}
