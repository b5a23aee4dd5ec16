package campus.app.quiz;

import campus.certification.bank.Quiz;
import campus.certification.bank.QuizCatalog;
import campus.certification.grading.Grader;
import campus.progress.LearningEventSink;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * What lesson quizzes need from the app, made once by the shell: the quiz catalog, a grader (with the
 * labs checker for SQL questions), where learning events go, and a worker executor. It also keeps one
 * {@link QuizViewModel} per quiz id, so answers survive the renderer rebuilding a lesson (a language
 * switch, a scroll back) for as long as the app runs.
 */
public final class QuizContext {

    private final QuizCatalog catalog;
    private final Grader grader;
    private final LearningEventSink events;
    private final Executor executor;
    private final Map<String, QuizViewModel> models = new ConcurrentHashMap<>();
    private final long seed = new SecureRandom().nextLong();
    private volatile SqlInput.Factory sqlInput = SqlInput::textArea;
    private volatile Clock clock = Clock.systemUTC();

    private QuizContext(QuizCatalog catalog, Grader grader, LearningEventSink events, Executor executor) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.grader = Objects.requireNonNull(grader, "grader");
        this.events = Objects.requireNonNull(events, "events");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * @param executor runs grading (SQL questions run SQL) and event recording, never the UI thread
     */
    public static QuizContext of(QuizCatalog catalog, Grader grader, LearningEventSink events, Executor executor) {
        return new QuizContext(catalog, grader, events, executor);
    }

    /** Swaps the SQL answer box, e.g. for the lab's SQL editor. */
    public QuizContext withSqlInput(SqlInput.Factory factory) {
        this.sqlInput = Objects.requireNonNull(factory);
        return this;
    }

    /** For tests: the clock stamped on learning events. */
    public QuizContext withClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    public QuizCatalog catalog() {
        return catalog;
    }

    SqlInput.Factory sqlInput() {
        return sqlInput;
    }

    /** The view model of a quiz, made on first use and kept. */
    QuizViewModel model(Quiz quiz) {
        return models.computeIfAbsent(quiz.id(), id -> new QuizViewModel(quiz, grader, events, seed, clock, executor));
    }

    /** Forgets all answers (e.g. when another learner signs in). */
    public void reset() {
        models.clear();
    }
}
