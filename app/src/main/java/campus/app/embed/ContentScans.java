package campus.app.embed;

import campus.i18n.content.ContentScan;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The one walk of the content roots for each loaded library, shared by everything that reads what the roots hold:
 * the lab and quiz catalogues of lessons, the syllabus of the progress page, the datasets of the SQL grader. The
 * app's composition root makes one and hands it to each of them; a library loaded again (a reload: folders opened
 * or closed, the watcher saw a change) walks the roots again, once.
 */
public final class ContentScans {

    /** The key of a walk asked for before any library was loaded. */
    private static final Object NO_LIBRARY = new Object();

    private final Supplier<List<Path>> roots;
    private final Executor on;
    private Object library;
    private CompletableFuture<ContentScan> scan;

    /**
     * @param roots content roots holding courses (and their labs, quizzes and datasets), asked once for each walk
     * @param on    where the walks run; never the UI thread
     */
    public ContentScans(Supplier<List<Path>> roots, Executor on) {
        this.roots = Objects.requireNonNull(roots, "roots");
        this.on = Objects.requireNonNull(on, "on");
    }

    /** The walk of the roots for {@code library}: made once per library, on the executor given. */
    public synchronized CompletableFuture<ContentScan> of(Object library) {
        Object key = library == null ? NO_LIBRARY : library;
        if (scan == null || key != this.library) {
            this.library = key;
            scan = CompletableFuture.supplyAsync(() -> ContentScan.of(roots.get()), on);
        }
        return scan;
    }

    /** The walk last asked for, whatever its library; a walk of its own when none was asked for yet. */
    public synchronized CompletableFuture<ContentScan> latest() {
        return scan != null ? scan : of(null);
    }
}
