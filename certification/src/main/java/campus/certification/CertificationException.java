package campus.certification;

import campus.i18n.Lang;
import campus.i18n.Msg;

/**
 * A failure the user caused or can act on (wrong unlock code, tampered attempt, missing SQL grader),
 * carried as a bilingual {@link Msg} so the screen shows it in the learner's language.
 */
public class CertificationException extends RuntimeException {

    private final transient Msg msg;

    public CertificationException(Msg msg) {
        this(msg, null);
    }

    public CertificationException(Msg msg, Throwable cause) {
        super(msg.in(Lang.EN), cause);
        this.msg = msg;
    }

    public Msg msg() {
        return msg;
    }
}
