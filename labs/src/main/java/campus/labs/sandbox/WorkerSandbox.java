package campus.labs.sandbox;

import campus.i18n.Msg;
import campus.labs.dataset.Dataset;
import campus.labs.dataset.LoadProgress;
import campus.labs.sql.GuardPolicy;
import campus.labs.sql.SqlScript;
import campus.labs.sql.SqlStatement;
import campus.labs.sql.SqlSyntaxException;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Sandbox} in a child JVM ({@link SandboxWorker}), as programming-contest judges run submissions: the worker
 * has its own heap ({@value WorkerProcess#HEAP}) and stack, and exits on its first out-of-memory error. Every request has a deadline:
 * a learner run gets each statement's time limit plus {@link #MARGIN_MS}. When a statement outlives it, or
 * the worker dies (out of memory, a crash), Campus kills the worker, answers with a verdict at once (too long, too much
 * memory, the engine stopped), and starts a fresh worker in the background with the dataset loaded again; the
 * learner's next call waits for it. So nothing H2 does with learner SQL (constant folding while it prepares,
 * per-row loops that never check for cancel, deep recursion) can freeze or kill Campus, and a killed worker costs the
 * learner one restart. For a {@code state} lab a fresh worker is the dataset as loaded, which is what the next
 * attempt must see anyway.
 *
 * <p>{@link WorkerKeeper} keeps the worker alive (start, requests with deadlines, restarts); this class turns the
 * sandbox's calls into requests and lost workers into verdicts.
 *
 * <p>Thread-safety: as {@link Sandbox}: calls are serialised, {@link #cancel()} may come from any thread.
 */
public final class WorkerSandbox implements LabSandbox {

    /** Time granted beyond the statements' own limits (the worker's watchdog acts first). */
    static final long MARGIN_MS = 1_500;
    private static final long OPEN_MS = WorkerKeeper.OPEN_MS;

    private final GuardPolicy policy;
    private final SandboxLimits limits;
    private final WorkerKeeper keeper;
    /** Runs sent while a Cancel is pending go out cancelled. Its monitor also guards {@link #sentRun}. */
    private final RunsInProgress runs = new RunsInProgress();
    /** The id of the run request handed to the worker and not answered yet; 0: none. */
    private long sentRun;

    private WorkerSandbox(GuardPolicy policy, SandboxLimits limits, WorkerKeeper keeper) {
        this.policy = policy;
        this.limits = limits;
        this.keeper = keeper;
    }

    public static WorkerSandbox open(Dataset dataset, Integer scale, GuardPolicy policy, SandboxLimits limits)
            throws DatasetException {
        return open(dataset, scale, policy, limits, null, LoadProgress.NONE);
    }

    /**
     * With a {@code cache}, this process checks out the dataset's saved copy (generating it the first time, with
     * {@code progress}) and hands it to the worker, which opens it and changes it as the learner likes; each worker
     * gets a fresh copy, deleted when that worker ends, however it ends.
     */
    public static WorkerSandbox open(Dataset dataset, Integer scale, GuardPolicy policy, SandboxLimits limits,
                                     DatasetCache cache, LoadProgress progress) throws DatasetException {
        WorkerKeeper keeper = new WorkerKeeper(dataset, scale, policy, limits, cache, progress);
        try {
            keeper.startFirst();
        } catch (IOException | WorkerProcess.Lost e) {
            throw new DatasetException(Msg.of("labs.dataset.loadFailed", dataset.name(), "lab worker: " + e.getMessage()));
        }
        return new WorkerSandbox(policy, limits, keeper);
    }

    @Override
    public Optional<Msg> repaired() {
        return keeper.repaired();
    }

    /** How many times a worker was killed or died and was replaced (for tests and diagnostics). */
    public int restarts() {
        return keeper.restarts();
    }

    /** The process id of the live worker, or -1 while none runs. */
    public long workerPid() {
        WorkerProcess w = keeper.worker();
        return w == null ? -1 : w.process.pid();
    }

    private JsonObject call(JsonObject req, long deadlineMs) throws WorkerProcess.Lost {
        return keeper.call(req, deadlineMs, () -> { });
    }

    @Override
    public GuardPolicy policy() {
        return policy;
    }

    @Override
    public SandboxLimits limits() {
        return limits;
    }

    @Override
    public RunResult run(String script) {
        return run(script, limits.rowCap(), false);
    }

    @Override
    public RunResult run(String script, int rowCap, boolean explainOnly) {
        runs.enter(() -> false);
        try {
            return runInWorker(script, rowCap, explainOnly);
        } finally {
            runs.exit();
        }
    }

    /** How many {@link #run} calls have been made and not returned (one runs, the others wait their turn). */
    public int runsInProgress() {
        return runs.count();
    }

    private RunResult runInWorker(String script, int rowCap, boolean explainOnly) {
        JsonObject req = keeper.request("run");
        req.addProperty("sql", script);
        req.addProperty("rowCap", rowCap);
        req.addProperty("explain", explainOnly);
        List<SqlStatement> statements;
        try {
            statements = SqlScript.split(script);
        } catch (SqlSyntaxException e) {
            statements = List.of();
        }
        long t0 = System.nanoTime();
        long id = req.get("id").getAsLong();
        try {
            return WireCodec.run(keeper.call(req, deadline(Math.max(1, statements.size())), () -> {
                synchronized (runs) {
                    if (runs.cancelPending()) {
                        req.addProperty("cancel", true); // pressed while this run waited for its turn or for a restart
                    }
                    sentRun = id;
                }
            }).getAsJsonObject("run"));
        } catch (WorkerProcess.Lost e) {
            return lost(e, script, statements.isEmpty() ? 0 : statements.get(0).start(), t0);
        } finally {
            synchronized (runs) {
                if (sentRun == id) {
                    sentRun = 0;
                }
            }
        }
    }

    /**
     * A learner run's deadline: each statement's time limit (and the quarter second the worker's own watchdog allows
     * before it cancels), plus one {@link #MARGIN_MS} for the reply.
     */
    private long deadline(int statements) {
        return statements * (limits.timeout().toMillis() + 250) + MARGIN_MS;
    }

    private static RunResult lost(WorkerProcess.Lost e, String script, int offset, long t0) {
        SqlProblem p;
        if (e.timedOut) {
            p = SqlProblem.at(SqlProblem.Kind.TIMEOUT, Msg.of("labs.run.timeout"), script, offset);
        } else if (e.exitCode == 3) {
            // -XX:+ExitOnOutOfMemoryError exits with 3
            p = SqlProblem.at(SqlProblem.Kind.MEMORY, Msg.of("labs.run.memory"), script, offset);
        } else {
            p = SqlProblem.at(SqlProblem.Kind.ERROR, Msg.of("labs.run.workerLost"), script, offset);
        }
        return new RunResult(List.of(), Optional.of(p), System.nanoTime() - t0);
    }

    /**
     * Stops the run the worker has been sent, and every run in progress that has not been sent yet (waiting for its
     * turn or for a worker being started again): they go out marked cancelled, so a Cancel pressed early is not lost.
     * The cancel names the run it is for: it may reach the worker before that run's request does (the worker then
     * cancels the run when it comes), and a late one never stops a later run. Safe from any thread.
     */
    @Override
    public void cancel() {
        long id;
        synchronized (runs) {
            runs.cancel();
            id = sentRun;
        }
        WorkerProcess w = keeper.worker(); // set before the run was marked sent: the worker that has (or will have) the run
        if (id != 0 && w != null) {
            JsonObject req = new JsonObject();
            req.addProperty("op", "cancel");
            req.addProperty("id", id);
            w.send(req); // a worker already gone: its request ends as lost
        }
    }

    private JsonObject simple(String op, long deadlineMs) {
        JsonObject req = keeper.request(op);
        try {
            return call(req, deadlineMs);
        } catch (WorkerProcess.Lost e) {
            // the fresh worker holds the dataset as loaded, which is what a reset or a look at the schema wants
            return null;
        }
    }

    /** A fresh worker is on its way: it holds the dataset as loaded, so there is nothing to reset (and no need to wait). */
    private boolean restarting() {
        return keeper.restarting();
    }

    @Override
    public void reset() {
        if (!restarting()) {
            simple("reset", OPEN_MS);
        }
    }

    @Override
    public void resetLater() {
        if (!restarting()) {
            simple("resetLater", OPEN_MS);
        }
    }

    @Override
    public boolean rebuildPending() {
        if (restarting()) {
            return false;
        }
        JsonObject r = simple("rebuildPending", OPEN_MS);
        return r != null && r.get("value").getAsBoolean();
    }

    @Override
    public List<SchemaTable> schema() {
        JsonObject r = simple("schema", OPEN_MS);
        if (r == null) {
            r = simple("schema", OPEN_MS);
        }
        return r == null ? List.of() : WireCodec.schema(r.getAsJsonArray("schema"));
    }

    @Override
    public RunResult runTrusted(String script, int rowCap) throws SQLException {
        JsonObject req = keeper.request("runTrusted");
        req.addProperty("sql", script);
        req.addProperty("rowCap", rowCap);
        return WireCodec.run(trusted(req).getAsJsonObject("run"));
    }

    @Override
    public List<StatementResult> expectedState(String reference, List<String> verifyQueries, int rowCap) throws SQLException {
        JsonObject req = keeper.request("expectedState");
        req.addProperty("sql", reference);
        req.add("queries", WireCodec.strings(verifyQueries));
        req.addProperty("rowCap", rowCap);
        return WireCodec.statements(trusted(req).getAsJsonArray("statements"));
    }

    /** Trusted SQL (the lab's own): an SQL error comes back as one; a lost worker as an SQL error too. */
    private JsonObject trusted(JsonObject req) throws SQLException {
        try {
            JsonObject r = call(req, OPEN_MS);
            if (r.has("sqlErrorMsg")) {
                throw new TrustedSqlException(WireCodec.msg(r.getAsJsonObject("sqlErrorMsg")));
            }
            if (r.has("sqlError")) {
                throw new SQLException(r.get("sqlError").getAsString());
            }
            return r;
        } catch (WorkerProcess.Lost e) {
            throw new SQLException("the lab worker stopped: " + e.getMessage());
        }
    }

    @Override
    public RunResult verify(List<String> queries, int rowCap) {
        JsonObject req = keeper.request("verify");
        req.add("queries", WireCodec.strings(queries));
        req.addProperty("rowCap", rowCap);
        long t0 = System.nanoTime();
        try {
            return WireCodec.run(call(req, deadline(Math.max(1, queries.size()))).getAsJsonObject("run"));
        } catch (WorkerProcess.Lost e) {
            return lost(e, "", -1, t0);
        }
    }

    @Override
    public void close() {
        keeper.close();
    }
}
