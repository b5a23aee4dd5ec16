package campus.progress.store;

import campus.i18n.Msg;

/** The progress store cannot be opened (no rights, a full disk, a folder that is a file): the message says which. */
public final class StoreUnavailableException extends RuntimeException {

    private final transient Msg msg;

    public StoreUnavailableException(Msg msg, Throwable cause) {
        super(msg.in(campus.i18n.Lang.EN), cause);
        this.msg = msg;
    }

    public Msg msg() {
        return msg;
    }
}
