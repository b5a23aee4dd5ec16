package campus.app.lab;

import campus.app.embed.Embedder;
import campus.app.embed.LessonEmbeds;
import campus.i18n.Lang;
import campus.labs.Lab;
import campus.labs.LabCatalog;
import campus.labs.LabSession;
import campus.labs.dataset.LoadProgress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javafx.scene.Node;

/**
 * The {@link Embedder} of lesson labs: one {@link LabViewModel} per lab id, so sessions (loaded datasets) and the
 * learner's work survive the renderer rebuilding a lesson. The catalog, workers, drafts and where learning events go
 * come from the window's {@link LessonEmbeds}. {@link #close()} closes every session.
 */
public final class LabEmbedder implements Embedder {

    private final LessonEmbeds host;
    private final Map<String, LabViewModel> models = new ConcurrentHashMap<>();
    private volatile UnaryOperator<LabViewModel.Opener> opening = UnaryOperator.identity();

    public LabEmbedder(LessonEmbeds host) {
        this.host = Objects.requireNonNull(host);
    }

    /** For tests: sessions open through {@code wrap} applied to the usual opener (a test holds the opening back). */
    LabEmbedder withOpening(UnaryOperator<LabViewModel.Opener> wrap) {
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
        host.labs(generation).thenAcceptAsync(c -> {
            if (c.find(labId).isPresent()) {
                pane.show(model(c, c.find(labId).get()));
            } else {
                pane.showMissing(c.problems().stream()
                        .filter(p -> p.path().contains(labId)).findFirst().map(p -> p.message()).orElse(null));
            }
        }, host.ui()).exceptionally(e -> {
            host.ui().execute(() -> pane.showFailure(String.valueOf(e.getCause() == null ? e : e.getCause())));
            return null;
        });
        return pane;
    }

    LabViewModel model(LabCatalog c, Lab lab) {
        return models.compute(lab.id(), (id, old) -> {
            if (old != null && old.lab().equals(lab)) {
                return old;
            }
            if (old != null) {
                host.finishing(old.close());
            }
            LabViewModel.Opener open = new LabViewModel.Opener() {
                @Override
                public LabSession open(Lab l) throws LabSession.LabUnavailableException {
                    return open(l, LoadProgress.NONE);
                }

                @Override
                public LabSession open(Lab l, LoadProgress progress) throws LabSession.LabUnavailableException {
                    return LabSession.open(l, c.datasets(), host.datasetCache(), host.limits(), host.events(), progress);
                }
            };
            return new LabViewModel(lab, opening.apply(open), host.workers(), host.ui(), host.drafts());
        });
    }

    /** The lab's SQL editor (highlighting, line numbers, no run buttons) for quiz and exam SQL questions. */
    public static campus.app.quiz.SqlInput.Factory sqlInput() {
        return SqlEditor::new;
    }

    /**
     * Closes every lab session. A session still at work (a statement running, a dataset loading) is stopped and
     * closed once that work is done: the host's workers take work until then (see {@link LessonEmbeds#close()}).
     */
    @Override
    public void close() {
        host.finishing(CompletableFuture.allOf(models.values().stream()
                .map(LabViewModel::close).toArray(CompletableFuture[]::new)));
    }
}
