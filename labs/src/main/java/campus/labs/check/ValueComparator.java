package campus.labs.check;

import campus.labs.sandbox.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The type policy of the checker, in one place.
 * <ul>
 * <li>All numbers compare by value: {@code 1}, {@code 1.0} and {@code 1.00} are equal; with a tolerance
 *     {@code |expected - actual| <= tolerance}.</li>
 * <li>A boolean equals the number 1 (true) or 0 (false), as in MySQL.</li>
 * <li>Text never equals a number: {@code '1'} is not {@code 1} (the learner quoted a number, or the
 *     reference returns a number the learner turned into text); reported as a type difference.</li>
 * <li>Text compares exactly (case and trailing spaces count). Dates, times and timestamps compare by
 *     value and only with the same kind. NULL equals only NULL.</li>
 * </ul>
 */
final class ValueComparator {

    private ValueComparator() {
    }

    static BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite()) || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return null;
        }
        if (v instanceof Double || v instanceof Float) {
            return new BigDecimal(v.toString());
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return null;
    }

    /** Kind name shown in messages. */
    static String kind(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (number(v) != null || v instanceof Number) {
            return "NUMBER";
        }
        if (v instanceof String) {
            return "TEXT";
        }
        if (v instanceof java.time.LocalDate) {
            return "DATE";
        }
        if (v instanceof java.time.temporal.Temporal) {
            return "TIMESTAMP";
        }
        return v.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
    }

    static boolean equal(Object e, Object a, BigDecimal tolerance) {
        if (e == null || a == null) {
            return e == a;
        }
        BigDecimal ne = number(e);
        BigDecimal na = number(a);
        if (ne != null && na != null) {
            return numbersEqual(ne, na, tolerance);
        }
        if (ne != null || na != null) {
            return false;
        }
        if (e instanceof byte[] be && a instanceof byte[] ba) {
            return Arrays.equals(be, ba);
        }
        return e.equals(a);
    }

    /** Digits kept of a difference: plenty for any tolerance, and bounded whatever the exponents. */
    private static final java.math.MathContext DIFFERENCE = new java.math.MathContext(40);

    /**
     * {@code |e - a| <= tolerance} in time and memory bounded by the digits of the numbers, not their exponents: an
     * exact subtraction of {@code 1E999999999} and {@code 1} would write out a billion digits. Equal values are found
     * by {@code compareTo}; otherwise the difference is rounded to 40 significant digits, which changes its size by
     * far less than any tolerance could notice (and {@code subtract} with a precision skips the alignment of operands
     * whose exponents are far apart).
     */
    static boolean numbersEqual(BigDecimal e, BigDecimal a, BigDecimal tolerance) {
        if (e.compareTo(a) == 0) {
            return true;
        }
        if (tolerance.signum() == 0) {
            return false;
        }
        return e.subtract(a, DIFFERENCE).abs().compareTo(tolerance) <= 0;
    }

    static boolean rowsEqual(List<Object> e, List<Object> a, BigDecimal tolerance) {
        if (e.size() != a.size()) {
            return false;
        }
        for (int k = 0; k < e.size(); k++) {
            if (!equal(e.get(k), a.get(k), tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** A total order used to sort rows before an order-free comparison. */
    static final Comparator<Object> VALUE_ORDER = (x, y) -> {
        int rx = rank(x);
        int ry = rank(y);
        if (rx != ry) {
            return Integer.compare(rx, ry);
        }
        if (rx == 1) {
            return number(x).compareTo(number(y));
        }
        if (rx == 0) {
            return 0;
        }
        if (x instanceof Comparable<?> && x.getClass() == y.getClass()) {
            @SuppressWarnings("unchecked")
            Comparable<Object> cx = (Comparable<Object>) x;
            return cx.compareTo(y);
        }
        return Values.display(x).compareTo(Values.display(y));
    };

    static final Comparator<List<Object>> ROW_ORDER = (a, b) -> {
        for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
            int c = VALUE_ORDER.compare(a.get(k), b.get(k));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private static int rank(Object v) {
        if (v == null) {
            return 0;
        }
        if (number(v) != null) {
            return 1;
        }
        if (v instanceof String) {
            return 2;
        }
        if (v instanceof java.time.temporal.Temporal) {
            return 3;
        }
        return 4;
    }

    static String row(List<Object> r) {
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < r.size(); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(Values.brief(r.get(k)));
        }
        return sb.append(')').toString();
    }
}
