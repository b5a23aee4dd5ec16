package campus.app.quiz;

import campus.app.theme.QuizStyles;
import campus.app.theme.Theme;
import campus.certification.CertificationException;
import campus.certification.bank.Quiz;
import campus.i18n.Lang;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** What the lesson renderer calls for {@code ```quiz <id>```}: {@code RenderHooks.quizPane(id)}. */
public final class QuizPanes {

    static final String STYLESHEET = Theme.stylesheet(Theme.EXAM_CSS);

    private QuizPanes() {
    }

    /**
     * A fresh pane for the quiz in the given language, showing the answers and feedback the learner
     * already has (kept in {@code ctx}); a label saying so when the id is unknown or the quiz cannot be
     * graded here. Call on the UI thread.
     */
    public static Node create(String quizId, Lang lang, QuizContext ctx) {
        Optional<Quiz> quiz = ctx.catalog().find(quizId);
        if (quiz.isEmpty()) {
            return problem(Ui.t(lang, "app.quiz.missing", quizId));
        }
        try {
            return new QuizPane(ctx.model(quiz.get()), lang, ctx.sqlInput());
        } catch (CertificationException e) {
            return problem(e.msg().in(lang));
        }
    }

    private static Node problem(String text) {
        Label l = Ui.label(text, QuizStyles.MISSING);
        l.getStylesheets().add(STYLESHEET);
        return l;
    }
}
