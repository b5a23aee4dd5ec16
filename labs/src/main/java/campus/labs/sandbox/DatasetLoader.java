package campus.labs.sandbox;

import campus.i18n.Msg;
import campus.labs.dataset.Dataset;
import campus.labs.sql.GuardPolicy;
import campus.labs.sql.SqlGuard;
import campus.labs.sql.SqlScript;
import campus.labs.sql.SqlStatement;
import campus.labs.sql.SqlSyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Runs a dataset script into the connection's current schema. Every statement passes the guard with
 * {@link GuardPolicy#DATASET}: an author's or imported dataset cannot read files or run Java either,
 * even though it runs as the admin. Records the schema statements and table names so the sandbox can
 * rebuild the lab schema from its pristine copy.
 */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    public static void load(Connection admin, Dataset dataset, Integer scale, List<String> ddlOut,
                            List<String> tablesOut) throws DatasetException, SQLException {
        load(admin, dataset, scale, ddlOut, tablesOut, f -> { });
    }

    /**
     * Same as {@link #load(Connection, Dataset, Integer, List, List)}, telling {@code fraction} (on this thread) how
     * far it has got, from 0 to 1. The work is weighed in rows: an {@code INSERT … SELECT … FROM SYSTEM_RANGE(a, b)}
     * (how generators are written) weighs {@code b - a + 1}, worked out before it runs; a {@code CREATE INDEX} or an
     * {@code ALTER TABLE} (foreign keys after the data) weighs the rows inserted into its table so far; anything else
     * weighs 1. Within a statement H2's own progress events tell the rows done.
     */
    public static void load(Connection admin, Dataset dataset, Integer scale, List<String> ddlOut,
                            List<String> tablesOut, DoubleConsumer fraction) throws DatasetException, SQLException {
        String script = dataset.scriptFor(scale);
        List<SqlStatement> statements;
        try {
            statements = SqlScript.split(script);
        } catch (SqlSyntaxException e) {
            int line = SqlScript.lineAndColumn(script, e.offset())[0];
            throw new DatasetException(Msg.of("labs.dataset.syntax", dataset.source(), line, e.msg()), line, e.msg());
        }
        for (SqlStatement s : statements) { // all checked before any runs: a refused script builds nothing
            var refusal = SqlGuard.check(s, GuardPolicy.DATASET);
            if (refusal.isPresent()) {
                int line = SqlScript.lineAndColumn(script, s.start())[0];
                throw new DatasetException(Msg.of("labs.dataset.refused", dataset.source(), line,
                        refusal.get().construct()), line, Msg.of("labs.dataset.notAllowed", refusal.get().construct()));
            }
        }
        long[] weights = weights(admin, statements);
        Progress progress = new Progress(weights, fraction);
        H2Internals.setProgressListener(admin, progress);
        try (Statement st = admin.createStatement()) {
            int line = 1;
            int counted = 0;
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement s = statements.get(i);
                // counted from the previous statement on: one pass over the script, however many statements
                for (; counted < s.start(); counted++) {
                    if (script.charAt(counted) == '\n') {
                        line++;
                    }
                }
                progress.start(i);
                try {
                    if (!SqlGuard.allowedCommand(H2Internals.commandClass(admin, s.text()), GuardPolicy.DATASET)) {
                        String construct = SqlGuard.construct(s.tokens());
                        throw new DatasetException(Msg.of("labs.dataset.refused", dataset.source(), line, construct), line,
                                Msg.of("labs.dataset.notAllowed", construct));
                    }
                    st.execute(s.text());
                } catch (SQLException e) {
                    Object detail = ErrorMapper.detail(e);
                    throw new DatasetException(Msg.of("labs.dataset.statementFailed", dataset.source(), line, detail), line,
                            detail);
                }
                String w = s.firstWord();
                if (!w.equals("INSERT") && !w.equals("MERGE") && !w.equals("UPDATE") && !w.equals("DELETE")) {
                    ddlOut.add(s.text());
                }
                if (SqlGuard.construct(s.tokens()).equals("CREATE TABLE")) {
                    tablesOut.add(tableName(s));
                }
            }
            progress.start(statements.size());
        } finally {
            H2Internals.setProgressListener(admin, null);
        }
    }

    /** Each statement's weight in rows (see {@link #load(Connection, Dataset, Integer, List, List, DoubleConsumer)}). */
    static long[] weights(Connection admin, List<SqlStatement> statements) {
        long[] w = new long[statements.size()];
        java.util.Map<String, Long> rows = new java.util.HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement s = statements.get(i);
            var t = s.tokens();
            String first = s.firstWord();
            w[i] = 1;
            if (first.equals("INSERT")) {
                String table = wordAfter(t, "INTO");
                long n = rangeSize(admin, s);
                w[i] += n;
                if (table != null) {
                    rows.merge(table, n, Long::sum);
                }
            } else if (first.equals("ALTER") || first.equals("CREATE") && t.stream().anyMatch(k -> k.isWord("INDEX"))) {
                String table = first.equals("ALTER") ? wordAfter(t, "TABLE") : wordAfter(t, "ON");
                w[i] += table == null ? 0 : rows.getOrDefault(table, 0L);
            }
        }
        return w;
    }

    /** The lower-cased last part of the name after the first {@code word}, or null. */
    private static String wordAfter(List<campus.labs.sql.SqlToken> t, String word) {
        for (int k = 0; k + 1 < t.size(); k++) {
            if (t.get(k).isWord(word)) {
                int j = k + 1;
                while (j + 2 < t.size() && t.get(j + 1).isSymbol(".")) {
                    j += 2;
                }
                return t.get(j).value().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    /**
     * {@code b - a + 1} for the first {@code SYSTEM_RANGE(a, b)} of a statement, evaluated by H2 (the bounds are
     * arithmetic on constants, such as {@code 3 * GREATEST(10, 1000000 / 3)}); 0 when there is none or it cannot be
     * evaluated. The statement already passed the guard, and so does this query.
     */
    private static long rangeSize(Connection admin, SqlStatement s) {
        var t = s.tokens();
        for (int k = 0; k + 1 < t.size(); k++) {
            if (t.get(k).isWord("SYSTEM_RANGE") && t.get(k + 1).isSymbol("(")) {
                int depth = 0;
                List<Integer> commas = new java.util.ArrayList<>();
                int end = -1;
                for (int j = k + 1; j < t.size() && end < 0; j++) {
                    if (t.get(j).isSymbol("(")) {
                        depth++;
                    } else if (t.get(j).isSymbol(")")) {
                        if (--depth == 0) {
                            end = j;
                        }
                    } else if (depth == 1 && t.get(j).isSymbol(",")) {
                        commas.add(j);
                    }
                }
                if (end < 0 || commas.size() != 1) {
                    return 0;
                }
                String text = s.text();
                int base = s.start();
                String lo = text.substring(t.get(k + 2).start() - base, t.get(commas.get(0)).start() - base);
                String hi = text.substring(t.get(commas.get(0) + 1).start() - base, t.get(end).start() - base);
                String q = "SELECT CAST((" + hi + ") - (" + lo + ") + 1 AS BIGINT)";
                try {
                    List<SqlStatement> parsed = SqlScript.split(q);
                    if (parsed.size() != 1 || SqlGuard.check(parsed.get(0), GuardPolicy.DATASET).isPresent()) {
                        return 0;
                    }
                } catch (SqlSyntaxException e) {
                    return 0;
                }
                try (Statement st = admin.createStatement(); java.sql.ResultSet rs = st.executeQuery(q)) {
                    return rs.next() ? Math.max(0, rs.getLong(1)) : 0;
                } catch (SQLException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** Turns H2's progress events for the running statement into the fraction of the whole load done. */
    static final class Progress implements org.h2.api.DatabaseEventListener {
        private final long[] weights;
        private final long total;
        private final DoubleConsumer out;
        private long doneBefore;
        private int current = -1;
        private double last = -1;

        Progress(long[] weights, DoubleConsumer out) {
            this.weights = weights;
            this.total = java.util.Arrays.stream(weights).sum();
            this.out = out;
        }

        /** Statement {@code i} starts (all before it are done); {@code weights.length} means all are done. */
        void start(int i) {
            doneBefore = 0;
            for (int k = 0; k < i && k < weights.length; k++) {
                doneBefore += weights[k];
            }
            current = i;
            report(0);
        }

        @Override
        public void setProgress(int state, String name, long x, long max) {
            if (current < 0 || current >= weights.length) {
                return;
            }
            if (state == STATE_STATEMENT_PROGRESS) {
                report(Math.min(1, (double) x / weights[current]));
            } else if (state == STATE_CREATE_INDEX && max > 0) {
                report(Math.min(1, (double) x / max));
            }
        }

        private void report(double within) {
            double f = total == 0 ? 1 : Math.min(1, (doneBefore + within * (current < weights.length ? weights[current] : 0))
                    / total);
            if (f >= last + 0.002 || f == 1 && last < 1) {
                last = f;
                out.accept(f);
            }
        }
    }

    /** The name after {@code CREATE [..] TABLE [IF NOT EXISTS]}, as H2 stores it (lower-case unless quoted). */
    private static String tableName(SqlStatement s) {
        var t = s.tokens();
        int k = 1;
        while (k < t.size() && !t.get(k).isWord("TABLE")) {
            k++;
        }
        k++;
        if (k + 2 < t.size() && t.get(k).isWord("IF")) {
            k += 3;
        }
        var name = t.get(k);
        if (k + 2 < t.size() && t.get(k + 1).isSymbol(".")) {
            name = t.get(k + 2);
        }
        return name.type() == campus.labs.sql.SqlToken.Type.QUOTED_IDENTIFIER ? name.value()
                : name.value().toLowerCase(java.util.Locale.ROOT);
    }
}
