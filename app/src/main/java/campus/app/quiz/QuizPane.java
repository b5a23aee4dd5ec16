package campus.app.quiz;

import campus.app.theme.QuizStyles;
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
        getStyleClass().add(QuizStyles.PANE);
        getStylesheets().add(QuizPanes.STYLESHEET);
        Label title = Ui.label(Ui.t(lang, "app.quiz.title", model.quiz().title().in(lang)), QuizStyles.TITLE);
        getChildren().add(title);
        for (QuizViewModel.QuestionState s : model.questions()) {
            getChildren().add(question(s));
        }
        Label score = Ui.label("", QuizStyles.SCORE);
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
        card.getStyleClass().add(QuizStyles.QUESTION);
        card.setId(QuizStyles.Id.QUESTION_PREFIX + q.questionId());
        card.getChildren().add(Ui.label(Ui.t(lang, "app.quiz.question-number", q.number()), QuizStyles.QUESTION_NUMBER));
        card.getChildren().add(PromptView.of(q.prompt().in(lang), QuizStyles.Hook.PROMPT));
        QuestionInput input = new QuestionInput(q, lang, s.draft(), sqlInput);
        card.getChildren().add(input.node());

        Button check = Ui.button(Ui.t(lang, "app.quiz.check"), () -> input.response().ifPresent(r -> model.check(q.questionId(), r)),
                QuizStyles.Hook.CHECK, "accent");
        check.setDisable(input.response().isEmpty());
        input.setOnChange(() -> {
            model.setDraft(q.questionId(), input.response());
            check.setDisable(input.response().isEmpty() || s.busyProperty().get());
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(s.busyProperty());
        busy.managedProperty().bind(s.busyProperty());
        Button retry = Ui.button(Ui.t(lang, "app.quiz.retry"), () -> model.retry(q.questionId()), QuizStyles.Hook.RETRY);
        HBox actions = new HBox(8, check, retry, busy);
        actions.getStyleClass().add(QuizStyles.Hook.ACTIONS);
        VBox feedback = new VBox(6);
        feedback.getStyleClass().add(QuizStyles.FEEDBACK);
        Label error = Ui.label("", QuizStyles.ERROR);
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
                style = QuizStyles.VERDICT_CORRECT;
                break;
            case PARTIAL:
                verdictKey = "app.quiz.partial";
                style = QuizStyles.VERDICT_PARTIAL;
                break;
            default:
                verdictKey = "app.quiz.wrong";
                style = QuizStyles.VERDICT_WRONG;
                break;
        }
        List<javafx.scene.Node> out = new ArrayList<>();
        out.add(Ui.label(Ui.t(lang, verdictKey, Ui.points(g.earned()), Ui.points(g.max()), fb.tryNumber()), QuizStyles.VERDICT, style));
        g.feedback().ifPresent(m -> out.add(Ui.label(m.in(lang), QuizStyles.Hook.CHECKER_FEEDBACK)));
        g.answerFeedback().forEach(t -> out.add(PromptView.of(t.in(lang), QuizStyles.ANSWER_FEEDBACK)));
        if (!g.correct()) {
            out.add(Ui.label(Ui.t(lang, "app.quiz.correct-answer"), QuizStyles.FEEDBACK_HEADING));
            out.add(PromptView.of(fb.correctAnswer().in(lang), QuizStyles.Hook.CORRECT_ANSWER));
        }
        if (!fb.explanation().in(lang).isBlank()) {
            out.add(Ui.label(Ui.t(lang, "app.quiz.explanation"), QuizStyles.FEEDBACK_HEADING));
            out.add(PromptView.of(fb.explanation().in(lang), QuizStyles.Hook.EXPLANATION));
        }
        return out;
    }
}
