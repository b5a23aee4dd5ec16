package campus.labs.sql;

import campus.i18n.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL into tokens the way H2 reads it: {@code --} and nested {@code /* *}{@code /} comments (a
 * MySQL {@code /*! *}{@code /} is a comment to H2 too, so it is skipped), {@code '...'} strings with
 * {@code ''}, {@code N'}, {@code X'}, {@code U&'...'} with Unicode escapes, {@code $$...$$},
 * {@code "..."} and {@code `...`} identifiers, {@code U&"..."}. In {@link Flavor#MYSQL} (dump import)
 * strings also take backslash escapes and {@code #} starts a comment, as in a real mysqldump.
 */
public final class SqlTokenizer {

    public enum Flavor { H2, MYSQL }

    private final String s;
    private final Flavor flavor;
    private int i;

    private SqlTokenizer(String s, Flavor flavor) {
        this.s = s;
        this.flavor = flavor;
    }

    public static List<SqlToken> tokenize(String sql) throws SqlSyntaxException {
        return tokenize(sql, Flavor.H2);
    }

    public static List<SqlToken> tokenize(String sql, Flavor flavor) throws SqlSyntaxException {
        return new SqlTokenizer(sql, flavor).run();
    }

    private List<SqlToken> run() throws SqlSyntaxException {
        List<SqlToken> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (i >= s.length()) {
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpaceAndComments() throws SqlSyntaxException {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && peek(1) == '-' || c == '/' && peek(1) == '/' || c == '#' && flavor == Flavor.MYSQL) {
                while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && peek(1) == '*') {
                int start = i;
                int depth = 0;
                do {
                    if (i + 1 >= s.length()) {
                        throw new SqlSyntaxException(Msg.of("labs.sql.unterminatedComment"), start);
                    }
                    if (s.charAt(i) == '/' && s.charAt(i + 1) == '*' && (depth == 0 || flavor == Flavor.H2)) {
                        depth++;
                        i += 2;
                    } else if (s.charAt(i) == '*' && s.charAt(i + 1) == '/') {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                } while (depth > 0);
            } else {
                return;
            }
        }
    }

    private char peek(int ahead) {
        int j = i + ahead;
        return j < s.length() ? s.charAt(j) : '\0';
    }

    private SqlToken next() throws SqlSyntaxException {
        int start = i;
        char c = s.charAt(i);
        char u = Character.toUpperCase(c);
        if ((u == 'U') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            i += 2;
            char q = s.charAt(i);
            String raw = quoted(q, start);
            String escape = "\\";
            int save = i;
            skipSpaceAndCommentsQuietly();
            if (i + 6 <= s.length() && s.regionMatches(true, i, "UESCAPE", 0, 7)) {
                i += 7;
                skipSpaceAndCommentsQuietly();
                if (i < s.length() && s.charAt(i) == '\'') {
                    escape = quoted('\'', i);
                }
            } else {
                i = save;
            }
            String value = unicodeUnescape(raw, escape, start);
            return tok(q == '"' ? SqlToken.Type.QUOTED_IDENTIFIER : SqlToken.Type.STRING, start, value);
        }
        if ((u == 'N' || u == 'X' || u == 'B') && peek(1) == '\'') {
            i++;
            return tok(SqlToken.Type.STRING, start, quoted('\'', start));
        }
        if (c == '\'') {
            return tok(SqlToken.Type.STRING, start, quoted('\'', start));
        }
        if (c == '"' || c == '`') {
            return tok(SqlToken.Type.QUOTED_IDENTIFIER, start, quoted(c, start));
        }
        if (c == '$' && peek(1) == '$') {
            int endAt = s.indexOf("$$", i + 2);
            if (endAt < 0) {
                throw new SqlSyntaxException(Msg.of("labs.sql.unterminatedString"), start);
            }
            i = endAt + 2;
            return tok(SqlToken.Type.STRING, start, s.substring(start + 2, endAt));
        }
        if (Character.isLetter(c) || c == '_' || c == '@' && flavor == Flavor.MYSQL) {
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$'
                    || s.charAt(i) == '@' && flavor == Flavor.MYSQL)) {
                i++;
            }
            return tok(SqlToken.Type.WORD, start, s.substring(start, i).toUpperCase(Locale.ROOT));
        }
        if (Character.isDigit(c) || c == '.' && Character.isDigit(peek(1))) {
            if (c == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
                i += 2;
                while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
                    i++;
                }
                return tok(SqlToken.Type.NUMBER, start, s.substring(start, i));
            }
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')
                    && (Character.isDigit(peek(1)) || (peek(1) == '-' || peek(1) == '+') && Character.isDigit(peek(2)))) {
                i += 2;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
            return tok(SqlToken.Type.NUMBER, start, s.substring(start, i));
        }
        if (c == '?') {
            i++;
            return tok(SqlToken.Type.PARAMETER, start, "?");
        }
        for (String op : new String[] {"<=>", "<>", "<=", ">=", "!=", "||", "::", ":=", "->>", "->", "&&"}) {
            if (s.startsWith(op, i)) {
                i += op.length();
                return tok(SqlToken.Type.SYMBOL, start, op);
            }
        }
        i++;
        return tok(SqlToken.Type.SYMBOL, start, String.valueOf(c));
    }

    private void skipSpaceAndCommentsQuietly() {
        try {
            skipSpaceAndComments();
        } catch (SqlSyntaxException e) {
            i = s.length();
        }
    }

    private SqlToken tok(SqlToken.Type type, int start, String value) {
        return new SqlToken(type, s.substring(start, i), value, start, i);
    }

    /** Reads a quoted run starting at the quote at {@code i}; a doubled quote is one quote. */
    private String quoted(char q, int tokenStart) throws SqlSyntaxException {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) {
                throw new SqlSyntaxException(Msg.of(q == '\'' ? "labs.sql.unterminatedString"
                        : "labs.sql.unterminatedIdentifier"), tokenStart);
            }
            char c = s.charAt(i);
            if (c == '\\' && q == '\'' && flavor == Flavor.MYSQL && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case '0' -> '\0';
                    case 'Z' -> (char) 26;
                    case 'b' -> '\b';
                    default -> e;
                });
                i += 2;
            } else if (c == q) {
                if (peek(1) == q) {
                    sb.append(q);
                    i += 2;
                } else {
                    i++;
                    return sb.toString();
                }
            } else {
                sb.append(c);
                i++;
            }
        }
    }

    private static String unicodeUnescape(String raw, String escape, int offset) throws SqlSyntaxException {
        if (escape.length() != 1) {
            throw new SqlSyntaxException(Msg.of("labs.sql.badUnicodeEscape"), offset);
        }
        char e = escape.charAt(0);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c != e) {
                sb.append(c);
            } else if (k + 1 < raw.length() && raw.charAt(k + 1) == e) {
                sb.append(e);
                k++;
            } else {
                int len = k + 1 < raw.length() && raw.charAt(k + 1) == '+' ? 6 : 4;
                int from = k + 1 + (len == 6 ? 1 : 0);
                if (from + len > raw.length()) {
                    throw new SqlSyntaxException(Msg.of("labs.sql.badUnicodeEscape"), offset);
                }
                try {
                    sb.appendCodePoint(Integer.parseInt(raw.substring(from, from + len), 16));
                } catch (IllegalArgumentException ex) {
                    throw new SqlSyntaxException(Msg.of("labs.sql.badUnicodeEscape"), offset);
                }
                k = from + len - 1;
            }
        }
        return sb.toString();
    }
}
