package campus.app.quiz;

import campus.app.embed.Embedder;
import campus.app.embed.LessonEmbeds;
import campus.app.theme.ShellStyles;
import campus.certification.bank.Quiz;
import campus.certification.bank.QuizCatalog;
import campus.i18n.Lang;
import campus.i18n.Messages;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;

/**
 * Puts lesson quizzes where a lesson embeds them. The quiz catalog comes from the window's {@link LessonEmbeds}
 * (scanned on a worker once per loaded library); until it is ready the lesson shows a small spinner in the quiz's
 * place. It keeps one {@link QuizViewModel} per quiz id of the library, so a language switch, which re-renders the
 * lesson, keeps the answers; a reload starts afresh.
 */
public final class QuizEmbedder implements Embedder {

    private record Models(Object library, Map<String, QuizViewModel> byId) { }

    private final LessonEmbeds host;
    private final SqlInput.Factory sqlInput;
    private final long seed = new SecureRandom().nextLong();
    private volatile Clock clock = Clock.systemUTC();
    private Models models;

    /** @param sqlInput the answer box of SQL questions */
    public QuizEmbedder(LessonEmbeds host, SqlInput.Factory sqlInput) {
        this.host = Objects.requireNonNull(host);
        this.sqlInput = Objects.requireNonNull(sqlInput);
    }

    /** For tests: the clock stamped on learning events. */
    public QuizEmbedder withClock(Clock c) {
        this.clock = Objects.requireNonNull(c);
        return this;
    }

    /** Called on the UI thread while a lesson renders. */
    @Override
    public Node pane(String quizId, Lang lang, Object library) {
        CompletableFuture<QuizCatalog> catalog = host.quizzes(library);
        if (catalog.isDone() && !catalog.isCompletedExceptionally()) {
            return create(quizId, lang, catalog.join(), library);
        }
        String failedText = Messages.of(lang).get("app.embed.quizFailed");
        StackPane holder = new StackPane(new ProgressIndicator());
        holder.getStyleClass().add(ShellStyles.Hook.QUIZ_HOLDER);
        catalog.whenComplete((c, error) -> host.ui().execute(() -> holder.getChildren().setAll(
                error == null ? create(quizId, lang, c, library) : new Label(failedText))));
        return holder;
    }

    private Node create(String quizId, Lang lang, QuizCatalog catalog, Object library) {
        return QuizPanes.create(quizId, lang, catalog, quiz -> model(quiz, library), sqlInput);
    }

    /** The view model of a quiz, made on first use and kept while the library is. */
    private synchronized QuizViewModel model(Quiz quiz, Object library) {
        if (models == null || models.library() != library) {
            models = new Models(library, new ConcurrentHashMap<>());
        }
        return models.byId().computeIfAbsent(quiz.id(),
                id -> new QuizViewModel(quiz, host.grader(), host.events(), seed, clock, host.grading()));
    }
}
