package campus.app.sql;

/** {@code [start, end)} of the text is one token of the given kind. */
public record SqlSpan(int start, int end, SqlTokenKind kind) {

    public SqlSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }
}
