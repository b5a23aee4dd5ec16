package campus.app.quiz;

import campus.app.theme.QuizStyles;
import campus.app.theme.Theme;
import campus.certification.CertificationException;
import campus.certification.bank.Quiz;
import campus.certification.bank.QuizCatalog;
import campus.i18n.Lang;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** The pane of a lesson quiz ({@code ```quiz <id>```}), made by the {@link QuizEmbedder}. */
public final class QuizPanes {

    static final String STYLESHEET = Theme.stylesheet(Theme.EXAM_CSS);

    private QuizPanes() {
    }

    /**
     * A fresh pane for the quiz in the given language, showing the answers and feedback the learner
     * already has (kept in the view model {@code models} gives); a label saying so when the id is unknown or the
     * quiz cannot be graded here. Call on the UI thread.
     */
    static Node create(String quizId, Lang lang, QuizCatalog catalog, Function<Quiz, QuizViewModel> models,
                       SqlInput.Factory sqlInput) {
        Optional<Quiz> quiz = catalog.find(quizId);
        if (quiz.isEmpty()) {
            return problem(Ui.t(lang, "app.quiz.missing", quizId));
        }
        try {
            return new QuizPane(models.apply(quiz.get()), lang, sqlInput);
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
