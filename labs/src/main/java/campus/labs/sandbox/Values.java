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
            return d.toPlainString();
        }
        if (v instanceof Object[] a) {
            return Arrays.toString(a);
        }
        return v.toString();
    }
}
