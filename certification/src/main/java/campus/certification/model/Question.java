package campus.certification.model;

import campus.i18n.Text;
import java.util.List;
import java.util.Objects;

/**
 * One question of a bank or a quiz. Immutable; {@code source} and {@code line} say where an author
 * wrote it so validation and import reports can point there; {@code outcomeFeedback} is shown by
 * outcome after any answer-specific feedback.
 *
 * @param points default points; an exam section may override them
 */
public record Question(String id, QuestionType type, List<String> topics, Difficulty difficulty, double points,
                       Text prompt, Text explanation, AnswerKey key, String source, int line,
                       OutcomeFeedback outcomeFeedback) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        topics = List.copyOf(topics);
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(key, "key");
        outcomeFeedback = outcomeFeedback == null ? OutcomeFeedback.NONE : outcomeFeedback;
        if (key.type() != type && !(key instanceof AnswerKey.ChoiceKey && (type == QuestionType.SINGLE || type == QuestionType.MULTIPLE))) {
            throw new IllegalArgumentException("answer key " + key.getClass().getSimpleName() + " does not fit type " + type);
        }
    }

    public Question(String id, QuestionType type, List<String> topics, Difficulty difficulty, double points,
                    Text prompt, Text explanation, AnswerKey key, String source, int line) {
        this(id, type, topics, difficulty, points, prompt, explanation, key, source, line, OutcomeFeedback.NONE);
    }

    /** The topic used for the per-topic breakdown: the first tag, so topic scores add up to the total. */
    public String primaryTopic() {
        return topics.isEmpty() ? "general" : topics.get(0);
    }
}
