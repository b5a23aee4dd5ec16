package campus.labs.sql;

import campus.i18n.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the lexemes of {@link SqlLexer} into tokens with their meaning, as H2 reads them: comments dropped,
 * {@code ''} in strings resolved, adjacent string literals joined into one (H2 concatenates {@code 'a' 'b'}),
 * {@code N'…'}/{@code X'…'} strings, {@code U&'…'}/{@code U&"…"} with Unicode escapes and {@code UESCAPE},
 * {@code "…"} and {@code `…`} identifiers. An unterminated string, name or comment is a {@link SqlSyntaxException}.
 * In {@link SqlLexer.Flavor#MYSQL} (dump import) strings also take backslash escapes.
 */
public final class SqlTokenizer {

    private SqlTokenizer() {
    }

    public static List<SqlToken> tokenize(String sql) throws SqlSyntaxException {
        return tokenize(sql, SqlLexer.Flavor.H2);
    }

    public static List<SqlToken> tokenize(String sql, SqlLexer.Flavor flavor) throws SqlSyntaxException {
        List<SqlLexer.Lexeme> lexemes = new ArrayList<>();
        SqlLexer.lex(sql, flavor, lexemes::add);
        List<SqlToken> out = new ArrayList<>(lexemes.size());
        for (int k = 0; k < lexemes.size(); k++) {
            SqlLexer.Lexeme x = lexemes.get(k);
            if (!x.closed()) {
                throw new SqlSyntaxException(Msg.of(switch (x.kind()) {
                    case COMMENT -> "labs.sql.unterminatedComment";
                    case QUOTED_IDENTIFIER -> "labs.sql.unterminatedIdentifier";
                    default -> "labs.sql.unterminatedString";
                }), x.start());
            }
            if (x.kind() == SqlLexer.Kind.COMMENT) {
                continue;
            }
            String text = sql.substring(x.start(), x.end());
            switch (x.kind()) {
                case WORD -> out.add(new SqlToken(SqlToken.Type.WORD, text, text.toUpperCase(Locale.ROOT), x.start(), x.end()));
                case NUMBER -> out.add(new SqlToken(SqlToken.Type.NUMBER, text, text, x.start(), x.end()));
                case SYMBOL -> out.add(new SqlToken(SqlToken.Type.SYMBOL, text, text, x.start(), x.end()));
                case PARAMETER -> out.add(new SqlToken(SqlToken.Type.PARAMETER, text, text, x.start(), x.end()));
                case QUOTED_IDENTIFIER, STRING -> k = quotedToken(sql, lexemes, k, flavor, out);
                default -> throw new IllegalStateException(x.kind().name());
            }
        }
        return out;
    }

    /** Adds the token of the string or quoted name at lexeme {@code k}, with what H2 joins to it; returns the last lexeme used. */
    private static int quotedToken(String sql, List<SqlLexer.Lexeme> lexemes, int k, SqlLexer.Flavor flavor,
            List<SqlToken> out) throws SqlSyntaxException {
        SqlLexer.Lexeme x = lexemes.get(k);
        String text = sql.substring(x.start(), x.end());
        boolean identifier = x.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER;
        boolean unicode = text.length() > 2 && text.charAt(1) == '&';
        int end = x.end();
        String value;
        if (text.startsWith("$$")) {
            value = text.substring(2, text.length() - 2);
        } else {
            int open = text.indexOf(identifier ? text.charAt(text.length() - 1) : '\'');
            char q = text.charAt(open);
            StringBuilder v = new StringBuilder(unquote(text.substring(open), q, flavor == SqlLexer.Flavor.MYSQL && !identifier));
            // 'a' 'b' is one string to H2 when only white space or /* */ and // comments stand between them
            while (!identifier && k + 1 < lexemes.size()) {
                int n = nextJoinable(sql, lexemes, k);
                if (n < 0) {
                    break;
                }
                SqlLexer.Lexeme more = lexemes.get(n);
                if (!more.closed()) {
                    throw new SqlSyntaxException(Msg.of("labs.sql.unterminatedString"), more.start());
                }
                v.append(unquote(sql.substring(more.start(), more.end()), '\'', flavor == SqlLexer.Flavor.MYSQL));
                end = more.end();
                k = n;
            }
            value = v.toString();
        }
        if (unicode) {
            String escape = "\\";
            int n = k + 1;
            while (n < lexemes.size() && lexemes.get(n).kind() == SqlLexer.Kind.COMMENT) {
                n++;
            }
            if (n + 1 < lexemes.size() && lexemes.get(n).kind() == SqlLexer.Kind.WORD
                    && sql.substring(lexemes.get(n).start(), lexemes.get(n).end()).equalsIgnoreCase("UESCAPE")) {
                int m = n + 1;
                while (m < lexemes.size() && lexemes.get(m).kind() == SqlLexer.Kind.COMMENT) {
                    m++;
                }
                SqlLexer.Lexeme e = m < lexemes.size() ? lexemes.get(m) : null;
                if (e != null && e.kind() == SqlLexer.Kind.STRING && sql.charAt(e.start()) == '\'') {
                    escape = unquote(sql.substring(e.start(), e.end()), '\'', false);
                    end = e.end();
                    k = m;
                }
            }
            value = unicodeUnescape(value, escape, x.start());
        }
        out.add(new SqlToken(identifier ? SqlToken.Type.QUOTED_IDENTIFIER : SqlToken.Type.STRING,
                sql.substring(x.start(), end), value, x.start(), end));
        return k;
    }

    /** The index of a plain {@code '…'} string H2 joins to the string at {@code k}, or -1. */
    private static int nextJoinable(String sql, List<SqlLexer.Lexeme> lexemes, int k) {
        int n = k + 1;
        int at = lexemes.get(k).end();
        while (n < lexemes.size()) {
            SqlLexer.Lexeme x = lexemes.get(n);
            for (int c = at; c < x.start(); c++) {
                if (!Character.isWhitespace(sql.charAt(c))) {
                    return -1;
                }
            }
            if (x.kind() == SqlLexer.Kind.COMMENT && (sql.startsWith("/*", x.start()) || sql.startsWith("//", x.start()))) {
                at = x.end();
                n++;
                continue;
            }
            return x.kind() == SqlLexer.Kind.STRING && sql.charAt(x.start()) == '\'' ? n : -1;
        }
        return -1;
    }

    /** The content of a closed {@code q…q} run; a doubled quote is one quote. */
    private static String unquote(String quoted, char q, boolean backslash) {
        StringBuilder sb = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (backslash && c == '\\' && i + 1 < quoted.length() - 1) {
                char e = quoted.charAt(++i);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case '0' -> '\0';
                    case 'Z' -> (char) 26;
                    case 'b' -> '\b';
                    default -> e;
                });
            } else if (c == q) {
                sb.append(q);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
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
