package campus.labs.sql;

import java.util.List;

/**
 * One statement of a script: its text without the terminating semicolon, where it starts in the
 * whole script (so errors can be mapped back to the learner's line and column), and its tokens.
 */
public record SqlStatement(String text, int start, List<SqlToken> tokens) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** Upper-cased first word, or empty. */
    public String firstWord() {
        return tokens.isEmpty() ? "" : tokens.get(0).value();
    }
}
