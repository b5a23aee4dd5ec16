package campus.app.sql;

import campus.labs.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;

/**
 * Highlight spans of SQL, read by the labs module's {@link SqlLexer}: the lexer the guard and the statement
 * splitter use, which follows H2's own tokenizer, so what the learner sees coloured is what runs ({@code #} is
 * not a comment and {@code \} not a string escape to H2, so neither is one here). Plain ranges, no UI types,
 * so the lesson renderer and the lab editor share it and tests need no JavaFX.
 *
 * <p>Never fails: unterminated strings, quoted identifiers and block comments run to the end of the input. For
 * an editor that re-highlights only what changed, {@link #lex} takes the {@link SqlLexer.State} a range starts in
 * and returns the one it ends in: only block comments and quoted text cross lines, so caching the state at each
 * line start is enough to re-lex from the edited line until the states agree.
 */
public final class SqlHighlighter {

    private SqlHighlighter() {
    }

    /** The words highlighted as keywords, upper case (for completion). */
    public static java.util.Set<String> keywords() {
        return SqlKeywords.ALL;
    }

    /** Spans of the whole text, in order, not overlapping. */
    public static List<SqlSpan> spans(CharSequence text) {
        List<SqlSpan> out = new ArrayList<>(Math.max(8, text.length() / 4));
        lex(text, 0, text.length(), SqlLexer.State.NORMAL, out);
        return out;
    }

    /**
     * Lexes {@code text[from, to)} starting in {@code state}, appending spans (with offsets into
     * {@code text}) to {@code out}. Returns the state at {@code to}.
     */
    public static SqlLexer.State lex(CharSequence text, int from, int to, SqlLexer.State state, List<SqlSpan> out) {
        return SqlLexer.lex(text, from, to, state, SqlLexer.Flavor.H2, x -> {
            SqlSpan last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (x.kind() == SqlLexer.Kind.WORD && last != null && last.end() == x.start() && last.length() == 1
                    && text.charAt(last.start()) == '@' && last.kind() == SqlTokenKind.OPERATOR) {
                // @name is a user variable: one name to the eye, though H2 reads '@' and the name
                out.set(out.size() - 1, new SqlSpan(last.start(), x.end(), SqlTokenKind.IDENTIFIER));
                return;
            }
            out.add(new SqlSpan(x.start(), x.end(), kindOf(text, x)));
        });
    }

    private static SqlTokenKind kindOf(CharSequence text, SqlLexer.Lexeme x) {
        switch (x.kind()) {
            case WORD:
                return SqlKeywords.isKeyword(text, x.start(), x.end()) ? SqlTokenKind.KEYWORD : SqlTokenKind.IDENTIFIER;
            case QUOTED_IDENTIFIER:
                return SqlTokenKind.QUOTED_IDENTIFIER;
            case STRING:
                return SqlTokenKind.STRING;
            case NUMBER:
                return SqlTokenKind.NUMBER;
            case COMMENT:
                return SqlTokenKind.COMMENT;
            default:
                return SqlTokenKind.OPERATOR;
        }
    }
}
