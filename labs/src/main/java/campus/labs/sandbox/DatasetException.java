package campus.labs.sandbox;

import campus.i18n.Msg;

/** A dataset script could not be loaded: refused statement, SQL error, or syntax problem. */
public final class DatasetException extends Exception {

    private final transient Msg msg;

    public DatasetException(Msg msg) {
        super(msg.key() + " " + msg.args());
        this.msg = msg;
    }

    public Msg msg() {
        return msg;
    }
}
