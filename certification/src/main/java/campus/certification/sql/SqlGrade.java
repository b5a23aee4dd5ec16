package campus.certification.sql;

import campus.i18n.Msg;
import java.util.Objects;

/**
 * A lab checker's verdict on a learner's SQL.
 *
 * @param fraction     credit earned, 0..1 (checkers today give 0 or 1)
 * @param feedback     what to tell a learner practising, e.g. the first difference from the expected rows;
 *                     may be a labs.* key
 * @param examFeedback what to tell a candidate in an exam: the verdict and any error in their own SQL, never
 *                     anything of the expected result (rows, values, counts, column names)
 */
public record SqlGrade(double fraction, Msg feedback, Msg examFeedback) {

    public SqlGrade {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be within 0..1: " + fraction);
        }
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(examFeedback, "examFeedback");
    }

    /** A grade whose feedback reveals nothing of the expected result, so exams may show it as it is. */
    public SqlGrade(double fraction, Msg feedback) {
        this(fraction, feedback, feedback);
    }
}
