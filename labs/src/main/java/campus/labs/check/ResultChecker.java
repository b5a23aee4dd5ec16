package campus.labs.check;

import static campus.labs.check.ValueComparator.ROW_ORDER;
import static campus.labs.check.ValueComparator.equal;
import static campus.labs.check.ValueComparator.row;
import static campus.labs.check.ValueComparator.rowsEqual;

import campus.i18n.Msg;
import campus.labs.sandbox.Values;
import campus.labs.sandbox.StatementResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a learner's result with the reference's and explains the first thing that is wrong. Columns
 * match by position; names only when the lab asks. Rows are compared as a multiset (both sides sorted
 * with one total order) unless the lab requires order. An empty list means the results match.
 */
public final class ResultChecker {

    private ResultChecker() {
    }

    public static List<Msg> compare(StatementResult expected, StatementResult actual, CheckOptions o) {
        List<Msg> out = new ArrayList<>();
        int ec = expected.columns().size();
        int ac = actual.columns().size();
        if (ec != ac) {
            out.add(Msg.of("labs.check.columnCount", ec, ac));
            return out;
        }
        if (o.columnNames()) {
            for (int k = 0; k < ec; k++) {
                String en = expected.columns().get(k).name();
                String an = actual.columns().get(k).name();
                if (!en.equalsIgnoreCase(an)) {
                    out.add(Msg.of("labs.check.columnName", k + 1, en, an));
                    return out;
                }
            }
        }
        if (actual.totalRows() > actual.rows().size() || expected.totalRows() > expected.rows().size()) {
            out.add(Msg.of("labs.check.rowCount", expected.totalRows(), actual.totalRows()));
            return out;
        }
        List<List<Object>> e = expected.rows();
        List<List<Object>> a = actual.rows();
        BigDecimal tol = o.tolerance();
        List<List<Object>> es = sorted(e);
        List<List<Object>> as = sorted(a);
        boolean sameMultiset = es.size() == as.size() && allEqual(es, as, tol);
        if (o.ordered() && sameMultiset) {
            for (int k = 0; k < e.size(); k++) {
                if (!rowsEqual(e.get(k), a.get(k), tol)) {
                    out.add(Msg.of("labs.check.order", k + 1, row(e.get(k)), row(a.get(k))));
                    return out;
                }
            }
            return out;
        }
        if (sameMultiset) {
            return out;
        }
        if (e.size() != a.size()) {
            out.add(Msg.of("labs.check.rowCount", e.size(), a.size()));
            if (a.size() > e.size() && isDistinct(es, tol) && allEqual(es, distinct(as, tol), tol)) {
                out.add(Msg.of("labs.check.duplicates"));
                return out;
            }
            addFirstSetDifference(es, as, tol, out);
            return out;
        }
        List<List<Object>> left = o.ordered() ? e : es;
        List<List<Object>> right = o.ordered() ? a : as;
        for (int k = 0; k < left.size(); k++) {
            List<Object> er = left.get(k);
            List<Object> ar = right.get(k);
            for (int c = 0; c < ec; c++) {
                if (!equal(er.get(c), ar.get(c), tol)) {
                    out.add(valueMessage(o.ordered() ? Msg.of("labs.check.atRow", k + 1) : Msg.of("labs.check.inRow", row(er)),
                            c + 1, expected.columns().get(c).name(), er.get(c), ar.get(c), tol));
                    return out;
                }
            }
        }
        return out;
    }

    private static Msg valueMessage(Msg where, int column, String name, Object ev, Object av, BigDecimal tol) {
        String w = where.in(campus.i18n.Lang.EN);
        String wz = where.in(campus.i18n.Lang.ZH);
        String col = column + " (" + name + ")";
        String e = Values.brief(ev);
        String a = Values.brief(av);
        BigDecimal ne = ValueComparator.number(ev);
        BigDecimal na = ValueComparator.number(av);
        if (ev != null && av != null && (ne == null) != (na == null)) {
            return Msg.of("labs.check.type", w, wz, col, e, ValueComparator.kind(ev), a, ValueComparator.kind(av));
        }
        if (ne != null && na != null && tol.signum() > 0) {
            return Msg.of("labs.check.tolerance", w, wz, col, e, a, tol.stripTrailingZeros().toPlainString());
        }
        return Msg.of("labs.check.value", w, wz, col, e, a);
    }

    private static void addFirstSetDifference(List<List<Object>> es, List<List<Object>> as, BigDecimal tol, List<Msg> out) {
        int i = 0;
        int j = 0;
        while (i < es.size() && j < as.size()) {
            if (rowsEqual(es.get(i), as.get(j), tol)) {
                i++;
                j++;
            } else if (ROW_ORDER.compare(es.get(i), as.get(j)) < 0) {
                out.add(Msg.of("labs.check.missingRow", row(es.get(i))));
                return;
            } else {
                out.add(Msg.of("labs.check.extraRow", row(as.get(j))));
                return;
            }
        }
        if (i < es.size()) {
            out.add(Msg.of("labs.check.missingRow", row(es.get(i))));
        } else if (j < as.size()) {
            out.add(Msg.of("labs.check.extraRow", row(as.get(j))));
        }
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> s = new ArrayList<>(rows);
        s.sort(ROW_ORDER);
        return s;
    }

    private static boolean allEqual(List<List<Object>> x, List<List<Object>> y, BigDecimal tol) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int k = 0; k < x.size(); k++) {
            if (!rowsEqual(x.get(k), y.get(k), tol)) {
                return false;
            }
        }
        return true;
    }

    private static List<List<Object>> distinct(List<List<Object>> sortedRows, BigDecimal tol) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : sortedRows) {
            if (out.isEmpty() || !rowsEqual(out.get(out.size() - 1), r, tol)) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean isDistinct(List<List<Object>> sortedRows, BigDecimal tol) {
        return distinct(sortedRows, tol).size() == sortedRows.size();
    }
}
