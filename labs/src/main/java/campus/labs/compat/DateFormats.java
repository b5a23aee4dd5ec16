package campus.labs.compat;

/**
 * MySQL's {@code DATE_FORMAT} specifiers as a Java date-time pattern (what H2's {@code FORMATDATETIME} takes).
 * Null when the format uses a specifier without an exact Java equivalent (week numbers, {@code %D} ordinals),
 * so the statement is left for the engine to refuse rather than formatted differently.
 */
final class DateFormats {

    private DateFormats() {
    }

    static String javaPattern(String mysql) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int k = 0; k < mysql.length(); k++) {
            char c = mysql.charAt(k);
            if (c != '%' || k + 1 == mysql.length()) {
                literal.append(c);
                continue;
            }
            char s = mysql.charAt(++k);
            String p = switch (s) {
                case 'Y' -> "yyyy";
                case 'y' -> "yy";
                case 'm' -> "MM";
                case 'c' -> "M";
                case 'd' -> "dd";
                case 'e' -> "d";
                case 'H' -> "HH";
                case 'k' -> "H";
                case 'h', 'I' -> "hh";
                case 'l' -> "h";
                case 'i' -> "mm";
                case 's', 'S' -> "ss";
                case 'f' -> "SSSSSS";
                case 'p' -> "a";
                case 'M' -> "MMMM";
                case 'b' -> "MMM";
                case 'W' -> "EEEE";
                case 'a' -> "EEE";
                case 'j' -> "DDD";
                case 'T' -> "HH:mm:ss";
                case 'r' -> "hh:mm:ss a";
                case '%' -> null;
                default -> "";
            };
            if (p == null) {
                literal.append('%');
            } else if (p.isEmpty()) {
                return null;
            } else {
                flush(out, literal);
                out.append(p);
            }
        }
        flush(out, literal);
        return out.toString();
    }

    /** Text outside specifiers, quoted for the Java pattern when it holds letters or quotes. */
    private static void flush(StringBuilder out, StringBuilder literal) {
        if (literal.isEmpty()) {
            return;
        }
        String l = literal.toString();
        if (l.chars().anyMatch(ch -> Character.isLetter(ch) || ch == '\'')) {
            out.append('\'').append(l.replace("'", "''")).append('\'');
        } else {
            out.append(l);
        }
        literal.setLength(0);
    }
}
