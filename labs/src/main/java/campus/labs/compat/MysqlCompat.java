package campus.labs.compat;

import campus.labs.sql.SqlSyntaxException;
import campus.labs.sql.SqlToken;
import campus.labs.sql.SqlTokenizer;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where MySQL and the lab engine (H2 in MySQL mode) read the same statement differently, the statement is rewritten
 * so it means what it means in MySQL. One place, called for every statement a lab runs (learner's and reference):
 * <ul>
 *   <li>{@code a / b} divides exactly, as MySQL's {@code /} does for integers (H2 truncates {@code 7 / 2} to 3), and
 *   dividing by zero gives NULL, as in a MySQL query;</li>
 *   <li>{@code CAST(x AS CHAR)} and {@code CONVERT(x, CHAR)} keep the whole text (H2's CHAR is one character),
 *   {@code CHAR(n)} cuts without padding, {@code SIGNED}/{@code UNSIGNED} are integers, a bare {@code DECIMAL} is
 *   MySQL's {@code DECIMAL(10,0)};</li>
 *   <li>{@code DATE_FORMAT(d, '%Y-%m')} formats with the same pattern (H2 has no DATE_FORMAT), English names;</li>
 *   <li>{@code IF(c, a, b)} and two-argument {@code DATEDIFF(a, b)} (H2 parses neither the MySQL way);</li>
 *   <li>a chain of {@code JOIN … USING (c)} where {@code c} is not a column of the first table (H2 looks only
 *   there): that {@code USING} becomes {@code ON t.c = u.c} with the earlier table that has {@code c}. Not when the
 *   query selects {@code *}: MySQL shows the merged column once, ON would show it twice, so that statement is left
 *   for the engine to refuse (and the refusal explained) rather than give a result MySQL would not.</li>
 * </ul>
 */
public final class MysqlCompat {

    /** A statement as the engine should run it; {@link #originalOffset} maps an error position back. */
    public static final class Rewritten {
        private final String sql;
        private final Edits edits;

        Rewritten(String sql, Edits edits) {
            this.sql = sql;
            this.edits = edits;
        }

        public String sql() {
            return sql;
        }

        public boolean changed() {
            return !edits.isEmpty();
        }

        public int originalOffset(int offsetInRewritten) {
            return edits.originalOffset(offsetInRewritten);
        }
    }

    private static final Set<String> BEFORE_OPERAND = Set.of("+", "-");

    private final List<SqlToken> t;
    private final Function<String, List<String>> columnsOf;
    private final Edits edits = new Edits();

    private MysqlCompat(List<SqlToken> tokens, Function<String, List<String>> columnsOf) {
        this.t = tokens;
        this.columnsOf = columnsOf;
    }

    /**
     * @param columnsOf the lower-case column names of a table (empty when unknown); asked only for a JOIN chain
     */
    public static Rewritten rewrite(String sql, Function<String, List<String>> columnsOf) {
        List<SqlToken> tokens;
        try {
            tokens = SqlTokenizer.tokenize(sql);
        } catch (SqlSyntaxException e) {
            return new Rewritten(sql, new Edits());
        }
        java.util.Map<String, List<String>> known = new java.util.HashMap<>();
        MysqlCompat c = new MysqlCompat(tokens, table -> known.computeIfAbsent(table, columnsOf));
        c.run();
        return new Rewritten(c.edits.isEmpty() ? sql : c.edits.apply(sql), c.edits);
    }

    private void run() {
        for (int k = 0; k < t.size(); k++) {
            SqlToken x = t.get(k);
            boolean call = k + 1 < t.size() && t.get(k + 1).isSymbol("(");
            if (x.isSymbol("/")) {
                division(k);
            } else if (call && x.isWord("CAST")) {
                castType(k + 1, "AS");
            } else if (call && x.isWord("CONVERT")) {
                castType(k + 1, ",");
            } else if (call && x.isWord("DATE_FORMAT")) {
                dateFormat(k);
            } else if (call && x.isWord("IF") && (k == 0 || !t.get(k - 1).isWord("EXISTS"))) {
                edits.replace(x.start(), x.end(), "CASEWHEN");
            } else if (call && x.isWord("DATEDIFF")) {
                dateDiff(k);
            }
        }
        new JoinChain(t, columnsOf, edits).rewrite();
    }

    /** {@code a / b} → {@code a / NULLIF(CAST(b AS DECIMAL(65, 30)), 0)}: exact, and NULL for zero, as MySQL. */
    private void division(int slash) {
        int from = slash + 1;
        while (from < t.size() && t.get(from).type() == SqlToken.Type.SYMBOL && BEFORE_OPERAND.contains(t.get(from).text())) {
            from++;
        }
        int last = operandEnd(from);
        if (last < 0) {
            return;
        }
        edits.insert(t.get(slash + 1).start(), "NULLIF(CAST(");
        edits.insert(t.get(last).end(), " AS DECIMAL(65, 30)), 0)");
    }

    /** The index of the last token of the operand starting at {@code k}, or -1 when it is not a simple one. */
    private int operandEnd(int k) {
        if (k >= t.size()) {
            return -1;
        }
        SqlToken x = t.get(k);
        if (x.isSymbol("(")) {
            return matching(k);
        }
        if (x.type() == SqlToken.Type.NUMBER || x.type() == SqlToken.Type.STRING || x.type() == SqlToken.Type.PARAMETER) {
            return k;
        }
        if (x.isWord("CASE")) {
            int depth = 0;
            for (int j = k; j < t.size(); j++) {
                if (t.get(j).isWord("CASE")) {
                    depth++;
                } else if (t.get(j).isWord("END") && --depth == 0) {
                    return j;
                }
            }
            return -1;
        }
        if (!x.isName()) {
            return -1;
        }
        int j = k;
        while (j + 2 < t.size() && t.get(j + 1).isSymbol(".") && (t.get(j + 2).isName() || t.get(j + 2).isSymbol("*"))) {
            j += 2;
        }
        if (j + 1 < t.size() && t.get(j + 1).isSymbol("(")) {
            return windowEnd(matching(j + 1));
        }
        return j;
    }

    /**
     * The end of a function call closed at {@code close}, with its {@code FILTER (…)} and {@code OVER (…)} or
     * {@code OVER name}: a window function is one operand ({@code x / SUM(x) OVER ()} divides by the window's sum).
     */
    private int windowEnd(int close) {
        int end = close;
        if (end >= 0 && end + 2 < t.size() && t.get(end + 1).isWord("FILTER") && t.get(end + 2).isSymbol("(")) {
            end = matching(end + 2);
        }
        if (end >= 0 && end + 2 < t.size() && t.get(end + 1).isWord("OVER")) {
            return t.get(end + 2).isSymbol("(") ? matching(end + 2) : t.get(end + 2).isName() ? end + 2 : end;
        }
        return end;
    }

    private int matching(int open) {
        int depth = 0;
        for (int j = open; j < t.size(); j++) {
            if (t.get(j).isSymbol("(")) {
                depth++;
            } else if (t.get(j).isSymbol(")") && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    /** The top-level {@code separator} inside the parentheses at {@code open}, or -1. */
    private int topLevel(int open, String separator) {
        int close = matching(open);
        int depth = 0;
        for (int j = open + 1; j < close; j++) {
            SqlToken x = t.get(j);
            if (x.isSymbol("(")) {
                depth++;
            } else if (x.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (x.isWord(separator) || x.isSymbol(separator))) {
                return j;
            }
        }
        return -1;
    }

    /** The type of {@code CAST(x AS type)} / {@code CONVERT(x, type)} the way MySQL means it. */
    private void castType(int open, String separator) {
        int sep = topLevel(open, separator);
        int close = matching(open);
        if (sep < 0 || close < 0 || sep + 1 >= close) {
            return;
        }
        SqlToken type = t.get(sep + 1);
        boolean sized = sep + 2 < close && t.get(sep + 2).isSymbol("(");
        int typeEnd = close;
        if (type.isWord("CHAR") || type.isWord("CHARACTER") || type.isWord("NCHAR")) {
            edits.replace(type.start(), type.end(), "VARCHAR");
            if (!sized && sep + 2 < close) {
                edits.replace(type.end(), t.get(close - 1).end(), "");
            }
        } else if (type.isWord("SIGNED") || type.isWord("UNSIGNED")) {
            edits.replace(type.start(), t.get(typeEnd - 1).end(), "BIGINT");
        } else if ((type.isWord("DECIMAL") || type.isWord("DEC") || type.isWord("NUMERIC")) && !sized) {
            edits.replace(type.start(), type.end(), "DECIMAL(10, 0)");
        }
    }

    /** {@code DATE_FORMAT(d, 'literal')} → {@code FORMATDATETIME(d, 'java pattern', 'en')}. */
    private void dateFormat(int name) {
        int open = name + 1;
        int comma = topLevel(open, ",");
        int close = matching(open);
        if (comma < 0 || close != comma + 2 || t.get(comma + 1).type() != SqlToken.Type.STRING) {
            return;
        }
        String pattern = DateFormats.javaPattern(t.get(comma + 1).value());
        if (pattern == null) {
            return;
        }
        edits.replace(t.get(name).start(), t.get(name).end(), "FORMATDATETIME");
        edits.replace(t.get(comma + 1).start(), t.get(comma + 1).end(), "'" + pattern.replace("'", "''") + "', 'en'");
    }

    /** MySQL's {@code DATEDIFF(a, b)} (days from b to a) → H2's {@code DATEDIFF(DAY, b, a)}. */
    private void dateDiff(int name) {
        int open = name + 1;
        int comma = topLevel(open, ",");
        int close = matching(open);
        if (comma < 0 || close < 0) {
            return;
        }
        if (topLevelCommas(open + 1, close) != 1 || comma == open + 1 || comma + 1 == close) {
            return;
        }
        String first = text(open + 1, comma - 1);
        String second = text(comma + 1, close - 1);
        edits.replace(t.get(open + 1).start(), t.get(close - 1).end(), "DAY, " + second + ", " + first);
    }

    private int topLevelCommas(int from, int to) {
        int depth = 0;
        int n = 0;
        for (int j = from; j < to; j++) {
            if (t.get(j).isSymbol("(")) {
                depth++;
            } else if (t.get(j).isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.get(j).isSymbol(",")) {
                n++;
            }
        }
        return n;
    }

    /** The source text from token {@code a} to token {@code b}, inclusive, as written. */
    private String text(int a, int b) {
        if (a > b) {
            return "";
        }
        return sourceBetween(t.get(a), t.get(b));
    }

    private String sourceBetween(SqlToken a, SqlToken b) {
        StringBuilder sb = new StringBuilder();
        for (SqlToken x : t) {
            if (x.start() >= a.start() && x.end() <= b.end()) {
                sb.append(sb.length() == 0 ? "" : " ").append(x.text());
            }
        }
        return sb.toString();
    }
}
