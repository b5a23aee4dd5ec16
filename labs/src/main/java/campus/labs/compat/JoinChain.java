package campus.labs.compat;

import campus.labs.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code FROM a JOIN b USING (x) JOIN c USING (y)}: MySQL takes {@code y} from whichever earlier table has it, H2
 * only from the first table ({@code a}). Such a {@code USING (y)} becomes {@code ON b.y = c.y}. Left alone when the
 * statement selects {@code *} (MySQL shows a USING column once, ON twice), when a table is a subquery, or when the
 * tables' columns cannot be told.
 */
final class JoinChain {

    private static final Set<String> ENDS_FROM = Set.of("WHERE", "GROUP", "ORDER", "LIMIT", "HAVING", "UNION", "WINDOW",
            "FOR", "OFFSET", "FETCH", "EXCEPT", "INTERSECT", "MINUS");
    private static final Set<String> JOIN_WORDS = Set.of("JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "OUTER", "NATURAL",
            "STRAIGHT_JOIN", "FULL");

    private record Table(String name, String alias) {
    }

    private final List<SqlToken> t;
    private final Function<String, List<String>> columnsOf;
    private final Edits edits;

    JoinChain(List<SqlToken> t, Function<String, List<String>> columnsOf, Edits edits) {
        this.t = t;
        this.columnsOf = columnsOf;
        this.edits = edits;
    }

    void rewrite() {
        if (selectsStar()) {
            return;
        }
        for (int k = 0; k < t.size(); k++) {
            if (t.get(k).isWord("FROM")) {
                chain(k + 1);
            }
        }
    }

    /** {@code SELECT *} or {@code SELECT t.*}: a rewrite would change the columns shown. */
    private boolean selectsStar() {
        for (int k = 1; k < t.size(); k++) {
            if (t.get(k).isSymbol("*")) {
                SqlToken before = t.get(k - 1);
                if (before.isWord("SELECT") || before.isWord("DISTINCT") || before.isWord("ALL") || before.isSymbol(",")
                        || before.isSymbol(".")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void chain(int k) {
        List<Table> seen = new ArrayList<>();
        while (k < t.size()) {
            SqlToken x = t.get(k);
            if (x.isSymbol("(") || !x.isName() || ENDS_FROM.contains(x.value())) {
                return;
            }
            Table table = table(k);
            if (table == null) {
                return;
            }
            k = afterTable(k);
            if (k < t.size() && t.get(k).isWord("USING") && k + 1 < t.size() && t.get(k + 1).isSymbol("(")) {
                int close = k + 1;
                while (close < t.size() && !t.get(close).isSymbol(")")) {
                    close++;
                }
                if (seen.size() >= 2) {
                    onInstead(seen, table, k, close);
                }
                k = close + 1;
            } else if (k < t.size() && t.get(k).isWord("ON")) {
                while (k < t.size() && !JOIN_WORDS.contains(t.get(k).value()) && !ENDS_FROM.contains(t.get(k).value())
                        && !t.get(k).isSymbol(")")) {
                    if (t.get(k).isSymbol("(")) {
                        k = skipParens(k);
                    } else {
                        k++;
                    }
                }
            }
            seen.add(table);
            while (k < t.size() && (JOIN_WORDS.contains(t.get(k).value()) || t.get(k).isSymbol(","))) {
                k++;
            }
            if (k < t.size() && (ENDS_FROM.contains(t.get(k).value()) || t.get(k).isSymbol(")") || t.get(k).isSymbol(";"))) {
                return;
            }
        }
    }

    private int skipParens(int open) {
        int depth = 0;
        for (int j = open; j < t.size(); j++) {
            if (t.get(j).isSymbol("(")) {
                depth++;
            } else if (t.get(j).isSymbol(")") && --depth == 0) {
                return j + 1;
            }
        }
        return t.size();
    }

    /** {@code name [AS] [alias]} at {@code k}. */
    private Table table(int k) {
        String name = t.get(k).value();
        int j = k + 1;
        if (j + 1 < t.size() && t.get(j).isSymbol(".") && t.get(j + 1).isName()) {
            name = t.get(j + 1).value();
            j += 2;
        }
        if (j < t.size() && t.get(j).isWord("AS")) {
            j++;
        }
        String alias = name;
        if (j < t.size() && t.get(j).isName() && !isKeyword(t.get(j))) {
            alias = t.get(j).text();
        }
        return new Table(name.toLowerCase(Locale.ROOT), alias);
    }

    private int afterTable(int k) {
        int j = k + 1;
        if (j + 1 < t.size() && t.get(j).isSymbol(".") && t.get(j + 1).isName()) {
            j += 2;
        }
        if (j < t.size() && t.get(j).isWord("AS")) {
            j++;
        }
        if (j < t.size() && t.get(j).isName() && !isKeyword(t.get(j))) {
            j++;
        }
        return j;
    }

    private static boolean isKeyword(SqlToken x) {
        return x.type() == SqlToken.Type.WORD && (JOIN_WORDS.contains(x.value()) || ENDS_FROM.contains(x.value())
                || Set.of("ON", "USING", "SET").contains(x.value()));
    }

    /** {@code USING (c1, c2)} → {@code ON l1.c1 = r.c1 AND l2.c2 = r.c2}, when a column is not in the first table. */
    private void onInstead(List<Table> left, Table right, int using, int close) {
        List<String> firstColumns = columnsOf.apply(left.get(0).name());
        if (firstColumns.isEmpty()) {
            return;
        }
        List<String> conditions = new ArrayList<>();
        boolean needed = false;
        for (int j = using + 2; j < close; j++) {
            SqlToken c = t.get(j);
            if (!c.isName()) {
                continue;
            }
            String col = c.value().toLowerCase(Locale.ROOT);
            Table from = null;
            for (Table l : left) {
                if (columnsOf.apply(l.name()).contains(col)) {
                    from = l;
                    break;
                }
            }
            if (from == null) {
                return;
            }
            needed |= from != left.get(0);
            conditions.add(from.alias() + "." + c.text() + " = " + right.alias() + "." + c.text());
        }
        if (needed) {
            edits.replace(t.get(using).start(), t.get(close).end(), "ON " + String.join(" AND ", conditions));
        }
    }
}
