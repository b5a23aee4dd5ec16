package campus.labs.sandbox;

import campus.i18n.Msg;

/**
 * A dataset script could not be loaded: refused statement, SQL error, or syntax problem. {@code line} is the line
 * of the script (0 when unknown) and {@code detail} what went wrong there, without the place: a {@link Msg} or the
 * engine's own text, so a caller that knows where the script came from can say it in its own terms.
 */
public final class DatasetException extends Exception {

    private final transient Msg msg;
    private final int line;
    private final transient Object detail;

    public DatasetException(Msg msg) {
        this(msg, 0, msg);
    }

    public DatasetException(Msg msg, int line, Object detail) {
        super(msg.key() + " " + msg.args());
        this.msg = msg;
        this.line = line;
        this.detail = detail;
    }

    public Msg msg() {
        return msg;
    }

    public int line() {
        return line;
    }

    public Object detail() {
        return detail;
    }
}
