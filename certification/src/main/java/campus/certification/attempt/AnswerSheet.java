package campus.certification.attempt;

import campus.certification.bank.QuestionBank;
import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.certification.model.Response;
import java.util.Map;
import java.util.Set;

/**
 * The candidate's answers and flags, and the time spent on each question of the form (for the record). Not
 * thread-safe: {@link ExamSession} calls it under its lock, except the checks, which read only the form.
 */
final class AnswerSheet {

    private final Attempt a;
    /** The question on screen, or null. */
    private String focused;
    /** Exam time the question on screen was shown, or its time last counted. */
    private long focusStartNanos;

    AnswerSheet(Attempt a) {
        this.a = a;
    }

    /** Throws unless the question is on this attempt's form. */
    void requireOnForm(String questionId) {
        a.form.item(questionId);
    }

    /** Throws unless the question is on the form and {@code r} is the kind of response its type takes. */
    void requireFits(QuestionBank bank, String questionId, Response r) {
        Question q = bank.get(a.form.item(questionId).questionId());
        AnswerKey k = q.key();
        boolean fits = k instanceof AnswerKey.ChoiceKey ? r instanceof Response.Choice
                : k instanceof AnswerKey.TrueFalseKey ? r instanceof Response.TrueFalse
                : k instanceof AnswerKey.FillInKey ? r instanceof Response.FillIn
                : k instanceof AnswerKey.MatchingKey ? r instanceof Response.Matching
                : k instanceof AnswerKey.OrderingKey ? r instanceof Response.Ordering
                : r instanceof Response.Sql;
        if (!fits) {
            throw new IllegalArgumentException("a " + r.getClass().getSimpleName() + " cannot answer " + q.type().code()
                    + " question " + q.id());
        }
    }

    /** Records a response, with when (exam time) and how many times the question was answered. */
    void answer(String questionId, Response response) {
        a.responses.put(questionId, response);
        Attempt.Timing t = a.timings.getOrDefault(questionId, new Attempt.Timing(0, 0, 0));
        a.timings.put(questionId, new Attempt.Timing(t.timeMs(), a.elapsedMs, t.changes() + 1));
    }

    void clear(String questionId) {
        a.responses.remove(questionId);
    }

    void flag(String questionId, boolean flagged) {
        if (flagged) {
            a.flagged.add(questionId);
        } else {
            a.flagged.remove(questionId);
        }
    }

    Map<String, Response> responses() {
        return Map.copyOf(a.responses);
    }

    Set<String> flagged() {
        return Set.copyOf(a.flagged);
    }

    /** The screen shows {@code questionId} (null: none) from exam time {@code examNanos}. */
    void focus(String questionId, long examNanos) {
        countFocus(examNanos);
        focused = questionId;
    }

    /** Adds the time on the question on screen up to exam time {@code examNanos} to its timing. */
    void countFocus(long examNanos) {
        if (focused != null) {
            long spent = (examNanos - focusStartNanos) / 1_000_000L;
            Attempt.Timing t = a.timings.getOrDefault(focused, new Attempt.Timing(0, 0, 0));
            a.timings.put(focused, new Attempt.Timing(t.timeMs() + Math.max(0, spent), t.answeredAtMs(), t.changes()));
        }
        focusStartNanos = examNanos;
    }

    /** Exam time jumped (time closed was counted): time on the question on screen counts from {@code examNanos}. */
    void focusFrom(long examNanos) {
        focusStartNanos = examNanos;
    }
}
