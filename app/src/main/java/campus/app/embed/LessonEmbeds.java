package campus.app.embed;

import campus.app.concurrent.DaemonThreads;
import campus.certification.bank.QuizCatalog;
import campus.certification.grading.Grader;
import campus.i18n.Lang;
import campus.labs.LabCatalog;
import campus.labs.sandbox.DatasetCache;
import campus.labs.sandbox.SandboxLimits;
import campus.progress.LearningEventSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * The one host of everything a lesson embeds, made once per window by the app's composition root. It
 * carries what every kind needs: the catalogs of labs and quizzes (read on a worker from the one walk of the
 * content roots the app makes for each loaded library, {@link ContentScans}), where learning events go, the grader, the learner's drafts, the generated datasets'
 * cache, the workers and the UI thread's executor. And it holds one {@link Embedder} per kind ({@code lab},
 * {@code quiz}, and whatever comes later), each made from this host: the shell asks it for the node of an
 * embed and closes it with the window; it never knows the kinds themselves.
 */
public final class LessonEmbeds implements AutoCloseable {

    public static final String LAB = "lab";
    public static final String QUIZ = "quiz";

    /** How long {@link #close()} waits for work still running (on the UI thread, as the window closes). */
    static final long CLOSE_WAIT_MS = 1000;

    private final ContentScans scans;
    private final LearningEventSink events;
    private final Grader grader;
    private final Drafts drafts;
    private final Path cacheFolder;
    private final ExecutorService workers = DaemonThreads.cached("campus-embed");
    private final ExecutorService grading = DaemonThreads.singleThread("campus-quiz");
    private final Map<String, Embedder> kinds = new LinkedHashMap<>();
    private final List<CompletableFuture<?>> closing = new ArrayList<>();
    private final ByLibrary<LabCatalog> labs = new ByLibrary<>();
    private final ByLibrary<QuizCatalog> quizzes = new ByLibrary<>();
    private volatile Executor ui = Platform::runLater;
    private volatile SandboxLimits limits = SandboxLimits.DEFAULT;
    private DatasetCache cache;

    private LessonEmbeds(ContentScans scans, Path dataDir, LearningEventSink events, Grader grader) {
        this.scans = Objects.requireNonNull(scans, "scans");
        this.events = Objects.requireNonNull(events, "events");
        this.grader = Objects.requireNonNull(grader, "grader");
        this.drafts = new Drafts(dataDir);
        this.cacheFolder = dataDir.resolve("cache").resolve("datasets");
    }

    /**
     * @param scans   the app's walks of the content roots (one per loaded library), shared with whatever else reads them
     * @param dataDir the learner's data folder: drafts go to {@code drafts/}, generated datasets to {@code cache/datasets/}
     * @param events  the app's one learning-event sink
     * @param grader  grades quiz answers (with the labs checker for SQL questions)
     */
    public static LessonEmbeds create(ContentScans scans, Path dataDir, LearningEventSink events, Grader grader) {
        return new LessonEmbeds(scans, dataDir, events, grader);
    }

    /** For tests: {@code ui} runs what the workers hand back (instead of the FX thread). */
    public LessonEmbeds withUi(Executor ui) {
        this.ui = Objects.requireNonNull(ui);
        return this;
    }

    /** For tests: other limits for lab sessions (a short timeout). */
    public LessonEmbeds withLimits(SandboxLimits l) {
        this.limits = Objects.requireNonNull(l);
        return this;
    }

    /** Embeds of {@code kind} are made by {@code embedder}; call while wiring, before any lesson renders. */
    public LessonEmbeds with(String kind, Embedder embedder) {
        if (kinds.putIfAbsent(Objects.requireNonNull(kind), Objects.requireNonNull(embedder)) != null) {
            throw new IllegalStateException("a second embedder for " + kind);
        }
        return this;
    }

    /** The node of embed {@code id} of {@code kind}; empty when no embedder of that kind is wired in. */
    public Optional<Node> pane(String kind, String id, Lang lang, Object generation) {
        Embedder e = kinds.get(kind);
        return e == null ? Optional.empty() : Optional.of(e.pane(id, lang, generation));
    }

    // --- what the kinds share ------------------------------------------------------------------

    /** The labs of the content roots, read on a worker once per {@code library} (a reload reads them again). */
    public CompletableFuture<LabCatalog> labs(Object library) {
        return labs.get(library, () -> scans.of(library).thenApplyAsync(LabCatalog::scan, workers));
    }

    /** The quizzes of the content roots, read on a worker once per {@code library}. */
    public CompletableFuture<QuizCatalog> quizzes(Object library) {
        return quizzes.get(library, () -> scans.of(library).thenApplyAsync(QuizCatalog::scan, workers));
    }

    /** The walks of the content roots the catalogs are read from. */
    public ContentScans scans() {
        return scans;
    }

    public LearningEventSink events() {
        return events;
    }

    public Grader grader() {
        return grader;
    }

    public Drafts drafts() {
        return drafts;
    }

    public SandboxLimits limits() {
        return limits;
    }

    /** Runs on the UI thread what the workers hand back. */
    public Executor ui() {
        return ui;
    }

    /** Workers for what may take a while (a lab's session, a scan); never the UI thread. */
    public Executor workers() {
        return workers;
    }

    /** One thread that grades quiz answers and records their events, in the order given. */
    public Executor grading() {
        return grading;
    }

    /**
     * Generated datasets kept in the data folder ({@code cache/datasets/}), so a big one is generated once; made on the
     * first session's worker (it looks at the folder), never on the UI thread.
     */
    public synchronized DatasetCache datasetCache() {
        if (cache == null) {
            cache = DatasetCache.in(cacheFolder);
        }
        return cache;
    }

    /**
     * For an embedder as it closes: work it leaves running on the {@link #workers()} (a session closing once its
     * statement is done). The workers take work until that is done, then stop.
     */
    public void finishing(CompletableFuture<?> work) {
        synchronized (closing) {
            closing.add(work);
        }
    }

    /**
     * Closes every embedder, in the order they were added, each even when one before it failed; writes pending
     * drafts; then lets the work the embedders left running finish on the workers, waiting for it at most {@link
     * #CLOSE_WAIT_MS}. The first failure of an embedder is thrown after all that.
     */
    @Override
    public void close() {
        List<RuntimeException> failed = new ArrayList<>();
        for (Embedder e : kinds.values()) {
            try {
                e.close();
            } catch (RuntimeException x) {
                failed.add(x);
            }
        }
        drafts.close();
        grading.shutdownNow();
        CompletableFuture<?> pending;
        synchronized (closing) {
            pending = CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
        }
        pending.whenComplete((done, e) -> workers.shutdown());
        try {
            pending.get(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still closing on the workers (or a session failed to close, already reported): no need to wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!failed.isEmpty()) {
            RuntimeException first = failed.get(0);
            failed.subList(1, failed.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** A value made on a worker once per loaded library; a library loaded again (a reload) makes it again. */
    private static final class ByLibrary<T> {
        private Object library;
        private CompletableFuture<T> value;

        synchronized CompletableFuture<T> get(Object lib, Supplier<CompletableFuture<T>> make) {
            if (value == null || lib != library) {
                library = lib;
                value = make.get();
            }
            return value;
        }
    }
}
