package campus.certification.attempt;

import campus.certification.CertificationException;
import campus.certification.bank.Blueprint;
import campus.certification.bank.LoadedExam;
import campus.certification.form.FormItem;
import campus.certification.grading.ExamResult;
import campus.certification.grading.Grader;
import campus.certification.model.Response;
import campus.i18n.Msg;
import campus.progress.LearningEventSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One candidate sitting one exam. Thread-safe. It coordinates the parts of an attempt under one lock: the exam time
 * ({@link ExamTime}), the answers ({@link AnswerSheet}), what the proctor reads ({@link ProctoringLog}), saving
 * ({@link AttemptWriter}) and grading ({@link AttemptGrading}).
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

    /** Guards the attempt and every part below but the writer, which has its own lock for the disk. */
    private final Object lock = new Object();
    private final Object submitLock = new Object();
    private final Attempt a;
    private final LoadedExam exam;
    private final LearningEventSink events;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<PresentedQuestion> presented;
    private final ProctoringLog proctoring;
    private final ExamTime time;
    private final AnswerSheet sheet;
    private final AttemptWriter writer;
    private final AttemptGrading grading;
    private boolean closing;
    private ExamOutcome outcome;

    ExamSession(Attempt a, LoadedExam exam, AttemptStore store, Grader grader, ExamClock clock, LearningEventSink events) {
        this.a = a;
        this.exam = exam;
        this.events = events;
        this.proctoring = new ProctoringLog(a);
        this.time = new ExamTime(a, clock, proctoring);
        this.sheet = new AnswerSheet(a);
        this.writer = new AttemptWriter(a, store);
        List<PresentedQuestion> p = new ArrayList<>();
        for (FormItem item : a.form.items()) {
            p.add(PresentedQuestion.of(p.size() + 1, exam.bank().get(item.questionId()), item.points(), item.order()));
        }
        this.presented = List.copyOf(p);
        this.grading = new AttemptGrading(exam, grader, presented);
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
            return sheet.responses();
        }
    }

    public Set<String> flagged() {
        synchronized (lock) {
            return sheet.flagged();
        }
    }

    public List<ClockAnomaly> anomalies() {
        synchronized (lock) {
            return proctoring.anomalies();
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
            found = time.observe();
            left = time.leftNanos();
        }
        notifyAnomalies(found);
        return Duration.ofNanos(Math.max(0, left));
    }

    /** Time left to press submit under the grace policy; zero otherwise. */
    public Duration graceRemaining() {
        synchronized (lock) {
            time.observe();
            return time.graceRemaining();
        }
    }

    public AttemptStatus status() {
        synchronized (lock) {
            time.observe();
            return time.inGrace() ? AttemptStatus.GRACE : a.status;
        }
    }

    /** Records a response and saves the attempt before returning. */
    public void answer(String questionId, Response response) {
        sheet.requireFits(exam.bank(), questionId, response);
        change(() -> sheet.answer(questionId, response), true);
    }

    public void clearAnswer(String questionId) {
        sheet.requireOnForm(questionId);
        change(() -> sheet.clear(questionId), true);
    }

    public void flag(String questionId, boolean flagged) {
        sheet.requireOnForm(questionId);
        change(() -> sheet.flag(questionId, flagged), false);
    }

    /**
     * The exam window lost the focus: the candidate switched to another program or window. Recorded in the attempt
     * (and so in the signed record, for the proctor and the server) and saved at once. No effect once finished.
     */
    public void windowLeft() {
        synchronized (lock) {
            if (closing || a.status.finished() || proctoring.away()) {
                return;
            }
        }
        change(() -> proctoring.left(time.lastMono(), time.lastWall()), false);
    }

    /**
     * The exam window has the focus again after {@link #windowLeft()}: completes that record with the time away
     * (monotonic, so a clock change cannot shorten it) and returns it, or empty when nothing was open.
     */
    public Optional<Duration> windowReturned() {
        Duration[] away = new Duration[1];
        synchronized (lock) {
            if (closing || a.status.finished() || !proctoring.away()) {
                proctoring.notAway();
                return Optional.empty();
            }
        }
        change(() -> away[0] = proctoring.returned(time.lastMono()), false);
        return Optional.ofNullable(away[0]);
    }

    /** The times the exam window lost the focus so far. */
    public List<Attempt.Leave> windowLeaves() {
        synchronized (lock) {
            return proctoring.leaves();
        }
    }

    /** The screen now shows this question; time on each question is kept for the record. Saved with the next write. */
    public void focus(String questionId) {
        if (questionId != null) {
            sheet.requireOnForm(questionId);
        }
        synchronized (lock) {
            time.observe();
            sheet.focus(questionId, time.accountedNanos());
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
            found = time.observe();
            due = time.timeUp();
            save = time.saveDue() || !found.isEmpty();
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
            time.observe();
            due = time.timeUp();
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
                    over = time.graceOver();
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
                time.observe();
                sheet.focus(null, time.accountedNanos());
                closing = true;
            }
            Map<String, Response> responses;
            synchronized (lock) {
                responses = sheet.responses();
            }
            boolean counted = reason != SubmitReason.EXPIRED;
            Optional<ExamResult> result = counted ? Optional.of(grading.grade(a.form, responses)) : Optional.empty();
            AttemptWriter.Checkpoint last;
            synchronized (lock) {
                a.submittedAt = time.wallNow();
                a.submitReason = reason;
                a.status = counted ? AttemptStatus.SUBMITTED : AttemptStatus.EXPIRED;
                a.claimed = AttemptGrading.claimed(result, a.form);
                last = writer.checkpoint(a.submittedAt);
            }
            Path record = writer.saveRecord(last);
            writer.save(last);
            ExamOutcome o = grading.outcome(a, result, responses, record);
            synchronized (lock) {
                outcome = o;
            }
            events.record(CertificationEvents.examResult(a));
            listeners.forEach(l -> l.submitted(o));
            return o;
        }
    }

    /** Restores the outcome of an attempt already submitted (for a resumed, finished attempt). */
    void restoreOutcome() {
        Optional<ExamResult> result = a.status == AttemptStatus.SUBMITTED
                ? Optional.of(grading.grade(a.form, a.responses))
                : Optional.empty();
        outcome = grading.outcome(a, result, a.responses, writer.recordFile());
        closing = true;
    }

    /**
     * Applies {@code mutation} to the attempt and saves it, unless the attempt is closed (throws) or, for an answer,
     * time is up (acts on the time-out, then throws).
     */
    private void change(Runnable mutation, boolean answering) {
        AttemptWriter.Checkpoint checkpoint;
        List<ClockAnomaly> found;
        boolean lateAnswer = false;
        synchronized (lock) {
            found = time.observe();
            if (closing || a.status.finished()) {
                throw new CertificationException(Msg.of("certification.attempt.closed"));
            }
            if (answering && time.timeUp()) {
                lateAnswer = true;
                checkpoint = null;
            } else {
                mutation.run();
                sheet.countFocus(time.accountedNanos());
                checkpoint = writer.checkpoint(time.lastWall());
                time.saved();
            }
        }
        notifyAnomalies(found);
        if (lateAnswer) {
            handleTimeout();
            throw new CertificationException(Msg.of("certification.attempt.time-up"));
        }
        writer.save(checkpoint);
    }

    private void notifyAnomalies(List<ClockAnomaly> found) {
        for (ClockAnomaly c : found) {
            listeners.forEach(l -> l.clockAnomaly(c));
        }
    }

    /** For {@link ExamService#resume}: count the time the app was closed, never less than zero. */
    void resumedAfterClose() {
        synchronized (lock) {
            time.resumedAfterClose();
            sheet.focusFrom(time.accountedNanos());
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
