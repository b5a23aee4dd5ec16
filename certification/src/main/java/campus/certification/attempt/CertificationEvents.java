package campus.certification.attempt;

import campus.certification.grading.QuestionGrade;
import campus.certification.model.Response;
import campus.progress.LearningEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Learning events for quiz answers and exam results. An exam result's event id is derived from the
 * attempt id, so reporting the same submitted attempt twice (say, after a crash) stores one event.
 */
public final class CertificationEvents {

    private CertificationEvents() {
    }

    public static LearningEvent quizAnswer(String quizId, String questionId, Response response, QuestionGrade grade,
                                           int tryNumber, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("quizId", quizId);
        data.put("correct", grade.correct());
        data.put("score", grade.fraction());
        data.put("response", response.summary());
        data.put("try", tryNumber);
        return new LearningEvent(UUID.randomUUID(), LearningEvent.QUIZ_ANSWER, questionId, at, data);
    }

    public static LearningEvent examResult(Attempt a) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("score", a.claimed().score());
        data.put("max", a.claimed().max());
        data.put("passed", a.claimed().passed());
        data.put("counted", a.claimed().counted());
        data.put("mode", a.mode().code());
        data.put("attemptId", a.attemptId());
        data.put("reason", a.submitReason().code());
        UUID id = UUID.nameUUIDFromBytes(("exam.result:" + a.attemptId()).getBytes(StandardCharsets.UTF_8));
        return new LearningEvent(id, LearningEvent.EXAM_RESULT, a.examId(), a.submittedAt(), data);
    }
}
