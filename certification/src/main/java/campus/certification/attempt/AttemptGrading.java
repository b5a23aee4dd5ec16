package campus.certification.attempt;

import campus.certification.bank.LoadedExam;
import campus.certification.form.ExamForm;
import campus.certification.grading.AnswerText;
import campus.certification.grading.ExamResult;
import campus.certification.grading.Grader;
import campus.certification.grading.QuestionGrade;
import campus.certification.model.Question;
import campus.certification.model.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Grades a finished attempt and builds what the result screen shows: the grade, and the review where allowed. */
final class AttemptGrading {

    private final LoadedExam exam;
    private final Grader grader;
    private final List<PresentedQuestion> presented;

    AttemptGrading(LoadedExam exam, Grader grader, List<PresentedQuestion> presented) {
        this.exam = exam;
        this.grader = grader;
        this.presented = presented;
    }

    /** The grade of these responses on this form (may run SQL checks: slow). */
    ExamResult grade(ExamForm form, Map<String, Response> responses) {
        return grader.grade(exam.bank(), exam.blueprint(), form, responses);
    }

    /** The grade the candidate is shown and the record claims; an uncounted attempt scores zero. */
    static Attempt.Claimed claimed(Optional<ExamResult> result, ExamForm form) {
        return result.map(r -> new Attempt.Claimed(r.score(), r.max(), r.passed(), true))
                .orElseGet(() -> new Attempt.Claimed(0, ExamResult.round(form.maxPoints()), false, false));
    }

    /** The outcome of finished attempt {@code a}; the review only if the exam lets its mode see explanations. */
    ExamOutcome outcome(Attempt a, Optional<ExamResult> result, Map<String, Response> responses, Path record) {
        boolean visible = exam.blueprint().explanations().visibleIn(a.mode);
        return new ExamOutcome(a.attemptId, a.status, a.submitReason, result, a.claimed, visible,
                visible && result.isPresent() ? review(result.get(), responses) : List.of(), record, a.submittedAt);
    }

    private List<ExamOutcome.QuestionReview> review(ExamResult result, Map<String, Response> responses) {
        List<ExamOutcome.QuestionReview> out = new ArrayList<>();
        for (int i = 0; i < presented.size(); i++) {
            PresentedQuestion p = presented.get(i);
            Question q = exam.bank().get(p.questionId());
            QuestionGrade g = result.grades().get(i);
            out.add(new ExamOutcome.QuestionReview(p, Optional.ofNullable(responses.get(q.id())), g,
                    AnswerText.describe(q), q.explanation(), q.topics()));
        }
        return out;
    }
}
