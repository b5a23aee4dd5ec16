package campus.app.quiz;

import campus.certification.attempt.PresentedQuestion;
import campus.certification.grading.QuestionGrade;
import campus.certification.quiz.QuizSession;
import campus.i18n.Lang;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A practice quiz as it stands inside a lesson: each question with its controls, a check button,
 * immediate feedback (right or not, the right answer, the explanation) and a retry. All state is in
 * the {@link QuizViewModel}; this pane only lays it out, in one language, and can be thrown away.
 */
public final class QuizPane extends VBox {

    private final QuizViewModel model;
    private final Lang lang;
    private final SqlInput.Factory sqlInput;
    /** Listeners on the long-lived view model are weak; these strong references die with the pane. */
    private final List<ChangeListener<?>> keep = new ArrayList<>();

    QuizPane(QuizViewModel model, Lang lang, SqlInput.Factory sqlInput) {
        super(12);
        this.model = model;
        this.lang = lang;
        this.sqlInput = sqlInput;
        getStyleClass().add("quiz-pane");
        getStylesheets().add(QuizPanes.STYLESHEET);
        Label title = Ui.label(Ui.t(lang, "app.quiz.title", model.quiz().title().in(lang)), "quiz-title");
        getChildren().add(title);
        for (QuizViewModel.QuestionState s : model.questions()) {
            getChildren().add(question(s));
        }
        Label score = Ui.label("", "quiz-score");
        Runnable showScore = () -> score.setText(Ui.t(lang, "app.quiz.score", model.correctProperty().get(),
                model.questions().size()));
        showScore.run();
        ChangeListener<Number> scoreListener = (o, was, now) -> showScore.run();
        keep.add(scoreListener);
        model.correctProperty().addListener(new WeakChangeListener<>(scoreListener));
        getChildren().add(score);
    }

    private VBox question(QuizViewModel.QuestionState s) {
        PresentedQuestion q = s.question();
        VBox card = new VBox(8);
        card.getStyleClass().add("quiz-question");
        card.setId("quiz-question-" + q.questionId());
        card.getChildren().add(Ui.label(Ui.t(lang, "app.quiz.question-number", q.number()), "quiz-question-number"));
        card.getChildren().add(PromptView.of(q.prompt().in(lang), "quiz-prompt"));
        QuestionInput input = new QuestionInput(q, lang, s.draft(), sqlInput);
        card.getChildren().add(input.node());

        Button check = Ui.button(Ui.t(lang, "app.quiz.check"), () -> input.response().ifPresent(r -> model.check(q.questionId(), r)),
                "quiz-check", "accent");
        check.setDisable(input.response().isEmpty());
        input.setOnChange(() -> {
            model.setDraft(q.questionId(), input.response());
            check.setDisable(input.response().isEmpty() || s.busyProperty().get());
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(s.busyProperty());
        busy.managedProperty().bind(s.busyProperty());
        Button retry = Ui.button(Ui.t(lang, "app.quiz.retry"), () -> model.retry(q.questionId()), "quiz-retry");
        HBox actions = new HBox(8, check, retry, busy);
        actions.getStyleClass().add("quiz-actions");
        VBox feedback = new VBox(6);
        feedback.getStyleClass().add("quiz-feedback");
        Label error = Ui.label("", "quiz-error");
        card.getChildren().addAll(actions, error, feedback);

        Runnable show = () -> {
            QuizSession.Feedback fb = s.feedbackProperty().get();
            boolean answered = fb != null;
            input.setEditable(!answered && !s.busyProperty().get());
            check.setVisible(!answered);
            check.setManaged(!answered);
            check.setDisable(input.response().isEmpty() || s.busyProperty().get());
            retry.setVisible(answered);
            retry.setManaged(answered);
            feedback.getChildren().setAll(answered ? feedbackNodes(fb) : List.of());
            error.setText(s.errorProperty().get() == null ? "" : s.errorProperty().get().in(lang));
            error.setManaged(s.errorProperty().get() != null);
        };
        show.run();
        ChangeListener<Object> listener = (o, was, now) -> show.run();
        keep.add(listener);
        s.feedbackProperty().addListener(new WeakChangeListener<>(listener));
        s.busyProperty().addListener(new WeakChangeListener<>(listener));
        s.errorProperty().addListener(new WeakChangeListener<>(listener));
        return card;
    }

    private List<javafx.scene.Node> feedbackNodes(QuizSession.Feedback fb) {
        QuestionGrade g = fb.grade();
        String verdictKey;
        String style;
        switch (g.outcome()) {
            case CORRECT:
                verdictKey = "app.quiz.correct";
                style = "quiz-verdict-correct";
                break;
            case PARTIAL:
                verdictKey = "app.quiz.partial";
                style = "quiz-verdict-partial";
                break;
            default:
                verdictKey = "app.quiz.wrong";
                style = "quiz-verdict-wrong";
                break;
        }
        List<javafx.scene.Node> out = new ArrayList<>();
        out.add(Ui.label(Ui.t(lang, verdictKey, Ui.points(g.earned()), Ui.points(g.max()), fb.tryNumber()), "quiz-verdict", style));
        g.feedback().ifPresent(m -> out.add(Ui.label(m.in(lang), "quiz-checker-feedback")));
        if (!g.correct()) {
            out.add(Ui.label(Ui.t(lang, "app.quiz.correct-answer"), "quiz-feedback-heading"));
            out.add(PromptView.of(fb.correctAnswer().in(lang), "quiz-correct-answer"));
        }
        if (!fb.explanation().in(lang).isBlank()) {
            out.add(Ui.label(Ui.t(lang, "app.quiz.explanation"), "quiz-feedback-heading"));
            out.add(PromptView.of(fb.explanation().in(lang), "quiz-explanation"));
        }
        return out;
    }
}
