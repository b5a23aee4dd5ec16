package campus.progress;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One thing a learner did: a lab attempt, a quiz answer, an exam result, a lesson read.
 * Events are immutable and identified by a UUID, so storing or syncing one twice changes nothing;
 * derived state (lesson done, best score) is computed from them.
 *
 * @param id         unique id, the idempotency key for sync
 * @param kind       what happened, e.g. {@link #LAB_ATTEMPT}
 * @param subject    what it happened to: a lab id, a question id, an exam id, a lesson path
 * @param occurredAt wall-clock time the learner did it
 * @param data       kind-specific facts (score, verdict, SQL…): strings, numbers, booleans only
 */
public record LearningEvent(UUID id, String kind, String subject, Instant occurredAt, Map<String, Object> data) {

    public static final String LAB_ATTEMPT = "lab.attempt";
    public static final String LAB_SOLUTION_REVEALED = "lab.solution-revealed";
    public static final String QUIZ_ANSWER = "quiz.answer";
    public static final String EXAM_RESULT = "exam.result";
    public static final String LESSON_OPENED = "lesson.opened";
    /** The learner read the lesson to its end; subject {@code <course-id>/<lesson-slug>}. */
    public static final String LESSON_COMPLETED = "lesson.completed";
    /** A preference set: subject its key ({@code language}, {@code theme}, {@code zoom}), data {@code value}. */
    public static final String PREFERENCE_CHANGED = "preference.changed";

    public LearningEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = Map.copyOf(new LinkedHashMap<>(data));
    }

    public static LearningEvent now(String kind, String subject, Map<String, Object> data) {
        return new LearningEvent(UUID.randomUUID(), kind, subject, Instant.now(), data);
    }
}
