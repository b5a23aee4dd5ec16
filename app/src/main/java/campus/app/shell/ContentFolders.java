package campus.app.shell;

import campus.courses.ContentRoot;
import campus.courses.Library;
import campus.courses.LoadedLesson;
import campus.i18n.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the courses are read from: the shipped content and the folders the learner opened (newest first, so an
 * opened folder shadows older copies of the same course), and which of them are watched for edits.
 */
final class ContentFolders {

    private final List<ContentRoot> roots;
    private List<ContentRoot> watched = List.of();
    private Runnable onChanged = () -> { };

    ContentFolders(List<ContentRoot> initial) {
        this.roots = new CopyOnWriteArrayList<>(initial);
    }

    /** The roots as they are now, to read from. */
    List<ContentRoot> snapshot() {
        return List.copyOf(roots);
    }

    void add(Path dir) {
        ContentRoot root = ContentRoot.folder(dir.toAbsolutePath().normalize());
        if (roots.stream().noneMatch(r -> r.path().equals(root.path()))) {
            roots.add(0, root); // newest folder first: it shadows older copies of the same course
        }
    }

    /** Forgets every folder the learner opened; the shipped courses stay. */
    void closeOpened() {
        roots.removeIf(r -> !shipped(r));
    }

    /** A library was read from the roots: the opened folders are the ones to watch now. */
    void loaded() {
        List<ContentRoot> opened = roots.stream().filter(r -> !shipped(r)).toList();
        if (!opened.equals(watched)) {
            watched = opened;
        }
        onChanged.run();
    }

    /** Folders the learner opened (not the shipped content), as of the last library read: these are watched. */
    List<Path> watchedFolders() {
        return watched.stream().map(ContentRoot::path).toList();
    }

    /** The folders the learner opened, as saved in the app state. */
    List<String> openedForState() {
        return roots.stream().filter(r -> !shipped(r)).map(r -> r.path().toString()).toList();
    }

    void setOnChanged(Runnable r) {
        onChanged = r;
    }

    /** The problems to list: the library's, then the open lesson's that the library does not have, in order. */
    static List<Problem> problems(Library lib, LoadedLesson open) {
        List<Problem> all = new ArrayList<>();
        if (lib != null) {
            all.addAll(lib.problems());
        }
        if (open != null) {
            for (Problem p : open.problems()) {
                if (!all.contains(p)) {
                    all.add(p);
                }
            }
        }
        all.sort(Problem.ORDER);
        return all;
    }

    private static boolean shipped(ContentRoot r) {
        return ContentRoot.SHIPPED_DISPLAY.equals(r.display());
    }
}
