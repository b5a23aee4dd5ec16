package campus.progress.sync;

import campus.i18n.Msg;
import campus.progress.concurrent.ProgressThreads;
import campus.progress.sync.SyncState.Phase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Syncs a data folder in the background whenever it is signed in: soon after an event is recorded, every few
 * minutes for other devices' events, and after a failure again with exponential backoff and jitter (so a class
 * whose server comes back does not return all at once). Sign-in, sign-up, sign-out and "sync now" run on the same
 * one worker thread, never on the caller's: the app's UI thread only ever gets futures and {@link SyncState}s.
 * Nothing is held only here: a process killed at any point continues from the store and the account file.
 */
public final class AutoSync implements AutoCloseable {

    /** Opens the local store: the one place the app and the CLI get it from (the app: the store it has open; the CLI: {@code ProgressStore.openForSync}). */
    @FunctionalInterface
    public interface StoreSource {
        SyncStore open() throws SyncFailure;
    }

    /** Timings: after a recorded event, between polls, the first and the largest backoff. */
    public record Timing(long debounceMs, long pollMs, long backoffMinMs, long backoffMaxMs) {
        public static final Timing DEFAULT = new Timing(2_000, 5 * 60_000, 2_000, 5 * 60_000);
    }

    private final SignIn signIn;
    private final StoreSource stores;
    private final Timing timing;
    private final Clock clock;
    private final Random jitter = new Random();
    /** The worker's thread when the caller has no thread policy of its own. */
    private static final ThreadFactory DAEMON = ProgressThreads.named("campus-sync");

    private final ScheduledExecutorService worker;
    private final List<Consumer<SyncState>> listeners = new CopyOnWriteArrayList<>();
    private volatile SyncState state = SyncState.signedOut(0);
    // Touched on the worker thread only.
    private SyncStore store;
    private Msg storeProblem;
    private Account account;
    private ScheduledFuture<?> next;
    private long nextAt = Long.MAX_VALUE;
    private int failures;
    private boolean blocked;

    public AutoSync(Path dataDir, StoreSource stores) {
        this(dataDir, stores, Timing.DEFAULT, Clock.systemUTC());
    }

    /** With the app's thread policy: {@code threads} makes the one thread that syncs. */
    public AutoSync(Path dataDir, StoreSource stores, ThreadFactory threads) {
        this(dataDir, stores, Timing.DEFAULT, Clock.systemUTC(), threads);
    }

    public AutoSync(Path dataDir, StoreSource stores, Timing timing, Clock clock) {
        this(dataDir, stores, timing, clock, DAEMON);
    }

    private AutoSync(Path dataDir, StoreSource stores, Timing timing, Clock clock, ThreadFactory threads) {
        this.worker = Executors.newSingleThreadScheduledExecutor(threads);
        this.signIn = new SignIn(dataDir);
        this.stores = stores;
        this.timing = timing;
        this.clock = clock;
    }

    /** Reads the account file and, if signed in, syncs at once. Returns at once. */
    public void start() {
        worker.execute(() -> {
            try {
                account = signIn.file().read();
            } catch (SyncFailure f) {
                publish(SyncState.signedOut(0).with(Phase.ERROR, f.msg()));
                return;
            }
            SyncStore s = store();
            if (s != null) {
                s.onRecorded(this::recorded);
            }
            SyncState now = fresh();
            publish(s == null && signedIn() ? now.with(Phase.ERROR, storeProblem) : now);
            if (signedIn() && s != null) {
                schedule(0);
            }
        });
    }

    public SyncState state() {
        return state;
    }

    /** Called on the sync thread with every new state (the app moves it to its UI thread). */
    public void addListener(Consumer<SyncState> l) {
        listeners.add(l);
    }

    /** Syncs now, whatever the backoff; the future fails with a {@link SyncFailure}. */
    public CompletableFuture<SyncRun.Report> syncNow() {
        CompletableFuture<SyncRun.Report> done = new CompletableFuture<>();
        worker.execute(() -> {
            blocked = false;
            try {
                done.complete(syncOnce());
            } catch (SyncFailure f) {
                done.completeExceptionally(f);
            }
        });
        return done;
    }

    public CompletableFuture<Account> signIn(String server, String user, String password) {
        return onWorker(() -> signIn.login(server, user, password, deviceIdOrNull()));
    }

    public CompletableFuture<Account> signUp(String server, String invite, String user, String password) {
        return onWorker(() -> signIn.signup(server, invite, user, password, deviceIdOrNull()));
    }

