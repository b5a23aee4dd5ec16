package campus.certification.grading;

import campus.i18n.Msg;
import java.util.Optional;

/**
 * The grade of one response.
 *
 * @param fraction credit 0..1; {@code earned = fraction × max}
 * @param feedback checker feedback (SQL questions), empty otherwise
 */
public record QuestionGrade(String questionId, Outcome outcome, double fraction, double earned, double max,
                            Optional<Msg> feedback) {

    public enum Outcome { CORRECT, PARTIAL, WRONG, UNANSWERED }

    static QuestionGrade of(String id, double fraction, double max, Optional<Msg> feedback) {
        double f = Math.max(0, Math.min(1, fraction));
        Outcome o = f >= 1 - 1e-12 ? Outcome.CORRECT : f > 0 ? Outcome.PARTIAL : Outcome.WRONG;
        return new QuestionGrade(id, o, f, f * max, max, feedback);
    }

    static QuestionGrade unanswered(String id, double max) {
        return new QuestionGrade(id, Outcome.UNANSWERED, 0, 0, max, Optional.empty());
    }

    public boolean correct() {
        return outcome == Outcome.CORRECT;
    }
}
