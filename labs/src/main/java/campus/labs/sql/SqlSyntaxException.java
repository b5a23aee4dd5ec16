package campus.labs.sql;

import campus.i18n.Msg;

/** The text cannot be split into tokens (an unterminated string or comment), located by offset. */
public final class SqlSyntaxException extends Exception {

    private final transient Msg msg;
    private final int offset;

    public SqlSyntaxException(Msg msg, int offset) {
        super(msg.key() + " at " + offset);
        this.msg = msg;
        this.offset = offset;
    }

    public Msg msg() {
        return msg;
    }

    public int offset() {
        return offset;
    }
}
