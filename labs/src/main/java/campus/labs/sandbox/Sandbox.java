package campus.labs.sandbox;

import campus.i18n.Msg;
import campus.labs.concurrent.LabThreads;
import campus.labs.dataset.Dataset;
import campus.labs.dataset.LoadProgress;
import campus.labs.sql.GuardPolicy;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One private in-memory H2 database (MySQL mode) for one lab session.
 *
 * <p>Isolation: the dataset lives in schema {@code lab}. The learner connects as a non-admin H2 user.
 * In a {@link GuardPolicy#READ_ONLY} sandbox that user has only {@code SELECT} on {@code lab}, so an
 * attempt cannot change anything and isolating attempts costs nothing. In a
 * {@link GuardPolicy#READ_WRITE} sandbox the user owns {@code lab} and works in a transaction that
 * {@link #reset()} rolls back (cost proportional to what the attempt changed, not to the dataset).
 * H2 commits DDL implicitly: {@link TableRestorer} copies each dataset table a DDL statement is about to
 * commit changes to (once, into the admin-only schema {@code pristine}), and after the attempt drops what the
 * learner created and rebuilds only the touched tables. Reference solutions run on the admin connection;
 * their results stay in Java.
 *
 * <p>{@link #resetLater()} takes that work off the learner's path: the verdict of an attempt does not wait for the
 * rollback or the restore, which runs on a background thread while the learner reads it. Every other call first
 * finishes a reset still pending (or waits for the background one), so no statement ever sees the previous attempt.
 *
 * <p>Its parts: {@link SandboxDatabase} (the database and its connections), {@link LearnerRuns} (guarded learner SQL
 * and Cancel), {@link TrustedSql} (the lab's own SQL); this class serialises them and keeps the dataset as loaded
 * between attempts.
 *
 * <p>Thread-safety: every method may be called from a worker thread; calls are serialised, except
 * {@link #cancel()}, which may be called from any thread while a statement runs.
 */
public final class Sandbox implements LabSandbox {

    /** Runs deferred resets; shared by all sandboxes, threads die when idle. */
    private static final ExecutorService RESETS = LabThreads.cached("lab-reset", 30);

    private final GuardPolicy policy;
    private final SandboxLimits limits;
    private final LearnerRuns learnerRuns;
    private final TrustedSql trusted;
    private final ReentrantLock lock = new ReentrantLock();
    /** Its connections are used under {@link #lock}. */
    private final SandboxDatabase db;
    /** A reset asked for by {@link #resetLater()} and not done yet. Written under {@link #lock}. */
    private volatile boolean resetPending;
    /** The pending reset rebuilds tables (the attempt ran DDL), which can take seconds on a big dataset. */
    private volatile boolean rebuildPending;
    private volatile boolean closed;

    private Sandbox(GuardPolicy policy, SandboxLimits limits, SandboxDatabase db) {
        this.policy = policy;
        this.limits = limits;
        this.db = db;
        this.learnerRuns = new LearnerRuns(policy, limits);
        this.trusted = new TrustedSql(limits);
    }

    /** Creates the database, loads the dataset at the given scale (null: its default) and opens the learner. */
    public static Sandbox open(Dataset dataset, Integer scale, GuardPolicy policy, SandboxLimits limits)
            throws DatasetException {
        return open(dataset, scale, policy, limits, null, LoadProgress.NONE);
    }

    /**
     * A sandbox on a copy of a cached dataset that another process checked out (a lab worker is handed the copy its
     * parent made, so the parent shows the progress of a first generation); deleted when the sandbox closes.
     */
    static Sandbox openOnCopy(Dataset dataset, Integer scale, GuardPolicy policy, SandboxLimits limits,
                              DatasetCache.Copy copy) throws DatasetException {
        return new Sandbox(policy, limits, SandboxDatabase.open(dataset, scale, policy, null, LoadProgress.NONE, copy));
    }

    /**
     * Same as {@link #open(Dataset, Integer, GuardPolicy, SandboxLimits)}; with a {@code cache}, the database is a
     * private copy of the dataset's cached file (generated on first use) instead of an in-memory database the dataset
     * is generated into. {@code progress} hears how far the opening has got (on this thread).
     */
    public static Sandbox open(Dataset dataset, Integer scale, GuardPolicy policy, SandboxLimits limits,
                               DatasetCache cache, LoadProgress progress) throws DatasetException {
        if (policy == GuardPolicy.DATASET) {
            throw new IllegalArgumentException("a lab sandbox is READ_ONLY or READ_WRITE");
        }
        return new Sandbox(policy, limits, SandboxDatabase.open(dataset, scale, policy, cache, progress, null));
    }

    /** The reason the dataset's saved copy had to be generated again, if it was damaged. */
    public Optional<Msg> repaired() {
        return db.repaired();
    }

    /** Whether opening generated the dataset (no cache, or the first use of this dataset and size). */
    public boolean generated() {
        return db.generated();
    }

    public GuardPolicy policy() {
        return policy;
    }

    public SandboxLimits limits() {
        return limits;
    }

    /** Runs learner SQL through the guard, with the session's limits. Changes stay until {@link #reset()}. */
    public RunResult run(String script) {
        return run(script, limits.rowCap(), false);
    }

    /** Same as {@link #run(String)}, keeping up to {@code rowCap} rows of each result. */
    public RunResult run(String script, int rowCap, boolean explainOnly) {
        return run(script, rowCap, explainOnly, () -> false);
    }

    /**
     * Same, for the lab worker: {@code cancelledAlready} tells whether a cancel for this run came before it got here
     * (it is asked once the run counts as in progress, so a {@link #cancel()} from then on is seen the usual way).
     */
    RunResult run(String script, int rowCap, boolean explainOnly, BooleanSupplier cancelledAlready) {
        learnerRuns.enter(cancelledAlready);
        try {
            lock.lock();
            try {
                settle();
                return learnerRuns.run(db, script, rowCap, explainOnly);
            } finally {
                lock.unlock();
            }
        } finally {
            learnerRuns.exit();
        }
    }

    /** How many {@link #run} calls have been made and not returned (one runs, the others wait their turn). */
    public int runsInProgress() {
        return learnerRuns.inProgress();
    }

    /** Whether a learner statement is executing now. */
    public boolean statementRunning() {
        return learnerRuns.statementRunning();
    }

    /**
     * Stops the statement that is running now, or, when a {@link #run} has been called and its statement has not
     * started yet (waiting for a reset, being checked by the guard, between two statements), the run that is about to
     * start it: a Cancel pressed early is not lost. Safe from any thread; does nothing when nothing is running.
     */
    public void cancel() {
        learnerRuns.cancel();
    }

    /**
     * Puts the dataset back as loaded: nothing to do for a read-only sandbox, a rollback after DML,
     * a rebuild from the pristine copy after DDL.
     */
    public void reset() {
        lock.lock();
        try {
            resetPending = false;
            resetNow();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Same as {@link #reset()}, but returns at once: the rollback (and any restore) runs on a background thread. The
     * next call that uses the database waits for it if it is still running, or does it itself if it has not started.
     */
    public void resetLater() {
        if (policy == GuardPolicy.READ_ONLY) {
            return;
        }
        lock.lock();
        try {
            resetPending = true;
            rebuildPending = db.restorer().ddlHappened();
        } finally {
            lock.unlock();
        }
        RESETS.execute(() -> {
            lock.lock();
            try {
                settle();
            } catch (RuntimeException e) {
                // Left pending: the next call retries it and reports the failure to its caller.
                resetPending = !closed;
            } finally {
                lock.unlock();
            }
        });
    }

    /** Whether a deferred reset has not finished yet (for progress display; {@link #reset()} waits for it anyway). */
    public boolean resetPending() {
        return resetPending;
    }

    /** Whether a deferred reset is still to rebuild tables: the slow kind, worth telling the learner about. */
    public boolean rebuildPending() {
        return resetPending && rebuildPending;
    }

    /** Does the reset {@link #resetLater()} left pending, if any. Caller holds {@link #lock}. */
    private void settle() {
        if (resetPending) {
            resetNow();
            resetPending = false;
        }
    }

    private void resetNow() {
        if (policy == GuardPolicy.READ_ONLY || closed) {
            return;
        }
        try {
            db.learner().rollback();
            TableRestorer restorer = db.restorer();
            if (restorer.ddlHappened()) {
                restorer.restore();
            }
            restorer.restoreCounters();
        } catch (SQLException | RuntimeException e) {
            // Whatever the attempt did that the restorer could not undo, the next attempt must not see it: put the
            // whole schema back by loading the dataset again (seconds at most, and only after such an attempt).
            db.reload();
        }
    }

    /** Whether the last attempt ran DDL, so {@link #reset()} has to restore tables rather than only roll back. */
    public boolean needsRebuild() {
        lock.lock();
        try {
            return db.restorer() != null && db.restorer().ddlHappened();
        } finally {
            lock.unlock();
        }
    }

    /** READ_WRITE: the dataset tables copied so far to restore them after DDL (none until DDL touches one). */
    public Set<String> copiedTables() {
        lock.lock();
        try {
            settle();
            return db.restorer() == null ? Set.of() : db.restorer().copiedTables();
        } finally {
            lock.unlock();
        }
    }

    /** Tables and views the learner sees now (including its own uncommitted changes), with row counts. */
    public List<SchemaTable> schema() {
        lock.lock();
        try {
            settle();
            return SchemaReader.read(db.learner(), SandboxDatabase.LAB);
        } catch (SQLException e) {
            throw new IllegalStateException("schema read failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs trusted SQL (a reference solution, verification queries) as the admin in the lab schema,
     * without the guard, and returns the last result; used to compute expected results.
     */
    public RunResult runTrusted(String script, int rowCap) throws SQLException {
        lock.lock();
        try {
            settle();
            return trusted.run(db, script, rowCap);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The reference state of a {@code state} lab: applies the trusted reference script as the admin on the
     * dataset, reads the verification queries, then throws the changes away (rollback, or a rebuild from
     * the pristine copy when the reference ran DDL). The learner never sees the reference's changes.
     */
    public List<StatementResult> expectedState(String reference, List<String> verifyQueries, int rowCap)
            throws SQLException {
        lock.lock();
        try {
            settle();
            return trusted.expectedState(db, reference, verifyQueries, rowCap);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the verification queries of a {@code state} lab on the learner's connection, so they see the
     * learner's uncommitted changes. Our own SQL: not guarded.
     */
    public RunResult verify(List<String> queries, int rowCap) {
        lock.lock();
        try {
            settle();
            return trusted.verify(db, queries, rowCap);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        cancel();
        db.close();
    }
}
