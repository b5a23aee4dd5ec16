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
        campus.labs.compat.MysqlCompat.Rewritten mysql = campus.labs.compat.MysqlCompat.rewrite(statement.text(),
                table -> Columns.of(conn, table));
        String sql = mysql.sql();
        boolean ddl = false;
        if (policy != null || hook != null) {
            String command;
            try {
                command = H2Internals.commandClass(conn, sql);
            } catch (SQLException e) {
                return new Outcome(null, problem(e, mysql, null), false);
            } catch (StackOverflowError e) {
                // H2's parser recurses once per nesting level: thousands of ( NOT - CASE end here
                return new Outcome(null, SqlProblem.at(SqlProblem.Kind.ERROR, Msg.of("labs.run.tooComplex"), script,
                        statement.start()), false);
            } catch (OutOfMemoryError e) {
                // H2 folds constant expressions while it prepares: a constant that multiplies a string ends here
                return new Outcome(null, SqlProblem.at(SqlProblem.Kind.MEMORY, Msg.of("labs.run.memory"), script,
                        statement.start()), false);
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
                return new Outcome(null, problem(e, mysql, null), true);
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
            if (cancelRequested) {
                // cancel() came between the check above and the watchdog: it set the flag before it looked for one
                watchdog.cancel(Watchdog.Reason.USER);
            }
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
            return new Outcome(null, problem(e, mysql, w == null ? null : w.reason()), ddl);
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

    /**
     * The engine's error, placed in the learner's text. For a statement rewritten for MySQL compatibility the engine
     * saw other text: the error is mapped in that text, then its place moved back to what the learner wrote.
     */
    private SqlProblem problem(SQLException e, campus.labs.compat.MysqlCompat.Rewritten mysql, Watchdog.Reason reason) {
        SqlProblem p = placed(e, mysql, reason);
        Msg why = campus.labs.compat.Differences.explain(e.getErrorCode(), statement.text(), p.line(), p.column());
        return why == null ? p : new SqlProblem(p.kind(), why, p.offset(), p.line(), p.column());
    }

    private SqlProblem placed(SQLException e, campus.labs.compat.MysqlCompat.Rewritten mysql, Watchdog.Reason reason) {
        if (!mysql.changed()) {
            return ErrorMapper.map(e, script, statement.start(), statement.text(), reason);
        }
        int start = statement.start();
        String seen = script.substring(0, start) + mysql.sql() + script.substring(start + statement.text().length());
        SqlProblem p = ErrorMapper.map(e, seen, start, mysql.sql(), reason);
        if (p.offset() < start) {
            return p;
        }
        SqlProblem at = SqlProblem.at(p.kind(), p.message(), script, start + mysql.originalOffset(p.offset() - start));
        List<Object> args = new ArrayList<>(p.message().args());
        if (args.size() >= 2 && Integer.valueOf(p.line()).equals(args.get(0)) && Integer.valueOf(p.column()).equals(args.get(1))) {
            args.set(0, at.line());
            args.set(1, at.column());
        }
        return new SqlProblem(p.kind(), new Msg(p.message().key(), args), at.offset(), at.line(), at.column());
    }

    private StatementResult read(ResultSet rs, int rowCap, long t0) throws SQLException {
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<ResultColumn> cols = new ArrayList<>(n);
            boolean[] bytesOnly = new boolean[n + 1];
            for (int c = 1; c <= n; c++) {
                String typeName = md.getColumnTypeName(c);
                // a JAVA_OBJECT (H2's OTHER) value is learner bytes: read them as bytes, never as an object. (ENUM,
                // JSON, GEOMETRY and INTERVAL report java.sql.Types.OTHER too: they are read as usual.)
                bytesOnly[c] = md.getColumnType(c) == java.sql.Types.JAVA_OBJECT || "JAVA_OBJECT".equalsIgnoreCase(typeName)
                        || "OTHER".equalsIgnoreCase(typeName);
                cols.add(new ResultColumn(md.getColumnLabel(c), md.getColumnTypeName(c),
                        bytesOnly[c] ? byte[].class.getName() : md.getColumnClassName(c)));
            }
            List<List<Object>> rows = new ArrayList<>();
            long total = 0;
            while (total < rowCap && rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int c = 1; c <= n; c++) {
                    row.add(bytesOnly[c] ? rs.getBytes(c) : Values.fromJdbc(rs.getObject(c)));
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
