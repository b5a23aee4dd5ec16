package campus.app.shell;

import campus.app.state.AppState;
import campus.app.state.StateStore;
import campus.courses.ContentRoot;
import campus.courses.Course;
import campus.courses.CourseLoader;
import campus.courses.Library;
import campus.courses.LoadedLesson;
import campus.courses.doc.LessonCache;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and the only UI class that calls the course loader. Disk work runs on
 * {@code background}; results come back through {@code ui} (the FX thread). A lesson result that
 * arrives after the learner asked for another lesson is dropped.
 */
public final class ShellViewModel {

    private final BackgroundWork work;
    private final Preferences prefs;
    private final ContentFolders folders;
    private final AtomicLong lessonRequest = new AtomicLong();
    private volatile LessonCache lessons;
    private final AtomicLong libraryRequest = new AtomicLong();

    private final ObjectProperty<Library> library = new SimpleObjectProperty<>();
    private final ObservableList<Course> courses = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    // One read-only view each, kept: a view only listens weakly to its list, so a view made per call (and a listener
    // added to it) would go with the next garbage collection and the window would stop hearing of changes.
    private final ObservableList<Course> coursesView = FXCollections.unmodifiableObservableList(courses);
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObjectProperty<Course> selectedCourse = new SimpleObjectProperty<>();
    private final ObjectProperty<OpenLesson> lesson = new SimpleObjectProperty<>();
    private final BooleanBinding hasPrevious;
    private final BooleanBinding hasNext;
    private final BooleanProperty libraryLoaded = new SimpleBooleanProperty();
    private int readingBlock;

    public ShellViewModel(StateStore store, List<ContentRoot> roots, AppState initial,
                          Executor background, Executor ui, Executor stateWriter) {
        this.prefs = new Preferences(store, initial, stateWriter);
        this.folders = new ContentFolders(roots);
        this.work = new BackgroundWork(background, ui);
        prefs.setOnChange(this::remember);
        hasPrevious = Bindings.createBooleanBinding(() -> neighbour(-1).isPresent(), lesson);
        hasNext = Bindings.createBooleanBinding(() -> neighbour(1).isPresent(), lesson);
    }

    // --- start-up and content --------------------------------------------------------------

    /** Applies what the preload thread computed in parallel with the toolkit start-up. */
    public void start(CompletionStage<Opening> opening) {
        work.started();
        long req = libraryRequest.incrementAndGet();
        long lessonReq = lessonRequest.incrementAndGet();
        opening.whenComplete((o, error) -> work.ui().execute(() -> apply(o, error, req, lessonReq)));
    }

    /**
     * Starts on work the preload thread has already finished, on the UI thread, so the first lesson is
     * in the scene before the window first shows: one CSS and layout pass instead of two.
     */
    public void start(Opening opening) {
        work.started();
        apply(opening, null, libraryRequest.incrementAndGet(), lessonRequest.incrementAndGet());
    }

    private void apply(Opening o, Throwable error, long req, long lessonReq) {
        work.finished();
        if (error != null) {
            work.fail(error);
            return;
        }
        if (req == libraryRequest.get()) {
            applyLibrary(o.library());
        }
        if (lessonReq == lessonRequest.get() && o.lesson().isPresent()) {
            LoadedLesson l = o.lesson().get();
            selectedCourse.set(l.course());
            showLesson(l, o.block(), "", o.images());
        }
    }

    /** Lessons are read through {@code cache} from now on ({@code null}: always parsed). */
    public void useLessonCache(LessonCache cache) {
        lessons = cache;
    }