    /** Signs out; the future says whether the server was told (false: it was unreachable, the token expires there). */
    public CompletableFuture<Boolean> signOut() {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                boolean told = signIn.logout();
                account = signIn.file().read();
                cancel();
                publish(fresh());
                done.complete(told);
            } catch (SyncFailure f) {
                done.completeExceptionally(f);
            }
        });
        return done;
    }

    private interface AccountStep {
        Account run() throws SyncFailure;
    }

    private CompletableFuture<Account> onWorker(AccountStep step) {
        CompletableFuture<Account> done = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                account = step.run();
                blocked = false;
                failures = 0;
                publish(fresh());
                done.complete(account);
                schedule(0);
            } catch (SyncFailure f) {
                done.completeExceptionally(f);
            }
        });
        return done;
    }

    private String deviceIdOrNull() {
        SyncStore s = store();
        return s == null ? null : s.deviceId();
    }

    private boolean signedIn() {
        return account != null && account.signedIn();
    }

    /** The store, opened on first use; null (with {@link #storeProblem} saying why) if it cannot be opened. */
    private SyncStore store() {
        if (store == null) {
            try {
                store = stores.open();
                storeProblem = null;
            } catch (SyncFailure f) {
                storeProblem = f.msg();
            } catch (RuntimeException e) {
                storeProblem = SyncRun.storeFailure(e).msg();
            }
        }
        return store;
    }

    /** On the recording thread: count it and sync soon, unless a backoff already set a later time. */
    private void recorded() {
        if (worker.isShutdown()) {
            return; // closed: the store outlives this sync (SyncStore has no way to take a listener back)
        }
        try {
            worker.execute(() -> {
                publish(state.withQueued(queued()));
                if (signedIn() && !blocked && failures == 0) {
                    schedule(timing.debounceMs());
                }
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            // Never the recording thread's problem: the next start sends the event.
        }
    }

    private long queued() {
        SyncStore s = store();
        if (s == null || account == null) {
            return 0;
        }
        try {
            return s.queued(account.server());
        } catch (RuntimeException e) {
            return state.queued();
        }
    }

    /** The state as the account file and store say, before or after a sync. */
    private SyncState fresh() {
        if (!signedIn()) {
            // Where and as whom it last was, for the sign-in dialog to offer again.
            return new SyncState(Phase.SIGNED_OUT, 0, null, null, 0, account == null ? null : account.server(),
                    account == null ? null : account.user());
        }
        Instant last = account.lastSyncedAt() == null ? null : Instant.parse(account.lastSyncedAt());
        return new SyncState(Phase.IDLE, queued(), last, null, state.skewMs(), account.server(), account.user());
    }

    /** Runs a sync at {@code delayMs} from now, unless one is due sooner already. */
    private void schedule(long delayMs) {
        long at = clock.millis() + delayMs;
        if (next != null && !next.isDone() && nextAt <= at) {
            return;
        }
        cancel();
        nextAt = at;
        next = worker.schedule(this::background, delayMs, TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        nextAt = Long.MAX_VALUE;
    }

    private void background() {
        next = null;
        nextAt = Long.MAX_VALUE;
        if (!signedIn() || blocked) {
            return;
        }
        try {
            syncOnce();
        } catch (SyncFailure f) {
            // syncOnce has published the state and planned the retry.
        }
    }

    private SyncRun.Report syncOnce() throws SyncFailure {
        if (!signedIn()) {
            SyncFailure f = new SyncFailure(SyncFailure.Kind.AUTH, Msg.of("sync.error.signedOut"));
            publish(state.with(Phase.SIGNED_OUT, null));
            throw f;
        }
        SyncStore s = store();
        if (s == null) {
            SyncFailure f = new SyncFailure(SyncFailure.Kind.LOCAL, storeProblem);
            failed(f);
            throw f;
        }
        publish(state.with(Phase.SYNCING, null));
        SyncRun run = new SyncRun(new SyncHttp(account.server()), account.token(), s);
        try {
            SyncRun.Report r = run.run();
            failures = 0;
            String now = Instant.ofEpochMilli(clock.millis()).toString();
            Account synced = account.syncedAt(now);
            signIn.file().write(synced);
            account = synced;
            SyncState done = fresh();
            publish(new SyncState(done.phase(), done.queued(), done.lastSynced(), null, r.skewMs(), done.server(), done.user()));
            schedule(jittered(timing.pollMs()));
            return r;
        } catch (SyncFailure f) {
            failed(f);
            throw f;
        }
    }

    private void failed(SyncFailure f) {
        SyncState base = fresh();
        Phase phase = f.kind() == SyncFailure.Kind.OFFLINE ? Phase.OFFLINE : Phase.ERROR;
        publish(new SyncState(phase, base.queued(), base.lastSynced(), f.msg(), state.skewMs(), base.server(), base.user()));
        if (!f.kind().retryable()) {
            blocked = true;
            cancel();
            return;
        }
        failures = Math.min(failures + 1, 30);
        schedule(Math.max(f.retryAfterMs(), backoff(failures)));
    }

    /** The n-th retry's wait: doubling from the first up to the largest, each drawn from its upper half. */
    long backoff(int n) {
        long cap = timing.backoffMinMs() << Math.min(n - 1, 20);
        return jittered(Math.min(timing.backoffMaxMs(), cap));
    }

    private long jittered(long ms) {
        return ms / 2 + (long) (jitter.nextDouble() * (ms / 2.0));
    }

    private void publish(SyncState s) {
        state = s;
        for (Consumer<SyncState> l : listeners) {
            l.accept(s);
        }
    }

    /**
     * Stops the background sync without waiting (a window closing must not wait on the network): a sync under way
     * is abandoned where it is, which every step allows, and the next start continues it.
     */
    @Override
    public void close() {
        worker.shutdownNow();
    }
}
