package campus.progress.derived;

import campus.progress.LearningEvent;
import campus.progress.store.StoredEvent;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds learning events, one at a time and in any order, into what derived progress needs. Adding an event
 * costs the same whether it is the first or the hundred-thousandth, so the app keeps one fold and feeds it
 * only new events. Every rule here is a union (a lab passed stays passed, the best score only rises) or a
 * last-writer-wins by hybrid-logical stamp (preferences, a question's latest answer), so the result does not
 * depend on the order events arrive in from other devices. Not thread-safe: one thread feeds it.
 */
public final class ProgressFold {

    private final ZoneId zone;
    private final Set<String> opened = new HashSet<>();
    private final Set<String> read = new HashSet<>();
    private final Map<String, ProgressSnapshot.LabRecord> labs = new HashMap<>();
    private final Map<String, Answer> answers = new HashMap<>();
    private final Map<String, ProgressSnapshot.ExamRecord> exams = new HashMap<>();
    private final TreeMap<LocalDate, Integer> activity = new TreeMap<>();
    private final Map<String, ProgressSnapshot.Preference> preferences = new HashMap<>();
    private long events;
    private long unknown;
    private long lastPos;

    /** A question's latest answer, by stamp, and how many answers it had. */
    private record Answer(String quizId, boolean correct, long hlcMs, int hlcCount, String device, String id, int count) { }

    public ProgressFold(ZoneId zone) {
        this.zone = zone;
    }

    /** The local position of the last event folded in (the tracker reads on from there). */
    public long lastPos() {
        return lastPos;
    }

    public void add(StoredEvent e) {
        lastPos = Math.max(lastPos, e.pos());
        events++;
        JsonObject d = needsData(e.kind()) ? data(e) : EMPTY;
        Instant at = instant(e);
        if (at != null) {
            activity.merge(at.atZone(zone).toLocalDate(), 1, Integer::sum);
        }
        switch (e.kind()) {
            case LearningEvent.LESSON_OPENED -> opened.add(e.subject());
            case LearningEvent.LESSON_COMPLETED -> {
                opened.add(e.subject());
                read.add(e.subject());
            }
            case LearningEvent.LAB_ATTEMPT -> {
                boolean passed = bool(d, "passed");
                int score = (int) num(d, "score");
                labs.merge(e.subject(), new ProgressSnapshot.LabRecord(e.subject(), 1, passed ? 1 : 0, score, false),
                        (a, b) -> new ProgressSnapshot.LabRecord(a.labId(), a.attempts() + 1, a.passes() + b.passes(),
                                Math.max(a.bestScore(), b.bestScore()), a.solutionRevealed()));
            }
            case LearningEvent.LAB_SOLUTION_REVEALED -> labs.merge(e.subject(),
                    new ProgressSnapshot.LabRecord(e.subject(), 0, 0, 0, true),
                    (a, b) -> new ProgressSnapshot.LabRecord(a.labId(), a.attempts(), a.passes(), a.bestScore(), true));
            case LearningEvent.QUIZ_ANSWER -> {
                Answer now = new Answer(str(d, "quizId"), bool(d, "correct"), e.hlcMs(), e.hlcCount(), e.device(), e.id(), 1);
                answers.merge(e.subject(), now, (a, b) -> {
                    Answer later = Stamps.later(a.hlcMs, a.hlcCount, a.device, a.id, b.hlcMs, b.hlcCount, b.device, b.id) ? a : b;
                    return new Answer(later.quizId, later.correct, later.hlcMs, later.hlcCount, later.device, later.id,
                            a.count + b.count);
                });
            }
            case LearningEvent.EXAM_RESULT -> exams.put(e.id(), new ProgressSnapshot.ExamRecord(e.id(), e.subject(), at,
                    num(d, "score"), num(d, "max"), bool(d, "passed"), str(d, "mode"), !d.has("counted") || bool(d, "counted")));
            case LearningEvent.PREFERENCE_CHANGED -> {
                ProgressSnapshot.Preference p = new ProgressSnapshot.Preference(e.subject(), str(d, "value"), e.hlcMs(),
                        e.hlcCount(), e.device(), e.id());
                preferences.merge(e.subject(), p, (a, b) -> Stamps.later(a.hlcMs(), a.hlcCount(), a.device(), a.id(),
                        b.hlcMs(), b.hlcCount(), b.device(), b.id()) ? a : b);
            }
            default -> unknown++;   // kept in the store and passed on by sync; nothing to derive here
        }
    }

    /** An immutable copy of what the fold knows now (small: it grows with lessons and labs, not with events). */
    public ProgressSnapshot snapshot() {
        Map<String, ProgressSnapshot.QuestionRecord> q = new HashMap<>();
        answers.forEach((id, a) -> q.put(id, new ProgressSnapshot.QuestionRecord(id, a.quizId, a.correct, a.count)));
        List<ProgressSnapshot.ExamRecord> ex = new ArrayList<>(exams.values());
        ex.sort(java.util.Comparator.comparing(ProgressSnapshot.ExamRecord::at,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).thenComparing(ProgressSnapshot.ExamRecord::id));
        return new ProgressSnapshot(opened, read, labs, q, ex, activity, preferences, events, unknown, lastPos);
    }

    private static final JsonObject EMPTY = new JsonObject();

    /** Lesson events (most of a history) carry nothing to read: their payload is not parsed at all. */
    private static boolean needsData(String kind) {
        return !kind.equals(LearningEvent.LESSON_OPENED) && !kind.equals(LearningEvent.LESSON_COMPLETED);
    }

    private static JsonObject data(StoredEvent e) {
        try {
            return e.dataJson();
        } catch (JsonParseException | IllegalStateException bad) {
            return EMPTY;
        }
    }

    private static Instant instant(StoredEvent e) {
        try {
            return Instant.parse(e.occurredAt());
        } catch (DateTimeParseException bad) {
            return e.hlcMs() > 0 ? Instant.ofEpochMilli(e.hlcMs()) : null;
        }
    }

    private static boolean bool(JsonObject d, String k) {
        JsonElement v = d.get(k);
        return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean() && v.getAsBoolean();
    }

    private static double num(JsonObject d, String k) {
        JsonElement v = d.get(k);
        return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() ? v.getAsDouble() : 0;
    }

    private static String str(JsonObject d, String k) {
        JsonElement v = d.get(k);
        return v != null && v.isJsonPrimitive() ? v.getAsString() : "";
    }
}