    /** Starts without preloaded work (tests, and a view rebuilt in the same JVM). */
    public void start() {
        AppState s = prefs.state();
        List<ContentRoot> r = folders.snapshot();
        java.util.concurrent.CompletableFuture<Opening> f = new java.util.concurrent.CompletableFuture<>();
        work.background().execute(() -> {
            try {
                f.complete(Opening.read(r, s, lessons));
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        start(f);
    }

    public void addContentFolder(Path dir) {
        folders.add(dir);
        reload();
    }

    /** Closes every folder the learner opened; the shipped courses stay. */
    public void closeContentFolders() {
        folders.closeOpened();
        reload();
    }

    /** Reads the courses again and re-opens the lesson on screen at the same place. */
    public void reload() {
        long req = libraryRequest.incrementAndGet();
        List<ContentRoot> r = folders.snapshot();
        work.run(() -> CourseLoader.load(r), lib -> {
            if (req == libraryRequest.get()) {
                applyLibrary(lib);
                OpenLesson open = lesson.get();
                if (open != null) {
                    lib.course(open.lesson().course().id()).ifPresent(c -> {
                        if (c.lesson(open.lesson().slug()).isPresent()) {
                            selectedCourse.set(c);
                            load(c, open.lesson().slug(), readingBlock, "");
                        }
                    });
                }
            }
        });
    }

    private void applyLibrary(Library lib) {
        library.set(lib);
        libraryLoaded.set(true);
        Course selected = selectedCourse.get();
        courses.setAll(lib.courses());
        if (selected != null) {
            selectedCourse.set(lib.course(selected.id()).orElse(null));
        }
        refreshProblems();
        folders.loaded();
    }

    /** Folders the learner opened (not the shipped content): these are watched for edits. */
    public List<Path> userFolders() {
        return folders.watchedFolders();
    }

    public void setOnRootsChanged(Runnable r) {
        folders.setOnChanged(r);
    }

    // --- navigation ------------------------------------------------------------------------

    public void selectCourse(Course c) {
        selectedCourse.set(c);
    }

    /** Opens the first lesson of a course. */
    public void openCourse(Course c) {
        selectedCourse.set(c);
        OpenLesson open = lesson.get();
        boolean reading = open != null && open.lesson().course().id().equals(c.id());
        if (!reading && !c.lessons().isEmpty()) {
            openLesson(c, c.lessons().get(0).slug(), "");
        }
    }

    public void openLesson(Course c, String slug, String anchor) {
        OpenLesson open = lesson.get();
        if (open != null && open.lesson().course().id().equals(c.id()) && open.lesson().slug().equals(slug)
                && (anchor == null || anchor.isEmpty())) {
            return;
        }
        selectedCourse.set(c);
        load(c, slug, 0, anchor == null ? "" : anchor);
    }

    /** A lesson link inside the lesson on screen. */
    public void openLinkedLesson(String slug, String anchor) {
        OpenLesson open = lesson.get();
        if (open != null && open.lesson().course().lesson(slug).isPresent()) {
            openLesson(open.lesson().course(), slug, anchor);
        }
    }

    public void next() {
        neighbour(1).ifPresent(s -> openLesson(lesson.get().lesson().course(), s, ""));
    }

    public void previous() {
        neighbour(-1).ifPresent(s -> openLesson(lesson.get().lesson().course(), s, ""));
    }

    private Optional<String> neighbour(int step) {
        OpenLesson open = lesson.get();
        if (open == null) {
            return Optional.empty();
        }
        Course c = open.lesson().course();
        int i = c.indexOf(open.lesson().slug()) + step;
        return i >= 0 && i < c.lessons().size() ? Optional.of(c.lessons().get(i).slug()) : Optional.empty();
    }

    /** Where the learner reads: the view reports the block at the top of the viewport. */
    public void setReadingBlock(int block) {
        readingBlock = Math.max(0, block);
    }

    public int readingBlock() {
        return readingBlock;
    }

    private void load(Course c, String slug, int block, String anchor) {
        long req = lessonRequest.incrementAndGet();
        Lang l = prefs.langProperty().get();
        work.run(() -> {
            LoadedLesson loaded = CourseLoader.loadLesson(c, slug, l, lessons);
            return new OpenLesson(loaded, block, anchor, images(loaded));
        }, open -> {
            if (req == lessonRequest.get()) {
                showLesson(open.lesson(), open.restoreBlock(), open.anchor(), open.images());
            }
        });
    }

    private static Set<String> images(LoadedLesson l) {
        return l.document().map(d -> LessonImages.existing(l.course(), d)).orElse(Set.of());
    }

    private void showLesson(LoadedLesson l, int block, String anchor, Set<String> images) {
        work.clearFailure();
        readingBlock = block;
        lesson.set(new OpenLesson(l, block, anchor, images));
        refreshProblems();
        remember();
    }

    // --- look and language (kept in Preferences) -----------------------------------------

    /** Switches every string and re-reads the open lesson in the other language at the same block. */
    public void setLang(Lang l) {
        if (!prefs.setLang(l)) {
            return;
        }
        OpenLesson open = lesson.get();
        if (open != null) {
            load(open.lesson().course(), open.lesson().slug(), readingBlock, "");
        }
        remember();
    }

    public void toggleLang() {
        setLang(prefs.langProperty().get().other());
    }

    public void toggleDark() {
        prefs.toggleDark();
    }

    /** Light or dark, e.g. as set on another device. */
    public void setDark(boolean on) {
        prefs.setDark(on);
    }

    public void zoomIn() {
        prefs.zoomIn();
    }

    public void zoomOut() {
        prefs.zoomOut();
    }

    public void zoomReset() {
        prefs.setZoom(100);
    }

    /** One of the zoom steps (70 to 250 %); another value is taken to the nearest step. */
    public void setZoom(int z) {
        prefs.setZoom(z);
    }

    public AppState state() {
        return prefs.state();
    }

    public void setWindow(double x, double y, double w, double h, boolean maximized) {
        prefs.setWindow(x, y, w, h, maximized);
    }

    /** Records the state (preferences, open folders, reading position) and writes it in the background. */
    public void remember() {
        OpenLesson open = lesson.get();
        prefs.save(s -> {
            AppState withFolders = s.withFolders(folders.openedForState());
            return open == null ? withFolders
                    : withFolders.withReading(open.lesson().course().id(), open.lesson().slug(), readingBlock);
        });
    }

    // --- problems --------------------------------------------------------------------------

    private void refreshProblems() {
        OpenLesson open = lesson.get();
        problems.setAll(ContentFolders.problems(library.get(), open == null ? null : open.lesson()));
    }

    // --- read-only properties --------------------------------------------------------------

    public ReadOnlyObjectProperty<Lang> langProperty() {
        return prefs.langProperty();
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return prefs.darkProperty();
    }

    public ReadOnlyIntegerProperty zoomProperty() {
        return prefs.zoomProperty();
    }

    public ReadOnlyObjectProperty<Library> libraryProperty() {
        return library;
    }

    public ReadOnlyBooleanProperty libraryLoadedProperty() {
        return libraryLoaded;
    }

    public ObservableList<Course> courses() {
        return coursesView;
    }

    public ObservableList<Problem> problems() {
        return problemsView;
    }

    public ReadOnlyObjectProperty<Course> selectedCourseProperty() {
        return selectedCourse;
    }

    public ReadOnlyObjectProperty<OpenLesson> lessonProperty() {
        return lesson;
    }

    public BooleanBinding loadingProperty() {
        return work.loadingProperty();
    }

    public ReadOnlyObjectProperty<Msg> failureProperty() {
        return work.failureProperty();
    }

    public BooleanBinding hasPreviousProperty() {
        return hasPrevious;
    }

    public BooleanBinding hasNextProperty() {
        return hasNext;
    }
}
