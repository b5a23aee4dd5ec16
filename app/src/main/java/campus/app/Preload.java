package campus.app;

import campus.app.concurrent.DaemonThreads;
import campus.app.shell.Opening;
import campus.app.state.AppState;
import campus.app.state.DataFolder;
import campus.app.state.StateStore;
import campus.app.trace.Milestones;
import campus.courses.ContentRoot;
import campus.courses.doc.LessonCache;
import campus.i18n.Lang;
import campus.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Work the app needs before its first screen, started on a background thread the moment the JVM
 * starts: the saved state (needed to size and theme the window) and the content roots (opening the
 * shipped courses' jar as a file system costs tens of milliseconds, which {@code main} would otherwise
 * spend before the toolkit even starts), then the course list and the lesson the learner was reading.
 *
 * @param firstLesson the lesson to open, or {@code null} when there is none
 * @param milestones  hears the moments of the start-up (the preload's, then the window's)
 */
public record Preload(LaunchOptions options, StateStore store, LessonCache lessons,
                      CompletableFuture<List<ContentRoot>> contentRoots, CompletableFuture<AppState> state,
                      CompletableFuture<Opening> opening, Milestones milestones) {

    /** With no one to hear the moments of the start-up. */
    public static Preload start(LaunchOptions options) {
        return start(options, Milestones.NONE);
    }

    public static Preload start(LaunchOptions options, Milestones milestones) {
        return start(options, milestones, DaemonThreads.singleThread("campus-lesson-cache"));
    }

    /** {@code cacheWriter} writes the entries of the lesson cache (tests: one that says when it has written). */
    static Preload start(LaunchOptions options, Milestones milestones, Executor cacheWriter) {
        StateStore store = new StateStore(DataFolder.resolve(options.dataDir()));
        LessonCache lessons = lessonCache(store, cacheWriter);
        CompletableFuture<List<ContentRoot>> roots = new CompletableFuture<>();
        CompletableFuture<AppState> state = new CompletableFuture<>();
        CompletableFuture<Opening> opening = new CompletableFuture<>();
        DaemonThreads.named("campus-preload").start(() -> {
            try {
                // A few hundred bytes: the folders opened last time are roots too.
                AppState saved = store.load();
                List<ContentRoot> r = roots(options, saved.folders());
                roots.complete(r);
                AppState s = saved;
                if (options.lang().isPresent()) {
                    s = s.withLang(options.lang().get());
                }
                Messages.of(s.lang()).get("app.title");
                state.complete(s);
                milestones.reached("state read");
                Opening o = Opening.read(r, s, lessons);
                milestones.reached("library and first lesson read");
                opening.complete(o);
            } catch (RuntimeException | Error e) {
                roots.complete(List.of());
                state.complete(AppState.defaults());
                opening.completeExceptionally(e);
            }
        });
        return new Preload(options, store, lessons, roots, state, opening, milestones);
    }

    /**
     * Parsed lessons kept in the data folder ({@code cache/lessons}), written on a thread of their own:
     * the lesson the app reopens is then read without starting the Markdown parser.
     */
    static LessonCache lessonCache(StateStore store, Executor writer) {
        return new LessonCache(store.file().getParent().resolve("cache").resolve("lessons"), writer);
    }

    /**
     * The content roots: folders given on the command line, folders opened last time, the shipped
     * courses. Known as soon as the state is read, long before the window needs them.
     */
    public List<ContentRoot> roots() {
        return contentRoots.join();
    }

    static List<ContentRoot> roots(LaunchOptions options, List<String> remembered) {
        // Author folders first: where a course id repeats, the first root wins, so an author who opens
        // an edited copy of a shipped course sees the edit, not the shipped version. Folders given on
        // the command line come before the ones remembered from last time; a remembered folder that
        // is gone is dropped quietly (it was the learner's choice, not content to report on).
        List<ContentRoot> roots = new ArrayList<>();
        options.contentDirs().forEach(d -> roots.add(ContentRoot.folder(d)));
        for (String f : remembered) {
            try {
                java.nio.file.Path p = java.nio.file.Path.of(f).toAbsolutePath().normalize();
                if (java.nio.file.Files.isDirectory(p)
                        && roots.stream().noneMatch(r -> r.path().toAbsolutePath().normalize().equals(p))) {
                    roots.add(ContentRoot.folder(p));
                }
            } catch (java.nio.file.InvalidPathException e) {
                // an edited state file: nothing to reopen
            }
        }
        try {
            roots.add(ContentRoot.shipped());
        } catch (RuntimeException e) {
            System.err.println("campus: shipped courses unavailable: " + e.getMessage());
        }
        return roots;
    }
}
