package campus.labs.compat;

import campus.labs.sql.SqlSyntaxException;
import campus.labs.sql.SqlToken;
import campus.labs.sql.SqlTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The learner's SQL with its comparisons against text literals made case-insensitive, the way MySQL's default
 * collation (utf8mb4_0900_ai_ci) compares. Never run for a verdict: a failed check runs it to learn whether case
 * alone is what differs, and says so. Campus keeps comparing text exactly, as the database the courses teach does
 * by default (utf8mb4_bin).
 * <p>
 * A literal compared with {@code = <> != < > <= >=}, listed in {@code IN (…)}, a bound of {@code BETWEEN} or a
 * {@code CASE x WHEN 'a'} value becomes {@code CAST('a' AS VARCHAR_IGNORECASE)}: the engine compares text with such a
 * value without regard to case, and still turns it into a date or a number when the other side is one, as it does
 * the plain literal. A primary expression replaced by another cannot change how the statement parses. {@code LIKE
 * 'pattern'} becomes {@code ILIKE 'pattern'}.
 */
public final class CaseInsensitive {

    /** The rewritten SQL and the literals it compares without regard to case, as written (at most {@link #QUOTED}). */
    public record Folded(String sql, List<String> literals) {

        public boolean changed() {
            return !literals.isEmpty();
        }
    }

    /** Literals named back to the learner; more are folded but not listed. */
    static final int QUOTED = 5;

    private static final int LONGEST_QUOTE = 60;
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");
    /** Words that make the string after them a typed literal ({@code DATE '2024-01-01'}), which stays as it is. */
    private static final Set<String> TYPED = Set.of("DATE", "TIME", "TIMESTAMP", "INTERVAL", "X", "JSON", "UUID",
            "GEOMETRY");

    private CaseInsensitive() {
    }

    public static Folded rewrite(String sql) {
        List<SqlToken> t;
        try {
            t = SqlTokenizer.tokenize(sql);
        } catch (SqlSyntaxException e) {
            return new Folded(sql, List.of());
        }
        Edits edits = new Edits();
        List<String> quoted = new ArrayList<>();
        for (int k = 0; k < t.size(); k++) {
            SqlToken x = t.get(k);
            if (x.isWord("LIKE") && k + 1 < t.size() && plainString(t.get(k + 1))) {
                edits.replace(x.start(), x.end(), "ILIKE");
                quote(t.get(k + 1), quoted);
            } else if (plainString(x) && compared(t, k)) {
                edits.replace(x.start(), x.end(), "CAST(" + x.text() + " AS VARCHAR_IGNORECASE)");
                quote(x, quoted);
            }
        }
        return quoted.isEmpty() ? new Folded(sql, List.of()) : new Folded(edits.apply(sql), List.copyOf(quoted));
    }

    private static boolean plainString(SqlToken x) {
        return x.type() == SqlToken.Type.STRING && x.text().startsWith("'");
    }

    private static boolean compared(List<SqlToken> t, int k) {
        SqlToken before = k > 0 ? t.get(k - 1) : null;
        SqlToken after = k + 1 < t.size() ? t.get(k + 1) : null;
        if (before != null && before.type() == SqlToken.Type.WORD && TYPED.contains(before.value())) {
            return false;
        }
        if (isComparison(before) || isComparison(after)) {
            return true;
        }
        if (before == null) {
            return false;
        }
        if (before.isWord("BETWEEN") || before.isWord("AND") && k >= 3 && t.get(k - 3).isWord("BETWEEN")) {
            return true;
        }
        if (before.isWord("WHEN") && after != null && after.isWord("THEN") && simpleCase(t, k - 1)) {
            return true;
        }
        return (before.isSymbol("(") || before.isSymbol(",")) && inList(t, k);
    }

    private static boolean isComparison(SqlToken x) {
        return x != null && x.type() == SqlToken.Type.SYMBOL && COMPARISONS.contains(x.text());
    }

    /** Whether the literal at {@code k} is an element of {@code IN (…)}. */
    private static boolean inList(List<SqlToken> t, int k) {
        int open = enclosing(t, k, x -> x.isSymbol("("), x -> x.isSymbol(")"));
        return open > 0 && t.get(open - 1).isWord("IN");
    }

    /** Whether the {@code WHEN} at {@code when} is of {@code CASE operand WHEN …} (compares), not {@code CASE WHEN}. */
    private static boolean simpleCase(List<SqlToken> t, int when) {
        int open = enclosing(t, when, x -> x.isWord("CASE"), x -> x.isWord("END"));
        return open >= 0 && open + 1 < when && !t.get(open + 1).isWord("WHEN");
    }

    /** The nearest {@code open} token before {@code k} that is not closed before {@code k}, or -1. */
    private static int enclosing(List<SqlToken> t, int k, Predicate<SqlToken> open, Predicate<SqlToken> close) {
        int depth = 0;
        for (int j = k - 1; j >= 0; j--) {
            if (close.test(t.get(j))) {
                depth++;
            } else if (open.test(t.get(j)) && depth-- == 0) {
                return j;
            }
        }
        return -1;
    }

    private static void quote(SqlToken literal, List<String> quoted) {
        String text = literal.text();
        if (text.length() > LONGEST_QUOTE) {
            text = text.substring(0, LONGEST_QUOTE - 2) + "…'";
        }
        if (quoted.size() < QUOTED && !quoted.contains(text)) {
            quoted.add(text);
        }
    }
}
