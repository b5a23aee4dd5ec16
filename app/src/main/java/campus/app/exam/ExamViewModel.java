package campus.app.exam;

import campus.certification.CertificationException;
import campus.certification.attempt.AttemptStatus;
import campus.certification.attempt.ClockAnomaly;
import campus.certification.attempt.ExamOutcome;
import campus.certification.attempt.ExamSession;
import campus.certification.attempt.PresentedQuestion;
import campus.certification.bank.ExamMode;
import campus.certification.integrity.UnlockCode;
import campus.certification.model.Response;
import campus.i18n.Lang;
import campus.i18n.Msg;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * One exam sitting on screen. Reads the session's clock once a second on the UI thread (memory only)
 * and sends every write (answers, flags, heartbeat, submit) to one worker thread of its own, so writes
 * stay in order and the UI thread never touches the disk. Properties change on the UI thread only.
 */
public final class ExamViewModel {

    public enum Page { QUESTION, REVIEW, RESULT }

    static final Duration FIRST_WARNING = Duration.ofMinutes(5);
    static final Duration LAST_WARNING = Duration.ofMinutes(1);

    private final ExamSession session;
    private final ExamMode mode;
    private final String proctorCode;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "campus-exam-session");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> pulse()));

    private final ObjectProperty<Lang> lang = new SimpleObjectProperty<>();
    private final IntegerProperty current = new SimpleIntegerProperty(0);
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.QUESTION);
    private final ObservableMap<String, Response> responses = FXCollections.observableHashMap();
    private final ObservableSet<String> flagged = FXCollections.observableSet();
    private final ObjectProperty<Duration> remaining = new SimpleObjectProperty<>(Duration.ZERO);
    private final ObjectProperty<Duration> graceRemaining = new SimpleObjectProperty<>(Duration.ZERO);
    private final ObjectProperty<AttemptStatus> status = new SimpleObjectProperty<>(AttemptStatus.IN_PROGRESS);
    private final ObjectProperty<ExamOutcome> outcome = new SimpleObjectProperty<>();
    /** A transient message for the candidate: time warnings, a refused answer. */
    private final ObjectProperty<Msg> notice = new SimpleObjectProperty<>();
    private final ObservableList<ClockAnomaly> anomalies = FXCollections.observableArrayList();
    private boolean warnedFirst;
    private boolean warnedLast;

    /**
     * @param proctorCode the unlock code in certification mode (it also ends or suspends the exam);
     *                    null in practice mode
     */
    ExamViewModel(ExamSession session, ExamMode mode, String proctorCode, Lang lang) {
        this.session = session;
        this.mode = mode;
        this.proctorCode = proctorCode;
        this.lang.set(lang);
        responses.putAll(session.responses());
        flagged.addAll(session.flagged());
        anomalies.setAll(session.anomalies());
        session.outcome().ifPresent(outcome::set);
        if (outcome.get() != null) {
            page.set(Page.RESULT);
        }
        session.addListener(new ExamSession.Listener() {
            @Override
            public void clockAnomaly(ClockAnomaly anomaly) {
                Platform.runLater(() -> anomalies.add(anomaly));
            }

            @Override
            public void submitted(ExamOutcome o) {
                Platform.runLater(() -> showOutcome(o));
            }
        });
        timeline.setCycleCount(Timeline.INDEFINITE);
        refresh();
    }

    /** Starts the once-a-second clock. */
    void start() {
        if (outcome.get() == null) {
            timeline.play();
            runOnWorker(() -> session.focus(currentQuestion().questionId()));
        }
    }

    /** Stops the clock and the worker once pending writes are done (the window closes; the attempt stays saved). */
    void stop() {
        timeline.stop();
        worker.execute(() -> {
            if (session.outcome().isEmpty()) {
                session.focus(null);
            }
        });
        worker.shutdown();
    }

    /** One clock step: read the time (UI thread, memory only), heartbeat on the worker. Package-visible for tests. */
    void pulse() {
        refresh();
        if (outcome.get() == null && ticking.compareAndSet(false, true)) {
            runOnWorker(() -> {
                try {
                    session.tick();
                } finally {
                    ticking.set(false);
                }
            });
        }
    }

    private void refresh() {
        Duration left = session.remaining();
        remaining.set(left);
        graceRemaining.set(session.graceRemaining());
        status.set(session.status());
        if (status.get() == AttemptStatus.IN_PROGRESS) {
            if (!warnedLast && left.compareTo(LAST_WARNING) <= 0) {
                warnedLast = true;
                warnedFirst = true;
                notice.set(Msg.of("app.exam.warning-1"));
            } else if (!warnedFirst && left.compareTo(FIRST_WARNING) <= 0) {
                warnedFirst = true;
                notice.set(Msg.of("app.exam.warning-5"));
            }
        } else if (status.get() == AttemptStatus.GRACE && notice.get() == null) {
            notice.set(Msg.of("app.exam.grace-started"));
        }
    }

    public ExamSession session() {
        return session;
    }

    public ExamMode mode() {
        return mode;
    }

    public List<PresentedQuestion> questions() {
        return session.questions();
    }

    public PresentedQuestion currentQuestion() {
        return questions().get(current.get());
    }

    public ObjectProperty<Lang> langProperty() {
        return lang;
    }

    public IntegerProperty currentProperty() {
        return current;
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ObservableMap<String, Response> responses() {
        return responses;
    }

    public ObservableSet<String> flagged() {
        return flagged;
    }

    public ObjectProperty<Duration> remainingProperty() {
        return remaining;
    }

    public ObjectProperty<Duration> graceRemainingProperty() {
        return graceRemaining;
    }

    public ObjectProperty<AttemptStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<ExamOutcome> outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<Msg> noticeProperty() {
        return notice;
    }

    public ObservableList<ClockAnomaly> anomalies() {
        return anomalies;
    }

    /** Answers can change only while time runs. */
    public boolean answersOpen() {
        return status.get() == AttemptStatus.IN_PROGRESS && outcome.get() == null;
    }

    public void go(int index) {
        if (index < 0 || index >= questions().size()) {
            return;
        }
        current.set(index);
        page.set(Page.QUESTION);
        String qid = questions().get(index).questionId();
        runOnWorker(() -> session.focus(qid));
    }

    public void next() {
        go(current.get() + 1);
    }

    public void previous() {
        go(current.get() - 1);
    }

    public void review() {
        page.set(Page.REVIEW);
    }

    /** Shows it at once and saves it on the worker; an empty response clears the answer. */
    public void answer(String questionId, Optional<Response> response) {
        if (!answersOpen() || response.equals(Optional.ofNullable(responses.get(questionId)))) {
            return;
        }
        if (response.isPresent()) {
            responses.put(questionId, response.get());
        } else {
            responses.remove(questionId);
        }
        runOnWorker(() -> {
            if (response.isPresent()) {
                session.answer(questionId, response.get());
            } else {
                session.clearAnswer(questionId);
            }
        });
    }

    /** Takes the answer back: the question counts as unanswered again. */
    public void clearAnswer(String questionId) {
        answer(questionId, Optional.empty());
    }

    public void toggleFlag(String questionId) {
        boolean now = !flagged.contains(questionId);
        if (now) {
            flagged.add(questionId);
        } else {
            flagged.remove(questionId);
        }
        runOnWorker(() -> session.flag(questionId, now));
    }

    public List<PresentedQuestion> unanswered() {
        return questions().stream().filter(q -> !responses.containsKey(q.questionId())).toList();
    }

    public List<PresentedQuestion> flaggedQuestions() {
        return questions().stream().filter(q -> flagged.contains(q.questionId())).toList();
    }

    /**
     * The exam window lost ({@code false}) or got back ({@code true}) the focus. Certification attempts record each
     * absence with its length (in the signed record, for the proctor); on return the candidate is told so.
     */
    public void windowFocus(boolean focused) {
        if (outcome.get() != null) {
            return;
        }
        runOnWorker(() -> {
            if (!focused) {
                session.windowLeft();
            } else {
                session.windowReturned().ifPresent(away -> Platform.runLater(() ->
                        notice.set(Msg.of("app.exam.window-left", (away.toMillis() + 500) / 1000))));
            }
        });
    }

    /** Submits on the worker; the outcome arrives through the session's listener. */
    public void submit() {
        runOnWorker(session::submit);
    }

    /** Certification mode: the unlock code the proctor typed to start; practice mode needs none. */
    public boolean proctorCodeMatches(String typed) {
        if (proctorCode == null) {
            return true;
        }
        byte[] a = UnlockCode.normalise(proctorCode).getBytes(StandardCharsets.UTF_8);
        byte[] b = UnlockCode.normalise(typed == null ? "" : typed).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(a, b);
    }

    public boolean proctored() {
        return proctorCode != null;
    }

    private void showOutcome(ExamOutcome o) {
        if (outcome.get() == null) {
            outcome.set(o);
            timeline.stop();
            status.set(o.status());
            remaining.set(Duration.ZERO);
            page.set(Page.RESULT);
        }
    }

    private void runOnWorker(Runnable task) {
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            try {
                task.run();
            } catch (CertificationException e) {
                Platform.runLater(() -> {
                    notice.set(e.msg());
                    responses.clear();
                    responses.putAll(session.responses());
                });
            }
        });
    }

    /** For tests: blocks until the worker has done everything queued so far. */
    void awaitWorker() throws InterruptedException {
        if (worker.isShutdown()) {
            worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            return;
        }
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        worker.execute(done::countDown);
        done.await(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
