package campus.app.lab;

import campus.app.concurrent.DaemonThreads;
import campus.app.embed.Embedder;
import campus.i18n.Lang;
import campus.labs.Lab;
import campus.labs.LabCatalog;
import campus.labs.LabSession;
import campus.labs.sandbox.SandboxLimits;
import campus.progress.LearningEventSink;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * The {@link Embedder} of lesson labs, made once per window: the lab catalog (scanned on a worker and
 * again when the content is reloaded), workers, drafts, where learning events go, and one
 * {@link LabViewModel} per lab id, so sessions (loaded datasets) and the learner's work survive the
 * renderer rebuilding a lesson. {@link #close()} closes every session and writes pending drafts.
 */
public final class LabContext implements Embedder {

    /** How long {@link #close()} waits for sessions still at work (on the UI thread, as the window closes). */
    static final long CLOSE_WAIT_MS = 1000;

    private final Supplier<List<Path>> roots;
    private final LearningEventSink events;
    private final Drafts drafts;
    private final ExecutorService pool = DaemonThreads.cached("campus-lab");
    private final Executor ui;
    private final Map<String, LabViewModel> models = new ConcurrentHashMap<>();
    private volatile SandboxLimits limits = SandboxLimits.DEFAULT;
    private volatile UnaryOperator<LabViewModel.Opener> opening = UnaryOperator.identity();
    private CompletableFuture<LabCatalog> catalog;
    private final Path cacheFolder;
    private campus.labs.sandbox.DatasetCache cache;
    private Object generation;

    /** For tests: {@code ui} runs what the workers hand back (instead of the FX thread). */
    LabContext(Supplier<List<Path>> roots, Path dataDir, LearningEventSink events, Executor ui) {
        this.roots = Objects.requireNonNull(roots);
        this.events = Objects.requireNonNull(events);
        this.drafts = new Drafts(dataDir);
        this.cacheFolder = dataDir.resolve("cache").resolve("datasets");
        this.ui = ui;
    }

    /**
     * @param roots   content roots holding courses (and their labs), asked again on each rescan
     * @param dataDir the learner's data folder: drafts go to {@code drafts/}, generated datasets to {@code cache/datasets/}
     * @param events  the app's one learning-event sink
     */
    public static LabContext create(Supplier<List<Path>> roots, Path dataDir, LearningEventSink events) {
        return new LabContext(roots, dataDir, events, Platform::runLater);
    }

    /** For tests: other limits (a short timeout). */
    public LabContext withLimits(SandboxLimits l) {
        this.limits = Objects.requireNonNull(l);
        return this;
    }

    /** For tests: sessions open through {@code wrap} applied to the usual opener (a test holds the opening back). */
    LabContext withOpening(UnaryOperator<LabViewModel.Opener> wrap) {
        this.opening = Objects.requireNonNull(wrap);
        return this;
    }

    /**
     * The pane for a lab in a lesson, in {@code lang}. {@code generation} is anything that changes
     * when the content was reloaded (the shell passes its library): then the catalog is scanned again
     * and a lab whose files changed gets a fresh session. Call on the UI thread.
     */
    @Override
    public Node pane(String labId, Lang lang, Object generation) {
        LabPane pane = new LabPane(labId, lang);
        catalog(generation).thenAcceptAsync(c -> {
            if (c.find(labId).isPresent()) {
                pane.show(model(c, c.find(labId).get()));
            } else {
                pane.showMissing(c.problems().stream()
                        .filter(p -> p.path().contains(labId)).findFirst().map(p -> p.message()).orElse(null));
            }
        }, ui).exceptionally(e -> {
            ui.execute(() -> pane.showFailure(String.valueOf(e.getCause() == null ? e : e.getCause())));
            return null;
        });
        return pane;
    }

    synchronized CompletableFuture<LabCatalog> catalog(Object gen) {
        if (catalog == null || !Objects.equals(gen, generation)) {
            generation = gen;
            catalog = CompletableFuture.supplyAsync(() -> LabCatalog.scan(roots.get()), pool);
        }
        return catalog;
    }

    LabViewModel model(LabCatalog c, Lab lab) {
        return models.compute(lab.id(), (id, old) -> {
            if (old != null && old.lab().equals(lab)) {
                return old;
            }
            if (old != null) {
                old.close();
            }
            LabViewModel.Opener open = new LabViewModel.Opener() {
                @Override
                public LabSession open(Lab l) throws LabSession.LabUnavailableException {
                    return open(l, campus.labs.dataset.LoadProgress.NONE);
                }

                @Override
                public LabSession open(Lab l, campus.labs.dataset.LoadProgress progress)
                        throws LabSession.LabUnavailableException {
                    return LabSession.open(l, c.datasets(), cache(), limits, events, progress);
                }
            };
            return new LabViewModel(lab, opening.apply(open), pool, ui, drafts);
        });
    }

    /**
     * Generated datasets kept in the data folder ({@code cache/datasets/}), so a big one is generated once; made on the
     * first session's worker (it looks at the folder), never on the UI thread.
     */
    private synchronized campus.labs.sandbox.DatasetCache cache() {
        if (cache == null) {
            cache = campus.labs.sandbox.DatasetCache.in(cacheFolder);
        }
        return cache;
    }

    /** The lab's SQL editor (highlighting, line numbers, no run buttons) for quiz and exam SQL questions. */
    public static campus.app.quiz.SqlInput.Factory sqlInput() {
        return SqlEditor::new;
    }

    /**
     * Closes every lab session and writes pending drafts. A session still at work (a statement running, a dataset
     * loading) is stopped and closed once that work is done: this waits for that at most {@link #CLOSE_WAIT_MS}, then
     * lets it finish on the workers, which take work until every session is closed and then stop.
     */
    @Override
    public void close() {
        CompletableFuture<?> closing = CompletableFuture.allOf(models.values().stream()
                .map(LabViewModel::close).toArray(CompletableFuture[]::new));
        drafts.close();
        closing.whenComplete((done, e) -> pool.shutdown());
        try {
            closing.get(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still closing on the workers (or a session failed to close, already reported): no need to wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
