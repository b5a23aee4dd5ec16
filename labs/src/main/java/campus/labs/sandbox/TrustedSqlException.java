package campus.labs.sandbox;

import campus.i18n.Msg;
import java.sql.SQLException;

/** Trusted SQL (a lab's reference solution) failed; {@link #msg()} says why, to be shown in the reader's language. */
public final class TrustedSqlException extends SQLException {

    private final transient Msg msg;

    public TrustedSqlException(Msg msg) {
        super(msg.in(campus.i18n.Lang.EN));
        this.msg = msg;
    }

    public Msg msg() {
        return msg;
    }
}
