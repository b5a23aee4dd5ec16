package campus.certification.attempt;

import campus.certification.CertificationException;
import campus.certification.bank.Blueprint;
import campus.certification.bank.LoadedExam;
import campus.certification.form.FormItem;
import campus.certification.grading.AnswerText;
import campus.certification.grading.ExamResult;
import campus.certification.grading.Grader;
import campus.certification.grading.QuestionGrade;
import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.certification.model.Response;
import campus.i18n.Msg;
import campus.progress.LearningEventSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One candidate sitting one exam. Thread-safe.
 *
 * <p>Threading: {@link #remaining()}, {@link #status()}, {@link #responses()} and {@link #questions()}
 * never touch the disk and hold the lock only for arithmetic: call them from the UI thread (e.g. a
 * 1 s Timeline). {@link #answer}, {@link #clearAnswer}, {@link #flag}, {@link #tick()} and
 * {@link #submit()} write the attempt file (and submit may run SQL checks): call them on a worker thread.
 *
 * <p>Time: exam time advances by the larger of the monotonic and the wall-clock step between two
 * readings, so sleep and time closed count, and setting the clock back never gives time (it is
 * recorded as a {@link ClockAnomaly}). See the README's time policy.
 */
public final class ExamSession {

    /** Callbacks arrive on whichever thread caused them; hop to the UI thread yourself. */
    public interface Listener {
        default void clockAnomaly(ClockAnomaly anomaly) {
        }

        default void submitted(ExamOutcome outcome) {
        }
    }

    static final long ANOMALY_THRESHOLD_NANOS = 2_000_000_000L;
    static final long HEARTBEAT_NANOS = 5_000_000_000L;

    private final Object lock = new Object();
    private final Object ioLock = new Object();
    private final Object submitLock = new Object();
    private final Attempt a;
    private final LoadedExam exam;
    private final AttemptStore store;
    private final Grader grader;
    private final ExamClock clock;
    private final LearningEventSink events;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<PresentedQuestion> presented;
    private long accountedNanos;
    private long lastMono;
    /** Monotonic time the window lost the focus, or -1 while it has it. Guarded by {@code lock}. */
    private long leftAtMono = -1;
    private Instant lastWall;
    private long lastPersistMono;
    private long lastWrittenSequence = -1;
    private String focused;
    private long focusStartNanos;
    private boolean closing;
    private ExamOutcome outcome;

    ExamSession(Attempt a, LoadedExam exam, AttemptStore store, Grader grader, ExamClock clock, LearningEventSink events) {
        this.a = a;
        this.exam = exam;
        this.store = store;
        this.grader = grader;
        this.clock = clock;
        this.events = events;
        this.accountedNanos = a.elapsedMs * 1_000_000L;
        this.lastMono = clock.monotonicNanos();
        this.lastWall = clock.wallNow();
        this.lastPersistMono = lastMono;
        List<PresentedQuestion> p = new ArrayList<>();
        for (FormItem item : a.form.items()) {
            p.add(PresentedQuestion.of(p.size() + 1, exam.bank().get(item.questionId()), item.points(), item.order()));
        }
        this.presented = List.copyOf(p);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public String attemptId() {
        return a.attemptId;
    }

    public LoadedExam exam() {
        return exam;
    }

    public Blueprint blueprint() {
        return exam.blueprint();
    }

    /** The questions in form order, options in form order. */
    public List<PresentedQuestion> questions() {
        return presented;
    }

    public Map<String, Response> responses() {
        synchronized (lock) {
            return Map.copyOf(a.responses);
        }
    }

    public Set<String> flagged() {
        synchronized (lock) {
            return Set.copyOf(a.flagged);
        }
    }

    public List<ClockAnomaly> anomalies() {
        synchronized (lock) {
            return List.copyOf(a.anomalies);
        }
    }

    public Optional<ExamOutcome> outcome() {
        synchronized (lock) {
            return Optional.ofNullable(outcome);
        }
    }

    /** Exam time left; zero once time is up. */
    public Duration remaining() {
        List<ClockAnomaly> found;
        long left;
        synchronized (lock) {
            found = observe();
            left = a.status.finished() ? 0 : a.timeLimitMs * 1_000_000L - accountedNanos;
        }
        notifyAnomalies(found);
        return Duration.ofNanos(Math.max(0, left));
    }

    /** Time left to press submit under the grace policy; zero otherwise. */
    public Duration graceRemaining() {
        synchronized (lock) {
            observe();
            if (a.onTimeout != Blueprint.OnTimeout.GRACE || a.status.finished()) {
                return Duration.ZERO;
            }
            long limit = a.timeLimitMs * 1_000_000L;
            long grace = a.graceMs * 1_000_000L;
            return Duration.ofNanos(Math.max(0, Math.min(grace, limit + grace - accountedNanos)));
        }
    }

    public AttemptStatus status() {
        synchronized (lock) {
            observe();
            if (!a.status.finished() && a.onTimeout == Blueprint.OnTimeout.GRACE && timeUp()) {
                return AttemptStatus.GRACE;
            }
            return a.status;
        }
    }

    /** Records a response and saves the attempt before returning. */
    public void answer(String questionId, Response response) {
        Question q = exam.bank().get(a.form.item(questionId).questionId());
        requireFits(q, response);
        change(() -> {
            a.responses.put(questionId, response);
            Attempt.Timing t = a.timings.getOrDefault(questionId, new Attempt.Timing(0, 0, 0));
            a.timings.put(questionId, new Attempt.Timing(t.timeMs(), a.elapsedMs, t.changes() + 1));
        }, true);
    }

    public void clearAnswer(String questionId) {
        a.form.item(questionId);
        change(() -> a.responses.remove(questionId), true);
    }

    public void flag(String questionId, boolean flagged) {
        a.form.item(questionId);
        change(() -> {
            if (flagged) {
                a.flagged.add(questionId);
            } else {
                a.flagged.remove(questionId);
            }
        }, false);
    }

    /**
     * The exam window lost the focus: the candidate switched to another program or window. Recorded in the attempt
     * (and so in the signed record, for the proctor and the server) and saved at once. No effect once finished.
     */
    public void windowLeft() {
        synchronized (lock) {
            if (closing || a.status.finished() || leftAtMono >= 0) {
                return;
            }
        }
        change(() -> {
            leftAtMono = lastMono;
            a.leaves.add(new Attempt.Leave(lastWall, a.elapsedMs, -1));
        }, false);
    }

    /**
     * The exam window has the focus again after {@link #windowLeft()}: completes that record with the time away
     * (monotonic, so a clock change cannot shorten it) and returns it, or empty when nothing was open.
     */
    public Optional<Duration> windowReturned() {
        Duration[] away = new Duration[1];
        synchronized (lock) {
            if (closing || a.status.finished() || leftAtMono < 0) {
                leftAtMono = -1;
                return Optional.empty();
            }
        }
        change(() -> {
            long ms = Math.max(0, (lastMono - leftAtMono) / 1_000_000L);
            int last = a.leaves.size() - 1;
            Attempt.Leave open = a.leaves.get(last);
            a.leaves.set(last, new Attempt.Leave(open.at(), open.elapsedMs(), ms));
            leftAtMono = -1;
            away[0] = Duration.ofMillis(ms);
        }, false);
        return Optional.ofNullable(away[0]);
    }

    /** The times the exam window lost the focus so far. */
    public List<Attempt.Leave> windowLeaves() {
        synchronized (lock) {
            return List.copyOf(a.leaves);
        }
    }

    /** The screen now shows this question; time on each question is kept for the record. Saved with the next write. */
    public void focus(String questionId) {
        if (questionId != null) {
            a.form.item(questionId);
        }
        synchronized (lock) {
            observe();
            switchFocus(questionId);
        }
    }

    /**
     * Heartbeat (call about once a second on a worker): notices time-out and acts on it by the exam's
     * policy, and saves the clock every few seconds.
     *
     * @return the outcome if this call submitted or expired the attempt
     */
    public Optional<ExamOutcome> tick() {
        List<ClockAnomaly> found;
        boolean due;
        boolean save;
        synchronized (lock) {
            if (outcome != null) {
                return Optional.empty();
            }
            found = observe();
            due = timeUp();
            save = clock.monotonicNanos() - lastPersistMono >= HEARTBEAT_NANOS || !found.isEmpty();
        }
        notifyAnomalies(found);
        if (due) {
            return handleTimeout();
        }
        if (save) {
            change(() -> { }, false);
        }
        return Optional.empty();
    }

    /** The candidate submits. After time-out this follows the exam's policy (late under not-counted: expired). */
    public ExamOutcome submit() {
        boolean due;
        synchronized (lock) {
            observe();
            due = timeUp();
        }
        if (due) {
            Optional<ExamOutcome> o = handleTimeout();
            if (o.isPresent()) {
                return o.get();
            }
        }
        return finish(SubmitReason.CANDIDATE);
    }

    private Optional<ExamOutcome> handleTimeout() {
        return switch (a.onTimeout) {
            case AUTO_SUBMIT -> Optional.of(finish(SubmitReason.TIME_UP));
            case NOT_COUNTED -> Optional.of(finish(SubmitReason.EXPIRED));
            case GRACE -> {
                boolean over;
                synchronized (lock) {
                    over = accountedNanos >= (a.timeLimitMs + a.graceMs) * 1_000_000L;
                }
                yield over ? Optional.of(finish(SubmitReason.GRACE_ENDED)) : Optional.empty();
            }
        };
    }

    private ExamOutcome finish(SubmitReason reason) {
        synchronized (submitLock) {
            synchronized (lock) {
                if (outcome != null) {
                    return outcome;
                }
                observe();
                switchFocus(null);
                closing = true;
            }
            Map<String, Response> responses;
            synchronized (lock) {
                responses = Map.copyOf(a.responses);
            }
            boolean counted = reason != SubmitReason.EXPIRED;
            Optional<ExamResult> result = counted
                    ? Optional.of(grader.grade(exam.bank(), exam.blueprint(), a.form, responses))
                    : Optional.empty();
            byte[] payload;
            long seq;
            synchronized (lock) {
                a.submittedAt = clock.wallNow();
                a.submitReason = reason;
                a.status = counted ? AttemptStatus.SUBMITTED : AttemptStatus.EXPIRED;
                a.claimed = result.map(r -> new Attempt.Claimed(r.score(), r.max(), r.passed(), true))
                        .orElseGet(() -> new Attempt.Claimed(0, ExamResult.round(a.form.maxPoints()), false, false));
                a.checkpointAt = a.submittedAt;
                a.sequence++;
                seq = a.sequence;
                payload = AttemptCodec.encode(a);
            }
            Path record;
            try {
                record = store.saveRecord(payload, a.attemptId);
            } catch (IOException e) {
                throw saveFailed(e);
            }
            persist(payload, seq);
            boolean visible = exam.blueprint().explanations().visibleIn(a.mode);
            ExamOutcome o = new ExamOutcome(a.attemptId, a.status, reason, result, a.claimed, visible,
                    visible && result.isPresent() ? review(result.get(), responses) : List.of(), record, a.submittedAt);
            synchronized (lock) {
                outcome = o;
            }
            events.record(CertificationEvents.examResult(a));
            listeners.forEach(l -> l.submitted(o));
            return o;
        }
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

    /** Restores the outcome of an attempt already submitted (for a resumed, finished attempt). */
    void restoreOutcome() {
        Optional<ExamResult> result = a.status == AttemptStatus.SUBMITTED
                ? Optional.of(grader.grade(exam.bank(), exam.blueprint(), a.form, a.responses))
                : Optional.empty();
        boolean visible = exam.blueprint().explanations().visibleIn(a.mode);
        outcome = new ExamOutcome(a.attemptId, a.status, a.submitReason, result, a.claimed, visible,
                visible && result.isPresent() ? review(result.get(), a.responses) : List.of(),
                store.recordFile(a.attemptId), a.submittedAt);
        closing = true;
    }

    private void change(Runnable mutation, boolean answering) {
        byte[] payload;
        long seq;
        List<ClockAnomaly> found;
        boolean lateAnswer = false;
        synchronized (lock) {
            found = observe();
            if (closing || a.status.finished()) {
                throw new CertificationException(Msg.of("certification.attempt.closed"));
            }
            if (answering && timeUp()) {
                lateAnswer = true;
                payload = null;
                seq = 0;
            } else {
                mutation.run();
                flushFocus();
                a.checkpointAt = lastWall;
                a.sequence++;
                seq = a.sequence;
                payload = AttemptCodec.encode(a);
                lastPersistMono = lastMono;
            }
        }
        notifyAnomalies(found);
        if (lateAnswer) {
            handleTimeout();
            throw new CertificationException(Msg.of("certification.attempt.time-up"));
        }
        persist(payload, seq);
    }

    private void persist(byte[] payload, long seq) {
        synchronized (ioLock) {
            if (seq <= lastWrittenSequence) {
                return;
            }
            try {
                store.save(payload, a.attemptId);
                lastWrittenSequence = seq;
            } catch (IOException e) {
                throw saveFailed(e);
            }
        }
    }

    private CertificationException saveFailed(IOException e) {
        return new CertificationException(Msg.of("certification.attempt.save-failed", String.valueOf(e.getMessage())), e);
    }

    private static void requireFits(Question q, Response r) {
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

    private boolean timeUp() {
        return accountedNanos >= a.timeLimitMs * 1_000_000L;
    }

    /** Advances exam time to now. Caller holds the lock. */
    private List<ClockAnomaly> observe() {
        long nowMono = clock.monotonicNanos();
        Instant nowWall = clock.wallNow();
        long mono = Math.max(0, nowMono - lastMono);
        long wall = Duration.between(lastWall, nowWall).toNanos();
        List<ClockAnomaly> found = List.of();
        if (!a.status.finished()) {
            if (wall < mono - ANOMALY_THRESHOLD_NANOS) {
                found = List.of(new ClockAnomaly(ClockAnomaly.Kind.SET_BACK, nowWall, a.elapsedMs, Duration.ofNanos(mono - wall)));
            } else if (wall > mono + ANOMALY_THRESHOLD_NANOS) {
                found = List.of(new ClockAnomaly(ClockAnomaly.Kind.WALL_AHEAD, nowWall, a.elapsedMs, Duration.ofNanos(wall - mono)));
            }
            a.anomalies.addAll(found);
            accountedNanos += Math.max(mono, wall);
            a.elapsedMs = accountedNanos / 1_000_000L;
        }
        lastMono = nowMono;
        lastWall = nowWall;
        return found;
    }

    private void switchFocus(String questionId) {
        flushFocus();
        focused = questionId;
    }

    private void flushFocus() {
        if (focused != null) {
            long spent = (accountedNanos - focusStartNanos) / 1_000_000L;
            Attempt.Timing t = a.timings.getOrDefault(focused, new Attempt.Timing(0, 0, 0));
            a.timings.put(focused, new Attempt.Timing(t.timeMs() + Math.max(0, spent), t.answeredAtMs(), t.changes()));
        }
        focusStartNanos = accountedNanos;
    }

    private void notifyAnomalies(List<ClockAnomaly> found) {
        for (ClockAnomaly c : found) {
            listeners.forEach(l -> l.clockAnomaly(c));
        }
    }

    /** For {@link ExamService#resume}: count the time the app was closed, never less than zero. */
    void resumedAfterClose() {
        synchronized (lock) {
            Instant now = clock.wallNow();
            long closed = Duration.between(a.checkpointAt, now).toMillis();
            if (closed < 0) {
                a.anomalies.add(new ClockAnomaly(ClockAnomaly.Kind.SET_BACK_WHILE_CLOSED, now, a.elapsedMs, Duration.ofMillis(-closed)));
                closed = 0;
            }
            a.resumes.add(new Attempt.Resume(now, closed));
            accountedNanos = (a.elapsedMs + closed) * 1_000_000L;
            a.elapsedMs = accountedNanos / 1_000_000L;
            lastMono = clock.monotonicNanos();
            lastWall = now;
            focusStartNanos = accountedNanos;
        }
    }

    /** Saves now (start and resume). */
    void tickSave() {
        change(() -> { }, false);
    }

    Attempt attempt() {
        return a;
    }
}
