package campus.certification.grading;

import campus.i18n.Msg;
import campus.i18n.Text;
import java.util.List;
import java.util.Optional;

/**
 * The grade of one response.
 *
 * @param fraction       credit 0..1; {@code earned = fraction × max}
 * @param feedback       checker feedback (SQL questions), empty otherwise
 * @param answerFeedback what the author wrote for this response, in the order a learner reads it: the
 *                       feedback of each chosen option or of the matched answer, then the feedback for
 *                       the outcome (right, partly right, wrong)
 */
public record QuestionGrade(String questionId, Outcome outcome, double fraction, double earned, double max,
                            Optional<Msg> feedback, List<Text> answerFeedback) {

    public enum Outcome { CORRECT, PARTIAL, WRONG, UNANSWERED }

    /**
     * Credit this close to 1 (or 0) is 1 (or 0): Moodle's fractional weights are stored to 7 places, so
     * three options of 33.33333 % add up to 0.9999999, and Moodle grades that as right.
     */
    static final double ROUNDING = 1e-6;

    public QuestionGrade {
        answerFeedback = List.copyOf(answerFeedback);
    }

    public QuestionGrade(String questionId, Outcome outcome, double fraction, double earned, double max,
                         Optional<Msg> feedback) {
        this(questionId, outcome, fraction, earned, max, feedback, List.of());
    }

    static QuestionGrade of(String id, double fraction, double max, Optional<Msg> feedback) {
        return of(id, fraction, max, feedback, List.of());
    }

    static QuestionGrade of(String id, double fraction, double max, Optional<Msg> feedback, List<Text> answerFeedback) {
        double f = snap(fraction);
        Outcome o = f == 1 ? Outcome.CORRECT : f > 0 ? Outcome.PARTIAL : Outcome.WRONG;
        return new QuestionGrade(id, o, f, f * max, max, feedback, answerFeedback);
    }

    static double snap(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        return f > 1 - ROUNDING ? 1 : f < ROUNDING ? 0 : f;
    }

    static QuestionGrade unanswered(String id, double max) {
        return new QuestionGrade(id, Outcome.UNANSWERED, 0, 0, max, Optional.empty(), List.of());
    }

    public boolean correct() {
        return outcome == Outcome.CORRECT;
    }
}
