package campus.labs.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's relaxed date and time literals, written the standard way H2 reads: any punctuation between the parts
 * ({@code 1962/2/18}, {@code 2009.01.01}), one-digit parts, two-digit years (70–99 are 19xx, 00–69 are 20xx, as
 * in MySQL), a {@code T} between date and time, and bare digits ({@code 19620218}, {@code 20090101123000}).
 * Anything else is left as it is, for the engine to accept or refuse with the line.
 */
final class MysqlDates {

    private static final Pattern DELIMITED = Pattern.compile(
            "(\\d{2}|\\d{4})[^\\d\\s](\\d{1,2})[^\\d\\s](\\d{1,2})(?:(?:[T ]|\\s+)(\\d{1,2})[^\\d\\s](\\d{1,2})(?:[^\\d\\s](\\d{1,2}))?(\\.\\d{1,9})?)?");
    private static final Pattern DIGITS = Pattern.compile("(\\d{4}|\\d{2})(\\d{2})(\\d{2})(?:(\\d{2})(\\d{2})(\\d{2})(\\.\\d{1,9})?)?");
    private static final Pattern TIME = Pattern.compile("(-?\\d{1,3}):(\\d{1,2})(?::(\\d{1,2}))?(\\.\\d{1,9})?");

    private MysqlDates() {
    }

    static String standard(String v, MysqlDumpImporter.ColumnKind kind) {
        if (kind != MysqlDumpImporter.ColumnKind.TIME && isStandard(v)) {
            return v;
        }
        String s = v.strip();
        if (kind == MysqlDumpImporter.ColumnKind.TIME) {
            Matcher m = TIME.matcher(s);
            if (!m.matches()) {
                return v;
            }
            return two(m.group(1)) + ":" + two(m.group(2)) + ":" + two(m.group(3) == null ? "0" : m.group(3))
                    + (m.group(4) == null ? "" : m.group(4));
        }
        Matcher m = DELIMITED.matcher(s);
        if (!m.matches()) {
            m = DIGITS.matcher(s);
            if (!m.matches()) {
                return v;
            }
        }
        String date = year(m.group(1)) + "-" + two(m.group(2)) + "-" + two(m.group(3));
        if (kind == MysqlDumpImporter.ColumnKind.DATE || m.group(4) == null) {
            return date;
        }
        return date + " " + two(m.group(4)) + ":" + two(m.group(5)) + ":" + two(m.group(6) == null ? "0" : m.group(6))
                + (m.group(7) == null ? "" : m.group(7));
    }

    /** {@code yyyy-mm-dd} or {@code yyyy-mm-dd hh:mm:ss[.f]}: most values, checked without a regular expression. */
    private static boolean isStandard(String v) {
        int n = v.length();
        if (n != 10 && n < 19) {
            return false;
        }
        for (int k = 0; k < Math.min(n, 19); k++) {
            char c = v.charAt(k);
            boolean ok = switch (k) {
                case 4, 7 -> c == '-';
                case 10 -> c == ' ';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        if (n > 19 && v.charAt(19) != '.') {
            return false;
        }
        for (int k = 20; k < n; k++) {
            if (v.charAt(k) < '0' || v.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String year(String y) {
        if (y.length() == 4) {
            return y;
        }
        int n = Integer.parseInt(y);
        return Integer.toString(n >= 70 ? 1900 + n : 2000 + n);
    }

    private static String two(String p) {
        String digits = p.startsWith("-") ? p.substring(1) : p;
        return (p.startsWith("-") ? "-" : "") + (digits.length() == 1 ? "0" + digits : digits);
    }
}
