package campus.labs.sandbox;

import campus.i18n.Msg;
import campus.labs.concurrent.LabThreads;
import campus.labs.dataset.Dataset;
import campus.labs.dataset.LoadProgress;
import campus.labs.sql.GuardPolicy;
import campus.labs.sql.SqlGuard;
import campus.labs.sql.SqlScript;
import campus.labs.sql.SqlStatement;
import campus.labs.sql.SqlSyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

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
 * <p>Thread-safety: every method may be called from a worker thread; calls are serialised, except
 * {@link #cancel()}, which may be called from any thread while a statement runs.
 */
public final class Sandbox implements LabSandbox {

    static final String LAB = "lab";
    /** Settings of every sandbox database: MySQL mode, and no Java object is ever deserialized ({@link NoJavaObjects}). */
    static final String SETTINGS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=LOW;JAVA_OBJECT_SERIALIZER='"
            + NoJavaObjects.class.getName() + "'";
    private static final String PRISTINE = "pristine";
    /** Runs deferred resets; shared by all sandboxes, threads die when idle. */
    private static final java.util.concurrent.ExecutorService RESETS = LabThreads.cached("lab-reset", 30);

    private String url;
    private final String learnerPassword = UUID.randomUUID().toString();
    private String adminPassword = UUID.randomUUID().toString();
    private String learnerUser = "learner";
    private final DatasetCache cache;
    private final LoadProgress progress;
    /** The private copy of the cached dataset this sandbox runs on; null for an in-memory database. */
    private DatasetCache.Copy copy;
    private final GuardPolicy policy;
    private final SandboxLimits limits;
    private Connection admin;
    private Dataset dataset;
    private Integer scale;
    private final List<String> ddl = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();
    /** READ_WRITE only: an admin connection for copies and restores, and the restorer itself. */
    private Connection maint;
    private TableRestorer restorer;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection learner;
    private volatile StatementRunner current;
    /** A reset asked for by {@link #resetLater()} and not done yet. Written under {@link #lock}. */
    private volatile boolean resetPending;
    /** The pending reset rebuilds tables (the attempt ran DDL), which can take seconds on a big dataset. */
    private volatile boolean rebuildPending;
    private volatile boolean closed;
    /** Its monitor also guards the hand-over of {@link #current}. */
    private final RunsInProgress runs = new RunsInProgress();

    private Sandbox(GuardPolicy policy, SandboxLimits limits, DatasetCache cache, LoadProgress progress) {
        this.policy = policy;
        this.limits = limits;
        this.cache = cache;
        this.progress = progress;
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
        Sandbox sb = new Sandbox(policy, limits, null, LoadProgress.NONE);
        sb.copy = copy;
        try {
            sb.setUp(dataset, scale);
            return sb;
        } catch (SQLException e) {
            sb.close();
            throw new DatasetException(Msg.of("labs.dataset.loadFailed", dataset.name(), ErrorMapper.readable(e.getMessage())));
        } catch (DatasetException | RuntimeException e) {
            sb.close();
            throw e;
        }
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
        Sandbox sb = new Sandbox(policy, limits, cache, progress);
        try {
            sb.setUp(dataset, scale);
            return sb;
        } catch (SQLException e) {
            sb.close();
            throw new DatasetException(Msg.of("labs.dataset.loadFailed", dataset.name(), ErrorMapper.readable(e.getMessage())));
        } catch (DatasetException | RuntimeException e) {
            sb.close();
            throw e;
        }
    }

    private void setUp(Dataset dataset, Integer scale) throws SQLException, DatasetException {
        this.dataset = dataset;
        this.scale = scale;
        if (cache == null && copy == null) {
            url = "jdbc:h2:mem:campus-lab-" + UUID.randomUUID();
            admin = connect(url + SETTINGS, "campus_admin", adminPassword);
            Msg generating = Msg.of("labs.load.generating", dataset.name(),
                    dataset.scalable() ? (Object) (scale != null ? scale : dataset.defaultScale().getAsInt()) : "—");
            progress.update(generating, 0);
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE USER learner PASSWORD '" + UUID.randomUUID() + "'");
                st.execute("CREATE SCHEMA " + LAB + " AUTHORIZATION learner");
                st.execute("SET SCHEMA " + LAB);
                DatasetLoader.load(admin, dataset, scale, ddl, tables, f -> progress.update(generating, f));
                st.execute("SET SCHEMA PUBLIC");
            }
        } else {
            if (copy == null) {
                copy = cache.checkout(dataset, scale, progress);
            }
            url = copy.url();
            try {
                admin = connect(url, DatasetCache.ADMIN, copy.password());
            } catch (SQLException e) {
                if (cache == null) {
                    throw e;
                }
                // the copy's checksum matched but H2 cannot read it (written by a broken build): generate it again
                copy.delete();
                copy = cache.rebuild(dataset, scale, progress,
                        Msg.of("labs.cache.damaged.open", dataset.name(), ErrorMapper.readable(e.getMessage())));
                url = copy.url();
                admin = connect(url, DatasetCache.ADMIN, copy.password());
            }
            adminPassword = copy.password();
            try (Statement st = admin.createStatement()) {
                // a 64 MB page cache (H2's default is 16 MB): repeated scans of a 1,000,000-row table stay in memory
                // longer. Set by the admin: a setting in the URL would refuse the learner's connection.
                st.execute("SET CACHE_SIZE 65536");
            }
        }
        // The dataset's schema belongs to user learner. A read-only sandbox logs in as reader, who may only read it;
        // a read-write one logs in as learner, who owns it and works in a transaction.
        try (Statement st = admin.createStatement()) {
            if (policy == GuardPolicy.READ_ONLY) {
                learnerUser = "reader";
                st.execute("CREATE USER reader PASSWORD '" + learnerPassword + "'");
                st.execute("GRANT SELECT ON SCHEMA " + LAB + " TO reader");
            } else {
                learnerUser = "learner";
                st.execute("ALTER USER learner SET PASSWORD '" + learnerPassword + "'");
                st.execute("CREATE SCHEMA " + PRISTINE);
                maint = connect(url, "campus_admin", adminPassword);
                restorer = new TableRestorer(maint, LAB, PRISTINE);
            }
        }
        openLearner();
    }

    /** The reason the dataset's saved copy had to be generated again, if it was damaged. */
    public Optional<Msg> repaired() {
        return copy == null ? Optional.empty() : copy.repaired();
    }

    /** Whether opening generated the dataset (no cache, or the first use of this dataset and size). */
    public boolean generated() {
        return copy == null || copy.built();
    }

    private void openLearner() throws SQLException {
        learner = connect(url, learnerUser, learnerPassword);
        try (Statement st = learner.createStatement()) {
            st.execute("SET SCHEMA " + LAB);
        }
        learner.setAutoCommit(policy == GuardPolicy.READ_ONLY);
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return new org.h2.Driver().connect(url, p);
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
    RunResult run(String script, int rowCap, boolean explainOnly, java.util.function.BooleanSupplier cancelledAlready) {
        runs.enter(cancelledAlready);
        try {
            return runGuarded(script, rowCap, explainOnly);
        } finally {
            runs.exit();
        }
    }

    private RunResult runGuarded(String script, int rowCap, boolean explainOnly) {
        lock.lock();
        try {
            settle();
            List<SqlStatement> statements;
            try {
                statements = SqlScript.split(script);
            } catch (SqlSyntaxException e) {
                return new RunResult(List.of(), java.util.Optional.of(
                        SqlProblem.at(SqlProblem.Kind.SYNTAX, e.msg(), script, e.offset())), 0);
            }
            long t0 = System.nanoTime();
            List<StatementResult> done = new ArrayList<>();
            for (SqlStatement s : statements) {
                var refusal = SqlGuard.check(s, policy);
                if (refusal.isPresent()) {
                    return stop(done, SqlProblem.at(SqlProblem.Kind.REFUSED, refusal.get().message(), script,
                            refusal.get().offset()), t0);
                }
                StatementRunner runner = new StatementRunner(learner, limits, script, s);
                synchronized (runs) {
                    current = runner;
                    if (runs.cancelPending()) {
                        runner.cancel();
                    }
                }
                try {
                    StatementRunner.Outcome o = runner.run(policy, rowCap, explainOnly,
                            restorer == null ? null : restorer::beforeDdl);
                    if (o.problem() != null) {
                        if (o.problem().kind() == SqlProblem.Kind.MEMORY || o.problem().kind() == SqlProblem.Kind.ERROR) {
                            recoverIfDead();
                        }
                        return stop(done, o.problem(), t0);
                    }
                    done.add(o.result());
                } finally {
                    synchronized (runs) {
                        current = null;
                    }
                }
            }
            return new RunResult(done, java.util.Optional.empty(), System.nanoTime() - t0);
        } finally {
            lock.unlock();
        }
    }

    /**
     * H2 shuts a database down when a statement runs out of memory (error 90108): the heap is fine again once
     * the statement's garbage is gone, but the in-memory database is lost. Load it again, so the learner can go on.
     */
    private void recoverIfDead() {
        try (Statement st = admin.createStatement()) {
            st.execute("SELECT 1");
            return;
        } catch (SQLException e) {
            // closed: reload below
        }
        reload();
    }

    /** Throws the database away and loads the dataset again into a new one: the whole schema, as loaded. */
    private void reload() {
        Connection[] old = {learner, maint, admin};
        for (Connection c : old) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (SQLException ignored) {
                // already closed with the database
            }
        }
        try {
            if (copy != null) {
                copy.delete();
                copy = null; // without a cache (a worker given a copy) the dataset is generated again in memory
            }
            maint = null;
            restorer = null;
            ddl.clear();
            tables.clear();
            setUp(dataset, scale);
        } catch (SQLException | DatasetException e) {
            throw new IllegalStateException("sandbox could not be reloaded", e);
        }
    }

    private static RunResult stop(List<StatementResult> done, SqlProblem p, long t0) {
        return new RunResult(done, java.util.Optional.of(p), System.nanoTime() - t0);
    }

    /** How many {@link #run} calls have been made and not returned (one runs, the others wait their turn). */
    public int runsInProgress() {
        return runs.count();
    }

    /** Whether a learner statement is executing now. */
    public boolean statementRunning() {
        return current != null;
    }

    /**
     * Stops the statement that is running now, or, when a {@link #run} has been called and its statement has not
     * started yet (waiting for a reset, being checked by the guard, between two statements), the run that is about to
     * start it: a Cancel pressed early is not lost. Safe from any thread; does nothing when nothing is running.
     */
    public void cancel() {
        synchronized (runs) {
            runs.cancel();
            StatementRunner r = current;
            if (r != null) {
                r.cancel();
            }
        }
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
            rebuildPending = restorer.ddlHappened();
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
            learner.rollback();
            if (restorer.ddlHappened()) {
                restorer.restore();
            }
            restorer.restoreCounters();
        } catch (SQLException | RuntimeException e) {
            // Whatever the attempt did that the restorer could not undo, the next attempt must not see it: put the
            // whole schema back by loading the dataset again (seconds at most, and only after such an attempt).
            reload();
        }
    }

    /** Whether the last attempt ran DDL, so {@link #reset()} has to restore tables rather than only roll back. */
    public boolean needsRebuild() {
        lock.lock();
        try {
            return restorer != null && restorer.ddlHappened();
        } finally {
            lock.unlock();
        }
    }

    /** READ_WRITE: the dataset tables copied so far to restore them after DDL (none until DDL touches one). */
    public java.util.Set<String> copiedTables() {
        lock.lock();
        try {
            settle();
            return restorer == null ? java.util.Set.of() : restorer.copiedTables();
        } finally {
            lock.unlock();
        }
    }

    /** Tables and views the learner sees now (including its own uncommitted changes), with row counts. */
    public List<SchemaTable> schema() {
        lock.lock();
        try {
            settle();
            return SchemaReader.read(learner, LAB);
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
        try (Statement st = admin.createStatement()) {
            settle();
            st.execute("SET SCHEMA " + LAB);
            List<SqlStatement> statements;
            try {
                statements = SqlScript.split(script);
            } catch (SqlSyntaxException e) {
                throw new TrustedSqlException(e.msg());
            }
            List<StatementResult> out = new ArrayList<>();
            long t0 = System.nanoTime();
            for (SqlStatement s : statements) {
                StatementRunner r = new StatementRunner(admin, limits, script, s);
                StatementRunner.Outcome o = r.run(null, rowCap, false, restorer == null ? null : restorer::beforeDdl);
                if (o.problem() != null) {
                    throw new TrustedSqlException(o.problem().message());
                }
                out.add(o.result());
            }
            return new RunResult(out, java.util.Optional.empty(), System.nanoTime() - t0);
        } finally {
            try (Statement st = admin.createStatement()) {
                st.execute("SET SCHEMA PUBLIC");
            } catch (SQLException ignored) {
                // the admin session is gone; close() will report nothing more useful
            }
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
            admin.setAutoCommit(false);
            try {
                runTrusted(reference, rowCap);
                List<StatementResult> out = new ArrayList<>();
                for (String q : verifyQueries) {
                    out.add(runTrusted(q, rowCap).lastQuery().orElseThrow(
                            () -> new SQLException("verification is not a query: " + q)));
                }
                return out;
            } finally {
                admin.rollback();
                admin.setAutoCommit(true);
                if (restorer != null) {
                    restorer.restore();
                    restorer.restoreCounters();
                }
            }
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
            List<StatementResult> out = new ArrayList<>();
            long t0 = System.nanoTime();
            for (String q : queries) {
                SqlStatement s = new SqlStatement(q, 0, List.of());
                StatementRunner.Outcome o = new StatementRunner(learner, limits, q, s).run(null, rowCap, false);
                if (o.problem() != null) {
                    return stop(out, o.problem(), t0);
                }
                out.add(o.result());
            }
            return new RunResult(out, java.util.Optional.empty(), System.nanoTime() - t0);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        cancel();
        for (Connection c : new Connection[] {learner, maint, admin}) {
            if (c == null) {
                continue;
            }
            try {
                if (c == admin) {
                    try (Statement st = c.createStatement()) {
                        st.execute(copy == null ? "SHUTDOWN" : "SHUTDOWN IMMEDIATELY");
                    }
                }
                c.close();
            } catch (SQLException ignored) {
                // closing a database that is thrown away: nothing to recover
            }
        }
        if (copy != null) {
            copy.delete();
        }
    }
}
