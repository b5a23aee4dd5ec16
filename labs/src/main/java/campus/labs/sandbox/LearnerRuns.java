package campus.labs.sandbox;

import campus.labs.sql.GuardPolicy;
import campus.labs.sql.SqlGuard;
import campus.labs.sql.SqlScript;
import campus.labs.sql.SqlStatement;
import campus.labs.sql.SqlSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The learner's SQL in a {@link Sandbox}: every statement through the guard first, then run with the sandbox's limits,
 * one at a time on the learner's connection; and the Cancel that stops the statement running now, or the run about to
 * start one (a Cancel pressed early is not lost).
 */
final class LearnerRuns {

    private final GuardPolicy policy;
    private final SandboxLimits limits;
    /** Its monitor also guards the hand-over of {@link #current}. */
    private final RunsInProgress runs = new RunsInProgress();
    private volatile StatementRunner current;

    LearnerRuns(GuardPolicy policy, SandboxLimits limits) {
        this.policy = policy;
        this.limits = limits;
    }

    /** A run begins ({@link RunsInProgress#enter}); pair with {@link #exit()}. */
    void enter(BooleanSupplier cancelledAlready) {
        runs.enter(cancelledAlready);
    }

    void exit() {
        runs.exit();
    }

    /** How many runs have been called and not returned. */
    int inProgress() {
        return runs.count();
    }

    /** Whether a learner statement is executing now. */
    boolean statementRunning() {
        return current != null;
    }

    /** Stops the statement running now, or marks the runs in progress cancelled. Safe from any thread. */
    void cancel() {
        synchronized (runs) {
            runs.cancel();
            StatementRunner r = current;
            if (r != null) {
                r.cancel();
            }
        }
    }

    /**
     * Runs {@code script} on {@code db}, statement by statement, stopping at the first refused or failed one. A
     * statement that ran out of memory or failed may have cost H2 the database: it is loaded again if so. The caller
     * has entered the run and holds the sandbox's lock, with no reset pending.
     */
    RunResult run(SandboxDatabase db, String script, int rowCap, boolean explainOnly) {
        List<SqlStatement> statements;
        try {
            statements = SqlScript.split(script);
        } catch (SqlSyntaxException e) {
            return new RunResult(List.of(), Optional.of(SqlProblem.at(SqlProblem.Kind.SYNTAX, e.msg(), script, e.offset())), 0);
        }
        long t0 = System.nanoTime();
        List<StatementResult> done = new ArrayList<>();
        for (SqlStatement s : statements) {
            var refusal = SqlGuard.check(s, policy);
            if (refusal.isPresent()) {
                return stop(done, SqlProblem.at(SqlProblem.Kind.REFUSED, refusal.get().message(), script,
                        refusal.get().offset()), t0);
            }
            StatementRunner runner = new StatementRunner(db.learner(), limits, script, s);
            synchronized (runs) {
                current = runner;
                if (runs.cancelPending()) {
                    runner.cancel();
                }
            }
            try {
                TableRestorer restorer = db.restorer();
                StatementRunner.Outcome o = runner.run(policy, rowCap, explainOnly,
                        restorer == null ? null : restorer::beforeDdl);
                if (o.problem() != null) {
                    if (o.problem().kind() == SqlProblem.Kind.MEMORY || o.problem().kind() == SqlProblem.Kind.ERROR) {
                        db.recoverIfDead();
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
        return new RunResult(done, Optional.empty(), System.nanoTime() - t0);
    }

    /** The statements run so far and the problem that stopped the run. */
    static RunResult stop(List<StatementResult> done, SqlProblem p, long t0) {
        return new RunResult(done, Optional.of(p), System.nanoTime() - t0);
    }
}
