package campus.app.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL (MySQL and H2 dialects) into highlight spans. Plain ranges, no UI types, so the lesson
 * renderer and the lab editor share it and tests need no JavaFX.
 *
 * <p>Never fails: unterminated strings, quoted identifiers and block comments run to the end of the
 * input. For an editor that re-highlights only what changed, {@link #lex} takes the {@link State} a
 * range starts in and returns the one it ends in: only block comments and quoted text cross lines, so
 * caching the state at each line start is enough to re-lex from the edited line until the states agree.
 *
 * <p>Dialect choices: {@code '…'} is a string with {@code ''} and backslash escapes (MySQL);
 * {@code "…"} and {@code `…`} are quoted identifiers (H2 and ANSI; MySQL mode in H2 agrees);
 * {@code $$…$$} is an H2 string; comments are {@code --}, {@code #}, {@code //} and {@code /* *}{@code /}.
 */
public final class SqlHighlighter {

    /** Where a range of text starts or ends: outside any token, or inside one that crosses lines. */
    public enum State { NORMAL, BLOCK_COMMENT, STRING, DOUBLE_QUOTED, BACKTICK, DOLLAR_STRING }

    private SqlHighlighter() {
    }

    /** The words highlighted as keywords, upper case (for completion). */
    public static java.util.Set<String> keywords() {
        return SqlKeywords.ALL;
    }

    /** Spans of the whole text, in order, not overlapping. */
    public static List<SqlSpan> spans(CharSequence text) {
        List<SqlSpan> out = new ArrayList<>(Math.max(8, text.length() / 4));
        lex(text, 0, text.length(), State.NORMAL, out);
        return out;
    }

    /**
     * Lexes {@code text[from, to)} starting in {@code state}, appending spans (with offsets into
     * {@code text}) to {@code out}. Returns the state at {@code to}.
     */
    public static State lex(CharSequence text, int from, int to, State state, List<SqlSpan> out) {
        int i = from;
        if (state != State.NORMAL) {
            int end = finish(text, i, to, state);
            boolean closed = end >= 0;
            int stop = closed ? end : to;
            if (stop > i) {
                out.add(new SqlSpan(i, stop, kindOf(state)));
            }
            if (!closed) {
                return state;
            }
            i = stop;
        }
        while (i < to) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            State open = null;
            SqlTokenKind kind = SqlTokenKind.OPERATOR;
            if (c == '-' && at(text, i + 1, to, '-') || c == '#' || c == '/' && at(text, i + 1, to, '/')) {
                i = lineEnd(text, i, to);
                kind = SqlTokenKind.COMMENT;
            } else if (c == '/' && at(text, i + 1, to, '*')) {
                open = State.BLOCK_COMMENT;
                i += 2;
            } else if (c == '\'') {
                open = State.STRING;
                i++;
            } else if ("NnXxBbEe".indexOf(c) >= 0 && at(text, i + 1, to, '\'')) {
                // N'…', X'…', B'…', E'…': prefixed string literals.
                open = State.STRING;
                i += 2;
            } else if (c == '"') {
                open = State.DOUBLE_QUOTED;
                i++;
            } else if (c == '`') {
                open = State.BACKTICK;
                i++;
            } else if (c == '$' && at(text, i + 1, to, '$')) {
                open = State.DOLLAR_STRING;
                i += 2;
            } else if (isDigit(c) || c == '.' && i + 1 < to && isDigit(text.charAt(i + 1))) {
                i = number(text, i, to);
                kind = SqlTokenKind.NUMBER;
            } else if (Character.isLetter(c) || c == '_' || c == '@' || c == '$') {
                i++;
                while (i < to && isIdentChar(text.charAt(i))) {
                    i++;
                }
                kind = c != '@' && SqlKeywords.isKeyword(text, start, i) ? SqlTokenKind.KEYWORD : SqlTokenKind.IDENTIFIER;
                out.add(new SqlSpan(start, i, kind));
                continue;
            } else {
                i = operator(text, i, to);
            }
            if (open == null) {
                out.add(new SqlSpan(start, i, kind));
                continue;
            }
            int end = finish(text, i, to, open);
            if (end < 0) {
                out.add(new SqlSpan(start, to, kindOf(open)));
                return open;
            }
            out.add(new SqlSpan(start, end, kindOf(open)));
            i = end;
        }
        return State.NORMAL;
    }

    /** Index just after the closing delimiter of a token begun in {@code state}, or -1 if it is not closed. */
    private static int finish(CharSequence text, int i, int to, State state) {
        switch (state) {
            case BLOCK_COMMENT:
                for (; i + 1 < to; i++) {
                    if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
                        return i + 2;
                    }
                }
                return -1;
            case DOLLAR_STRING:
                for (; i + 1 < to; i++) {
                    if (text.charAt(i) == '$' && text.charAt(i + 1) == '$') {
                        return i + 2;
                    }
                }
                return -1;
            case STRING:
                return quoted(text, i, to, '\'', true);
            case DOUBLE_QUOTED:
                return quoted(text, i, to, '"', false);
            case BACKTICK:
                return quoted(text, i, to, '`', false);
            default:
                return i;
        }
    }

    /** A doubled quote is an escaped quote; in strings a backslash escapes the next character. */
    private static int quoted(CharSequence text, int i, int to, char q, boolean backslash) {
        while (i < to) {
            char c = text.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == q) {
                if (i + 1 < to && text.charAt(i + 1) == q) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int number(CharSequence text, int i, int to) {
        if (text.charAt(i) == '0' && i + 1 < to && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')) {
            i += 2;
            while (i < to && Character.digit(text.charAt(i), 16) >= 0) {
                i++;
            }
            return i;
        }
        while (i < to && isDigit(text.charAt(i))) {
            i++;
        }
        if (i < to && text.charAt(i) == '.') {
            i++;
            while (i < to && isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < to && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < to && isDigit(text.charAt(j))) {
                i = j;
                while (i < to && isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        // 1abc is an identifier in MySQL; keep it one token rather than number + word.
        while (i < to && isIdentChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static final String TWO_CHAR_OPERATORS = "<=>=<>!=||&&:=::->>><<";

    private static int operator(CharSequence text, int i, int to) {
        if (i + 2 < to) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            char c = text.charAt(i + 2);
            if (a == '<' && b == '=' && c == '>' || a == '-' && b == '>' && c == '>') {
                return i + 3;
            }
        }
        if (i + 1 < to) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            for (int k = 0; k + 1 < TWO_CHAR_OPERATORS.length(); k += 2) {
                if (TWO_CHAR_OPERATORS.charAt(k) == a && TWO_CHAR_OPERATORS.charAt(k + 1) == b) {
                    return i + 2;
                }
            }
        }
        return i + 1;
    }

    private static int lineEnd(CharSequence text, int i, int to) {
        while (i < to && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static boolean at(CharSequence text, int i, int to, char c) {
        return i < to && text.charAt(i) == c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentChar(char c) {
        return c == '_' || c == '$' || Character.isLetterOrDigit(c);
    }

    private static SqlTokenKind kindOf(State s) {
        switch (s) {
            case BLOCK_COMMENT:
                return SqlTokenKind.COMMENT;
            case DOUBLE_QUOTED:
            case BACKTICK:
                return SqlTokenKind.QUOTED_IDENTIFIER;
            default:
                return SqlTokenKind.STRING;
        }
    }
}
