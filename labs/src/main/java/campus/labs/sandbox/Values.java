package campus.labs.sandbox;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Converts JDBC values into plain, immutable Java values the UI and the checker share. */
public final class Values {

    private Values() {
    }

    public static Object fromJdbc(Object v) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof Clob c) {
            return c.getSubString(1, (int) Math.min(Integer.MAX_VALUE, c.length()));
        }
        if (v instanceof Blob b) {
            return b.getBytes(1, (int) Math.min(Integer.MAX_VALUE, b.length()));
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (v instanceof Array a) {
            List<Object> out = new ArrayList<>();
            for (Object o : (Object[]) a.getArray()) {
                out.add(fromJdbc(o));
            }
            return List.copyOf(out.stream().map(o -> o == null ? "NULL" : o).toList());
        }
        if (v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof byte[]
                || v instanceof java.time.temporal.Temporal || v instanceof java.util.UUID) {
            return v;
        }
        return v.toString();
    }

    /** Longest text {@link #brief} shows of one value. */
    public static final int BRIEF_CHARS = 200;

    /**
     * A number without exponent when that is short ({@code 1E+3} as {@code 1000}); a number whose plain form would be
     * long ({@code 1E999999999}: a billion digits) keeps its exponent, so showing it costs what its digits cost.
     */
    public static String plain(java.math.BigDecimal d) {
        long zeros = Math.abs((long) d.scale());
        return zeros <= 100 ? d.toPlainString() : d.toString();
    }

    /** {@link #display} cut to {@link #BRIEF_CHARS} characters (with "…"): for a value quoted in a message. */
    public static String brief(Object v) {
        if (v instanceof String s && s.length() > BRIEF_CHARS) {
            return display(s.substring(0, BRIEF_CHARS)) + "…";
        }
        if (v instanceof byte[] b && b.length > BRIEF_CHARS / 2) {
            return display(java.util.Arrays.copyOf(b, BRIEF_CHARS / 2)) + "…";
        }
        String d = display(v);
        return d.length() > BRIEF_CHARS ? d.substring(0, BRIEF_CHARS) + "…" : d;
    }

    /** How a value is shown in a grid or a message: NULL visible, strings quoted. */
    public static String display(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof byte[] b) {
            return "X'" + java.util.HexFormat.of().formatHex(b) + "'";
        }
        if (v instanceof java.math.BigDecimal d) {
            return plain(d);
        }
        if (v instanceof Object[] a) {
            return Arrays.toString(a);
        }
        return v.toString();
    }
}
