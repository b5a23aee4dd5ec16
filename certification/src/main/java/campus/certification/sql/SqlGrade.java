package campus.certification.sql;

import campus.i18n.Msg;
import java.util.Objects;

/**
 * A lab checker's verdict on a learner's SQL.
 *
 * @param fraction credit earned, 0..1 (checkers today give 0 or 1)
 * @param feedback what to tell the learner, e.g. the first difference; may be a labs.* key
 */
public record SqlGrade(double fraction, Msg feedback) {

    public SqlGrade {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be within 0..1: " + fraction);
        }
        Objects.requireNonNull(feedback, "feedback");
    }
}
