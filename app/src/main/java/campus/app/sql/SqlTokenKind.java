package campus.app.sql;

/** What a stretch of SQL is, for highlighting. Whitespace is not a token: it lies between spans. */
public enum SqlTokenKind {
    KEYWORD,
    IDENTIFIER,
    /** {@code "name"} (ANSI, H2) or {@code `name`} (MySQL). */
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    COMMENT,
    /** Operators and punctuation: {@code = <> <= || , ; ( ) .} */
    OPERATOR
}
