package campus.labs.sandbox;

import campus.labs.sql.SqlScript;
import campus.labs.sql.SqlStatement;
import campus.labs.sql.SqlSyntaxException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lab's own SQL in a {@link Sandbox}, not the learner's, so not guarded: reference solutions and verification
 * queries, run to compute the expected result or state and to read the learner's. Every method expects the caller to
 * hold the sandbox's lock with no reset pending.
 */
final class TrustedSql {

    private final SandboxLimits limits;

    TrustedSql(SandboxLimits limits) {
        this.limits = limits;
    }

    /** Runs {@code script} as the admin in the lab schema; returns every statement's result. */
    RunResult run(SandboxDatabase db, String script, int rowCap) throws SQLException {
        try (Statement st = db.admin().createStatement()) {
            st.execute("SET SCHEMA " + SandboxDatabase.LAB);
            List<SqlStatement> statements;
            try {
                statements = SqlScript.split(script);
            } catch (SqlSyntaxException e) {
                throw new TrustedSqlException(e.msg());
            }
            List<StatementResult> out = new ArrayList<>();
            long t0 = System.nanoTime();
            for (SqlStatement s : statements) {
                StatementRunner r = new StatementRunner(db.admin(), limits, script, s);
                TableRestorer restorer = db.restorer();
                StatementRunner.Outcome o = r.run(null, rowCap, false, restorer == null ? null : restorer::beforeDdl);
                if (o.problem() != null) {
                    throw new TrustedSqlException(o.problem().message());
                }
                out.add(o.result());
            }
            return new RunResult(out, Optional.empty(), System.nanoTime() - t0);
        } finally {
            try (Statement st = db.admin().createStatement()) {
                st.execute("SET SCHEMA PUBLIC");
            } catch (SQLException ignored) {
                // the admin session is gone; close() will report nothing more useful
            }
        }
    }

    /**
     * Applies {@code reference} as the admin, reads {@code verifyQueries}, then throws the changes away (rollback, and
     * a rebuild from the pristine copy where the reference ran DDL): the learner never sees them.
     */
    List<StatementResult> expectedState(SandboxDatabase db, String reference, List<String> verifyQueries, int rowCap)
            throws SQLException {
        db.admin().setAutoCommit(false);
        try {
            run(db, reference, rowCap);
            List<StatementResult> out = new ArrayList<>();
            for (String q : verifyQueries) {
                out.add(run(db, q, rowCap).lastQuery().orElseThrow(
                        () -> new SQLException("verification is not a query: " + q)));
            }
            return out;
        } finally {
            db.admin().rollback();
            db.admin().setAutoCommit(true);
            TableRestorer restorer = db.restorer();
            if (restorer != null) {
                restorer.restore();
                restorer.restoreCounters();
            }
        }
    }

    /** Runs {@code queries} on the learner's connection, so they see the learner's uncommitted changes. */
    RunResult verify(SandboxDatabase db, List<String> queries, int rowCap) {
        List<StatementResult> out = new ArrayList<>();
        long t0 = System.nanoTime();
        for (String q : queries) {
            SqlStatement s = new SqlStatement(q, 0, List.of());
            StatementRunner.Outcome o = new StatementRunner(db.learner(), limits, q, s).run(null, rowCap, false);
            if (o.problem() != null) {
                return LearnerRuns.stop(out, o.problem(), t0);
            }
            out.add(o.result());
        }
        return new RunResult(out, Optional.empty(), System.nanoTime() - t0);
    }
}
