package campus.progress.store;

import campus.i18n.Msg;
import campus.progress.LearningEvent;
import campus.progress.LearningEventSink;
import campus.progress.concurrent.ProgressThreads;
import campus.progress.sync.SyncStore;
import campus.progress.sync.protocol.WireEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
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

    private final Path dataDir;
    private final Path dir;
    private final LongSupplier wallClock;
    private final Hlc hlc;
    /** The writer's thread when the caller has no thread policy of its own. */
    private static final ThreadFactory DAEMON = ProgressThreads.named("campus-progress");

    private final ExecutorService writer;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    private final List<Msg> notices = new CopyOnWriteArrayList<>();
    private final List<Runnable> recorded = new CopyOnWriteArrayList<>();
    private final List<Runnable> stored = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<Msg>> problems = new CopyOnWriteArrayList<>();
    /** Own events the disk refused, in the order recorded: only the store's thread touches them. */
    private final List<LearningEvent> unsaved = new ArrayList<>();
    private volatile Msg problem;
    private String reason;
    /** A statement failed: the connection is replaced before the next one (see reconnectIfClosed). */
    private volatile boolean failed;
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
        StoreFile.Opened o = StoreFile.openOrReplace(dir, file(), hlc, wallClock.getAsLong(), notices);
        conn = o.conn();
        deviceId = o.deviceId();
        try {
            LegacyLog.migrate(dataDir, this).ifPresent(notices::addAll);
        } catch (SQLException e) {
            throw new StoreUnavailableException(Msg.of("progress.store.unavailable", file().toString(), e.getMessage()), e);
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
                unsaved.add(event);
                if (!storeUnsaved()) {
                    // Also in the old event file where the disk takes it: safe from a quit before there is space again.
                    LegacyLog.append(dataDir, event);
                }
            });
        } catch (RejectedExecutionException closedAlready) {
            System.err.println("campus: event after close not stored");
        }
    }

    /**
     * On the store's thread: stores the events that wait (the disk refused them before) and clears {@link #problem()}.
     * When the disk refuses again they keep waiting, in order, and the problem is said once; storing them later is
     * idempotent by id, as is moving in the old event file where they may also be.
     */
    private boolean storeUnsaved() {
        int added;
        try {
            synchronized (this) {
                reconnectIfClosed();
                added = append(unsaved);
            }
        } catch (SQLException | RuntimeException e) {
            failed = true;
            Msg was = problem;
            reason = DiskSpace.reason(e);
            problem = DiskSpace.isFull(e, dir)
                    ? Msg.of("progress.store.diskFull", file().toString(), reason, unsaved.size())
                    : Msg.of("progress.store.cannotSave", file().toString(), reason, unsaved.size());
            System.err.println("campus: " + problem.in(campus.i18n.Lang.EN));
            if (was == null) {
                problems.forEach(l -> l.accept(problem));
            }
            return false;
        }
        unsaved.clear();
        if (problem != null) {
            problem = null;
            System.err.println("campus: " + Msg.of("progress.store.savedAgain", file().toString()).in(campus.i18n.Lang.EN));
        }
        if (added > 0) {
            recorded.forEach(Runnable::run);
            stored.forEach(Runnable::run);
        }
        return true;
    }

    /**
     * H2 keeps refusing every statement of a database whose file it once could not write (a full disk), or closes
     * it: after a failure the connection is replaced, which opens the file as it was after the last commit.
     */
    private void reconnectIfClosed() throws SQLException {
        requireOpen();
        if (failed || conn.isClosed()) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // the database is closed already; a new connection opens it again
            }
            StoreFile.Opened o = StoreFile.connect(dir, hlc);
            conn = o.conn();
            deviceId = o.deviceId();
            failed = false;
        }
    }

    /**
     * Why events cannot be stored right now (a full disk), with how many wait in memory; empty while they can. The
     * waiting events are stored with the next one recorded once there is room, or when the store closes. After
     * {@link #close()}: how many events were lost, if the disk took neither them nor the old event file's lines.
     */
    public java.util.Optional<Msg> problem() {
        return java.util.Optional.ofNullable(problem);
    }

    /** Called on the store's thread when events start failing to be stored (once, not for each event). */
    public void onProblem(java.util.function.Consumer<Msg> listener) {
        problems.add(listener);
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
        List<EventRows.Own> rows = new ArrayList<>(events.size());
        for (LearningEvent e : events) {
            rows.add(new EventRows.Own(e.id().toString(), -1, e.kind(), e.subject(), e.occurredAt().toString(), EventJson.data(e)));
        }
        return store(rows);
    }

    /** Like {@link #append} for events read from an old event file, whose stamps come from their own time. */
    synchronized int appendMigrated(List<LegacyLog.Line> lines) throws SQLException {
        List<EventRows.Own> rows = new ArrayList<>(lines.size());
        for (LegacyLog.Line l : lines) {
            rows.add(new EventRows.Own(l.id(), l.occurredAt().toEpochMilli(), l.kind(), l.subject(), l.occurredAt().toString(), l.data()));
        }
        return store(rows);
    }

    private int store(List<EventRows.Own> rows) throws SQLException {
        requireOpen();
        return EventRows.appendOwn(conn, hlc, deviceId, rows);
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
        StoreFile.Opened o = StoreFile.connect(dir, hlc);
        conn = o.conn();
        deviceId = o.deviceId();
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Waits for the opening (outside the lock: opening takes it), then runs {@code w} holding the connection. */
    private <T> T db(Work<T> w) {
        opened.join();
        synchronized (this) {
            try {
                reconnectIfClosed();
                return w.run();
            } catch (SQLException e) {
                failed = true;
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
        return db(() -> EventRows.after(conn, pos, max));
    }

    /** How many events the store holds, from every device. */
    public long count() {
        return db(() -> EventRows.count(conn));
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
        return db(() -> SyncTables.acked(conn, server));
    }

    @Override
    public List<WireEvent> ownEventsAfter(long afterSeq, int max) {
        return db(() -> EventRows.ownAfter(conn, deviceId, afterSeq, max).stream().map(StoredEvent::toWire).toList());
    }

    @Override
    public void saveAcked(String server, long ackedSeq) {
        db(() -> SyncTables.saveAcked(conn, server, ackedSeq));
    }

    @Override
    public long queued(String server) {
        return db(() -> Math.max(0, EventRows.lastSeq(conn, deviceId) - SyncTables.acked(conn, server)));
    }

    @Override
    public Map<String, Long> pullCursor(String server) {
        return db(() -> SyncTables.pullCursor(conn, server));
    }

    @Override
    public int storeReceived(String server, List<WireEvent> events, Map<String, Long> cursor) {
        int added = db(() -> SyncTables.storeReceived(conn, hlc, server, events, cursor));
        if (added > 0) {
            stored.forEach(Runnable::run);
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
        try {
            writer.execute(() -> {
                if (!unsaved.isEmpty() && opened.isDone() && !opened.isCompletedExceptionally() && !storeUnsaved()) {
                    // The last chance: the old event file, which the next start moves in (a line twice is read once).
                    long kept = unsaved.stream().filter(e -> LegacyLog.append(dataDir, e)).count();
                    problem = kept == unsaved.size() ? null
                            : Msg.of("progress.store.lost", unsaved.size() - kept, file().toString(), reason);
                    if (problem != null) {
                        System.err.println("campus: " + problem.in(campus.i18n.Lang.EN));
                    }
                }
            });
        } catch (RejectedExecutionException closedAlready) {
            // closed before
        }
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
