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
 * One exam sitting on screen: where the candidate is (question, review, result), the answers and flags as
 * shown, the proctor's code, and the outcome. The countdown is {@link ExamClock}'s; every write goes through
 * {@link ExamWrites}, so the UI thread never touches the disk; grading is the session's. Properties change on
 * the UI thread only.
 */
public final class ExamViewModel {

    public enum Page { QUESTION, REVIEW, RESULT }

    private final ExamSession session;
    private final ExamMode mode;
    private final String proctorCode;
    private final ExamWrites writes = new ExamWrites(this::refused);
    private final ExamClock clock;

    private final ObjectProperty<Lang> lang = new SimpleObjectProperty<>();
    private final IntegerProperty current = new SimpleIntegerProperty(0);
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.QUESTION);
    private final ObservableMap<String, Response> responses = FXCollections.observableHashMap();
    private final ObservableSet<String> flagged = FXCollections.observableSet();
    private final ObjectProperty<ExamOutcome> outcome = new SimpleObjectProperty<>();
    /** A transient message for the candidate: time warnings, a refused answer. */
    private final ObjectProperty<Msg> notice = new SimpleObjectProperty<>();
    private final ObservableList<ClockAnomaly> anomalies = FXCollections.observableArrayList();

    /**
     * @param proctorCode the unlock code in certification mode (it also ends or suspends the exam);
     *                    null in practice mode
     */
    ExamViewModel(ExamSession session, ExamMode mode, String proctorCode, Lang lang) {
        this.session = session;
        this.mode = mode;
        this.proctorCode = proctorCode;
        this.lang.set(lang);
        this.clock = new ExamClock(session, writes, notice, () -> outcome.get() != null);
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
        clock.refresh();
    }

    /** Starts the once-a-second clock. */
    void start() {
        if (outcome.get() == null) {
            clock.start();
            runOnWorker(() -> session.focus(currentQuestion().questionId()));
        }
    }

    /** Stops the clock and the worker once pending writes are done (the window closes; the attempt stays saved). */
    void stop() {
        clock.stop();
        writes.stop(() -> {
            if (session.outcome().isEmpty()) {
                session.focus(null);
            }
        });
    }

    /** One clock step (see {@link ExamClock#pulse()}). Package-visible for tests. */
    void pulse() {
        clock.pulse();
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
        return clock.remainingProperty();
    }

    public ObjectProperty<Duration> graceRemainingProperty() {
        return clock.graceRemainingProperty();
    }

    public ObjectProperty<AttemptStatus> statusProperty() {
        return clock.statusProperty();
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
        return clock.statusProperty().get() == AttemptStatus.IN_PROGRESS && outcome.get() == null;
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
            clock.finish(o.status());
            page.set(Page.RESULT);
        }
    }

    private void runOnWorker(Runnable task) {
        writes.run(task);
    }

    /** A write the session refused: say why and show the answers as saved. */
    private void refused(CertificationException e) {
        notice.set(e.msg());
        responses.clear();
        responses.putAll(session.responses());
    }

    /** For tests: blocks until the worker has done everything queued so far. */
    void awaitWorker() throws InterruptedException {
        writes.await();
    }
}
