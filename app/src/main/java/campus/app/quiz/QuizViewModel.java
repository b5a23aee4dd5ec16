package campus.app.quiz;

import campus.certification.CertificationException;
import campus.certification.attempt.PresentedQuestion;
import campus.certification.bank.Quiz;
import campus.certification.grading.Grader;
import campus.certification.model.Response;
import campus.certification.quiz.QuizSession;
import campus.i18n.Msg;
import campus.progress.LearningEventSink;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One lesson quiz's state: a draft response and the latest feedback per question. Outlives its
 * {@link QuizPane}s (the renderer rebuilds them), so a language switch keeps what the learner did.
 * Grading runs on the worker executor; properties change on the UI thread only.
 */
public final class QuizViewModel {

    /** One question's state on screen. */
    public static final class QuestionState {
        private final PresentedQuestion question;
        private Optional<Response> draft = Optional.empty();
        private final ObjectProperty<QuizSession.Feedback> feedback = new SimpleObjectProperty<>();
        private final BooleanProperty busy = new SimpleBooleanProperty();
        private final ObjectProperty<Msg> error = new SimpleObjectProperty<>();

        QuestionState(PresentedQuestion question) {
            this.question = question;
        }

        public PresentedQuestion question() {
            return question;
        }

        public Optional<Response> draft() {
            return draft;
        }

        public ReadOnlyObjectProperty<QuizSession.Feedback> feedbackProperty() {
            return feedback;
        }

        public ReadOnlyBooleanProperty busyProperty() {
            return busy;
        }

        public ReadOnlyObjectProperty<Msg> errorProperty() {
            return error;
        }
    }

    private final Quiz quiz;
    private final QuizSession session;
    private final Executor executor;
    private final Map<String, QuestionState> states = new LinkedHashMap<>();
    private final IntegerProperty correct = new SimpleIntegerProperty();

    QuizViewModel(Quiz quiz, Grader grader, LearningEventSink events, long seed, Clock clock, Executor executor) {
        this.quiz = quiz;
        this.executor = executor;
        this.session = new QuizSession(quiz, grader, events, seed, clock);
        for (PresentedQuestion p : session.questions()) {
            states.put(p.questionId(), new QuestionState(p));
        }
    }

    public Quiz quiz() {
        return quiz;
    }

    public List<QuestionState> questions() {
        return List.copyOf(states.values());
    }

    public QuestionState state(String questionId) {
        return states.get(questionId);
    }

    /** Questions whose latest answer was fully right. */
    public ReadOnlyIntegerProperty correctProperty() {
        return correct;
    }

    /** Keeps what the learner has chosen so far, so a rebuilt pane shows it again. */
    public void setDraft(String questionId, Optional<Response> response) {
        states.get(questionId).draft = response;
    }

    /** Grades the answer on the worker; feedback (and the learning event) follow. */
    public void check(String questionId, Response response) {
        QuestionState s = states.get(questionId);
        s.draft = Optional.of(response);
        s.busy.set(true);
        s.error.set(null);
        executor.execute(() -> {
            QuizSession.Feedback fb = null;
            Msg err = null;
            long right;
            synchronized (session) {
                try {
                    fb = session.answer(questionId, response);
                } catch (CertificationException e) {
                    err = e.msg();
                } catch (RuntimeException e) {
                    err = Msg.of("app.quiz.grading-failed", String.valueOf(e.getMessage()));
                }
                right = session.correctCount();
            }
            QuizSession.Feedback done = fb;
            Msg failed = err;
            Platform.runLater(() -> {
                s.busy.set(false);
                s.feedback.set(done);
                s.error.set(failed);
                correct.set((int) right);
            });
        });
    }

    /** Clears the feedback so the learner can answer again; the draft stays. */
    public void retry(String questionId) {
        states.get(questionId).feedback.set(null);
    }
}
