package campus.labs.sql;

/**
 * One lexical token of SQL text. Comments and white space are not tokens.
 *
 * @param type  what the token is
 * @param text  the exact source text
 * @param value the meaning: an unquoted word upper-cased, a quoted identifier or string with quotes and
 *              escapes resolved (so {@code U&"FILE\005fREAD"} and {@code `file_read`} compare as words do)
 * @param start offset of the first character in the whole script
 * @param end   offset just after the last character
 */
public record SqlToken(Type type, String text, String value, int start, int end) {

    public enum Type { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, PARAMETER }

    public boolean isWord(String upper) {
        return type == Type.WORD && value.equals(upper);
    }

    public boolean isSymbol(String s) {
        return type == Type.SYMBOL && text.equals(s);
    }

    /** A word or a quoted identifier: anything the engine may resolve as a name. */
    public boolean isName() {
        return type == Type.WORD || type == Type.QUOTED_IDENTIFIER;
    }

    /** The name as the engine compares it against built-ins, upper-cased. */
    public String nameUpper() {
        return value.toUpperCase(java.util.Locale.ROOT);
    }
}
