package campus.progress.derived;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derived progress at one moment, computed from events and never stored: read it, never write it back.
 *
 * <p>The rules (progress/README.md):
 * <ul>
 *   <li>A lesson is <b>done</b> when the learner read it to the end (a {@code lesson.completed} event) and passed
 *       every lab in it (a {@code lab.attempt} with {@code passed}); a lesson without labs needs only the reading.</li>
 *   <li>A course's <b>percentage</b> is its done lessons over all its lessons, rounded down (100 only when all are done).</li>
 *   <li>A lab's <b>best score</b> is the highest score of any attempt; revealing the solution does not change it.</li>
 *   <li>A quiz question counts with its <b>latest answer</b> (by hybrid-logical stamp); a topic's result is its
 *       questions answered and answered right.</li>
 *   <li>A <b>streak</b> is a run of calendar days (the learner's zone) with at least one event; the current one ends
 *       today, or yesterday when nothing happened yet today.</li>
 * </ul>
 */
public final class ProgressSnapshot {

    public record LabRecord(String labId, int attempts, int passes, int bestScore, boolean solutionRevealed) {
        public boolean passed() {
            return passes > 0;
        }
    }

    public record QuestionRecord(String questionId, String quizId, boolean correct, int answers) { }

    public record ExamRecord(String id, String examId, Instant at, double score, double max, boolean passed, String mode,
                             boolean counted) { }

    public record Preference(String key, String value, long hlcMs, int hlcCount, String device, String id) { }

    /** Questions answered and answered right (latest answer) in one topic. */
    public record TopicResult(String topic, int answered, int correct) { }

    public record Streak(int current, int longest) { }

    public static final ProgressSnapshot EMPTY = new ProgressSnapshot(Set.of(), Set.of(), Map.of(), Map.of(), List.of(),
            new TreeMap<>(), Map.of(), 0, 0, 0);

    private final Set<String> opened;
    private final Set<String> read;
    private final Map<String, LabRecord> labs;
    private final Map<String, QuestionRecord> questions;
    private final List<ExamRecord> exams;
    private final NavigableMap<LocalDate, Integer> activity;
    private final Map<String, Preference> preferences;
    private final long events;
    private final long unknown;
    private final long lastPos;

    ProgressSnapshot(Set<String> opened, Set<String> read, Map<String, LabRecord> labs, Map<String, QuestionRecord> questions,
                     List<ExamRecord> exams, NavigableMap<LocalDate, Integer> activity, Map<String, Preference> preferences,
                     long events, long unknown, long lastPos) {
        this.opened = Set.copyOf(opened);
        this.read = Set.copyOf(read);
        this.labs = Map.copyOf(labs);
        this.questions = Map.copyOf(questions);
        this.exams = List.copyOf(exams);
        this.activity = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(activity));
        this.preferences = Map.copyOf(preferences);
        this.events = events;
        this.unknown = unknown;
        this.lastPos = lastPos;
    }

    public boolean lessonOpened(String courseId, String slug) {
        return opened.contains(Syllabus.lessonSubject(courseId, slug));
    }

    public boolean lessonRead(String courseId, String slug) {
        return read.contains(Syllabus.lessonSubject(courseId, slug));
    }

    public boolean lessonDone(String courseId, Syllabus.LessonOutline lesson) {
        return lessonRead(courseId, lesson.slug()) && lesson.labs().stream().allMatch(this::labPassed);
    }

    public int lessonsDone(Syllabus.CourseOutline c) {
        return (int) c.lessons().stream().filter(l -> lessonDone(c.id(), l)).count();
    }

    /** 0 to 100, rounded down; 0 for a course without lessons. */
    public int percent(Syllabus.CourseOutline c) {
        return c.lessons().isEmpty() ? 0 : lessonsDone(c) * 100 / c.lessons().size();
    }

    public boolean labPassed(String labId) {
        LabRecord r = labs.get(labId);
        return r != null && r.passed();
    }

    public Optional<LabRecord> lab(String labId) {
        return Optional.ofNullable(labs.get(labId));
    }

    /** Every lab tried or revealed, by id. */
    public Map<String, LabRecord> labs() {
        return new TreeMap<>(labs);
    }

    /** Attempts over all labs and how many of them passed. */
    public int[] labAttemptsAndPasses() {
        int a = 0;
        int p = 0;
        for (LabRecord r : labs.values()) {
            a += r.attempts();
            p += r.passes();
        }
        return new int[] {a, p};
    }

    public Map<String, QuestionRecord> questions() {
        return new TreeMap<>(questions);
    }

    /** Quiz results by topic (sorted by topic); a question whose topic the syllabus does not know counts under its quiz. */
    public List<TopicResult> quizByTopic(Syllabus s) {
        Map<String, int[]> by = new TreeMap<>();
        for (QuestionRecord q : questions.values()) {
            String topic = s.questionTopics().getOrDefault(q.questionId(), q.quizId().isEmpty() ? "general" : q.quizId());
            int[] t = by.computeIfAbsent(topic, k -> new int[2]);
            t[0]++;
            if (q.correct()) {
                t[1]++;
            }
        }
        List<TopicResult> out = new ArrayList<>();
        by.forEach((k, v) -> out.add(new TopicResult(k, v[0], v[1])));
        return out;
    }

    /** Exam results, oldest first. */
    public List<ExamRecord> exams() {
        return exams;
    }

    /** Events per calendar day. */
    public NavigableMap<LocalDate, Integer> activity() {
        return activity;
    }

    public Streak streak(LocalDate today) {
        int longest = 0;
        int run = 0;
        LocalDate prev = null;
        for (LocalDate d : activity.keySet()) {
            run = prev != null && prev.plusDays(1).equals(d) ? run + 1 : 1;
            longest = Math.max(longest, run);
            prev = d;
        }
        LocalDate end = activity.containsKey(today) ? today : today.minusDays(1);
        int current = 0;
        for (LocalDate d = end; activity.containsKey(d); d = d.minusDays(1)) {
            current++;
        }
        return new Streak(current, longest);
    }

    /** The winning value of each preference (language, theme, zoom), last writer wins. */
    public Map<String, Preference> preferences() {
        return new LinkedHashMap<>(new TreeMap<>(preferences));
    }

    public Optional<String> preference(String key) {
        return Optional.ofNullable(preferences.get(key)).map(Preference::value);
    }

    /** Events folded in, of every kind; of which kinds this build does not know. */
    public long events() {
        return events;
    }

    public long unknownEvents() {
        return unknown;
    }

    /** The local store position of the last event included. */
    public long lastPos() {
        return lastPos;
    }
}
