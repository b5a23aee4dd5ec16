package campus.app.quiz;

import campus.app.embed.Embedder;
import campus.certification.bank.QuizCatalog;
import campus.certification.grading.Grader;
import campus.i18n.Lang;
import campus.i18n.Messages;
import campus.progress.LearningEventSink;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;

/**
 * Puts lesson quizzes where a lesson embeds them. The quiz catalog is scanned on a worker thread
 * once per loaded library (a reload rescans it); until it is ready the lesson shows a small spinner
 * in the quiz's place. Answers are kept by the {@link QuizContext} of the library, so a language
 * switch, which re-renders the lesson, keeps them.
 */
public final class QuizEmbedder implements Embedder {

    private record Loaded(Object library, CompletableFuture<QuizContext> context) { }

    private final Supplier<List<Path>> roots;
    private final Grader grader;
    private final LearningEventSink events;
    private final Executor worker;
    private final SqlInput.Factory sqlInput;
    private Loaded loaded;

    /**
     * @param roots    content roots holding courses (and their quizzes), asked again on each rescan
     * @param worker   scans the catalog, grades and records events; never the UI thread
     * @param sqlInput the answer box of SQL questions
     */
    public QuizEmbedder(Supplier<List<Path>> roots, Grader grader, LearningEventSink events, Executor worker,
                        SqlInput.Factory sqlInput) {
        this.roots = roots;
        this.grader = grader;
        this.events = events;
        this.worker = worker;
        this.sqlInput = sqlInput;
    }

    /** Called on the UI thread while a lesson renders. */
    @Override
    public Node pane(String quizId, Lang lang, Object library) {
        CompletableFuture<QuizContext> ctx = contextFor(library);
        if (ctx.isDone() && !ctx.isCompletedExceptionally()) {
            return QuizPanes.create(quizId, lang, ctx.join());
        }
        String failedText = Messages.of(lang).get("app.embed.quizFailed");
        StackPane holder = new StackPane(new ProgressIndicator());
        holder.getStyleClass().add("campus-quiz-holder");
        ctx.whenComplete((c, error) -> Platform.runLater(() -> holder.getChildren().setAll(
                error == null ? QuizPanes.create(quizId, lang, c) : new Label(failedText))));
        return holder;
    }

    private synchronized CompletableFuture<QuizContext> contextFor(Object library) {
        if (loaded == null || loaded.library() != library) {
            loaded = new Loaded(library, CompletableFuture.supplyAsync(
                    () -> QuizContext.of(QuizCatalog.scan(roots.get()), grader, events, worker).withSqlInput(sqlInput), worker));
        }
        return loaded.context();
    }
}
