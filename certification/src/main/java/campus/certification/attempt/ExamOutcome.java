package campus.certification.attempt;

import campus.certification.grading.ExamResult;
import campus.certification.grading.QuestionGrade;
import campus.certification.model.Response;
import campus.i18n.Text;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the result screen shows after submit. {@code review} is empty unless the exam lets this mode
 * see explanations, so a screen cannot show them by mistake.
 *
 * @param result empty when the attempt expired uncounted
 * @param record the signed record file to hand in or sync
 */
public record ExamOutcome(String attemptId, AttemptStatus status, SubmitReason reason, Optional<ExamResult> result,
                          Attempt.Claimed claimed, boolean explanationsVisible, List<QuestionReview> review,
                          Path record, Instant submittedAt) {

    public ExamOutcome {
        review = List.copyOf(review);
    }

    /** One question after submit: what was answered, the grade, the right answer and why. */
    /** @param topics the question's topic ids (names are in the blueprint) */
    public record QuestionReview(PresentedQuestion question, Optional<Response> response, QuestionGrade grade,
                                 Text correctAnswer, Text explanation, List<String> topics) {
        public QuestionReview {
            topics = List.copyOf(topics);
        }
    }
}
