package campus.labs.sandbox;

import campus.i18n.Msg;
import campus.labs.sql.GuardPolicy;
import campus.labs.sql.SqlGuard;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs one statement with a timeout, a watchdog, a row cap and bounded counting of the rest. */
final class StatementRunner {

    record Outcome(StatementResult result, SqlProblem problem, boolean ddl) {
    }

    /** Told about a DDL statement just before it runs (H2 is about to commit the open transaction). */
    interface DdlHook {
        void beforeDdl(Connection conn, campus.labs.sql.SqlStatement statement) throws SQLException;
    }

    private final Connection conn;
    private final SandboxLimits limits;
    private final String script;
    private final campus.labs.sql.SqlStatement statement;
    private volatile Statement jdbc;
    private volatile Watchdog watchdog;
    private volatile boolean cancelRequested;

    StatementRunner(Connection conn, SandboxLimits limits, String script, campus.labs.sql.SqlStatement statement) {
        this.conn = conn;
        this.limits = limits;
        this.script = script;
        this.statement = statement;
    }

    void cancel() {
        cancelRequested = true;
        Watchdog w = watchdog;
        if (w != null) {
            w.cancel(Watchdog.Reason.USER);
        }
    }

    Outcome run(GuardPolicy policy, int rowCap, boolean explainOnly) {
        return run(policy, rowCap, explainOnly, null);
    }

    /** @param policy null for trusted SQL (no guard) @param hook null, or told before a DDL statement runs */
    Outcome run(GuardPolicy policy, int rowCap, boolean explainOnly, DdlHook hook) {
        String sql = statement.text();
        boolean ddl = false;
        if (policy != null || hook != null) {
            String command;
            try {
                command = H2Internals.commandClass(conn, sql);
            } catch (SQLException e) {
                return new Outcome(null, ErrorMapper.map(e, script, statement.start(), sql, null), false);
            }
            if (policy != null && !SqlGuard.allowedCommand(command, policy)) {
                String construct = SqlGuard.construct(statement.tokens());
                Msg m = policy == GuardPolicy.READ_ONLY ? Msg.of("labs.guard.readOnly", construct)
                        : Msg.of("labs.guard.statement", construct);
                return new Outcome(null, SqlProblem.at(SqlProblem.Kind.REFUSED, m, script, statement.start()), false);
            }
            ddl = command.startsWith("org.h2.command.ddl.") && !explainOnly;
        }
        if (ddl && hook != null) {
            try {
                hook.beforeDdl(conn, statement);
            } catch (SQLException e) {
                return new Outcome(null, ErrorMapper.map(e, script, statement.start(), sql, null), true);
            }
        }
        if (cancelRequested) {
            return new Outcome(null, SqlProblem.at(SqlProblem.Kind.CANCELLED, Msg.of("labs.run.cancelled"), script,
                    statement.start()), ddl);
        }
        long t0 = System.nanoTime();
        try (Statement st = conn.createStatement()) {
            jdbc = st;
            st.setQueryTimeout((int) Math.max(1, (limits.timeout().toMillis() + 999) / 1000));
            st.setMaxRows((int) Math.min(Integer.MAX_VALUE, (long) rowCap + limits.countLimit() + 1));
            watchdog = Watchdog.watch(st, limits);
            try {
                boolean isQuery = st.execute(explainOnly ? "EXPLAIN " + sql : sql);
                StatementResult r = isQuery ? read(st.getResultSet(), rowCap, t0)
                        : new StatementResult(sql, statement.start(), List.of(), List.of(), 0, false,
                        st.getLargeUpdateCount(), System.nanoTime() - t0);
                return new Outcome(r, null, ddl);
            } finally {
                watchdog.stop();
            }
        } catch (SQLException e) {
            Watchdog w = watchdog;
            return new Outcome(null, ErrorMapper.map(e, script, statement.start(), sql, w == null ? null : w.reason()), ddl);
        } catch (OutOfMemoryError e) {
            return new Outcome(null, SqlProblem.at(SqlProblem.Kind.MEMORY, Msg.of("labs.run.memory"), script,
                    statement.start()), ddl);
        } catch (StackOverflowError e) {
            return new Outcome(null, SqlProblem.at(SqlProblem.Kind.ERROR, Msg.of("labs.run.tooComplex"), script,
                    statement.start()), ddl);
        } finally {
            jdbc = null;
        }
    }

    private StatementResult read(ResultSet rs, int rowCap, long t0) throws SQLException {
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<ResultColumn> cols = new ArrayList<>(n);
            for (int c = 1; c <= n; c++) {
                cols.add(new ResultColumn(md.getColumnLabel(c), md.getColumnTypeName(c), md.getColumnClassName(c)));
            }
            List<List<Object>> rows = new ArrayList<>();
            long total = 0;
            while (total < rowCap && rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int c = 1; c <= n; c++) {
                    row.add(Values.fromJdbc(rs.getObject(c)));
                }
                rows.add(java.util.Collections.unmodifiableList(row));
                total++;
            }
            long counted = 0;
            boolean more = total == rowCap;
            if (more) {
                while (counted <= limits.countLimit() && rs.next()) {
                    counted++;
                }
            }
            boolean lowerBound = counted > limits.countLimit();
            if (lowerBound) {
                counted = limits.countLimit();
            }
            return new StatementResult(statement.text(), statement.start(), cols, rows, total + counted, lowerBound, -1,
                    System.nanoTime() - t0);
        }
    }
}
