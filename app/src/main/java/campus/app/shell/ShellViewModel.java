package campus.app.shell;

import campus.app.Preload;
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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and the only UI class that calls the course loader. Disk work runs on
 * {@code background}; results come back through {@code ui} (the FX thread). A lesson result that
 * arrives after the learner asked for another lesson is dropped.
 */
public final class ShellViewModel {

    /** A lesson ready to render, with where to put the reader: a block index, or a heading anchor. */
    public record OpenLesson(LoadedLesson lesson, int restoreBlock, String anchor, Set<String> images) {

        /**
         * Each opening is its own event, so identity: the lesson property's listeners compare old and
         * new values with {@code equals}, and a record's would walk the whole document on every open
         * (and, the first time, build its method-handle tree on the UI thread during start-up).
         */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    static final int[] ZOOM_STEPS = {70, 80, 90, 100, 110, 125, 150, 175, 200, 250};

    private final Executor background;
    private final Executor ui;
    private final StateStore store;
    private final Executor stateWriter;
    private final List<ContentRoot> roots;
    private final AtomicLong lessonRequest = new AtomicLong();
    private volatile LessonCache lessons;
    private final AtomicLong libraryRequest = new AtomicLong();

    private final ObjectProperty<Lang> lang = new SimpleObjectProperty<>(Lang.EN);
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final IntegerProperty zoom = new SimpleIntegerProperty(100);
    private final ObjectProperty<Library> library = new SimpleObjectProperty<>();
    private final ObservableList<Course> courses = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    // One read-only view each, kept: a view only listens weakly to its list, so a view made per call (and a listener
    // added to it) would go with the next garbage collection and the window would stop hearing of changes.
    private final ObservableList<Course> coursesView = FXCollections.unmodifiableObservableList(courses);
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObjectProperty<Course> selectedCourse = new SimpleObjectProperty<>();
    private final ObjectProperty<OpenLesson> lesson = new SimpleObjectProperty<>();
    private final IntegerProperty pending = new SimpleIntegerProperty();
    private final BooleanBinding loading = pending.greaterThan(0);
    private final ObjectProperty<Msg> failure = new SimpleObjectProperty<>();
    private final BooleanBinding hasPrevious;
    private final BooleanBinding hasNext;
    private final BooleanProperty libraryLoaded = new SimpleBooleanProperty();
    private List<ContentRoot> watchedRoots = List.of();
    private Runnable onRootsChanged = () -> { };
    private int readingBlock;
    private AppState state;

    public ShellViewModel(StateStore store, List<ContentRoot> roots, AppState initial,
                          Executor background, Executor ui, Executor stateWriter) {
        this.store = store;
        this.roots = new CopyOnWriteArrayList<>(roots);
        this.background = background;
        this.ui = ui;
        this.stateWriter = stateWriter;
        this.state = initial;
        lang.set(initial.lang());
        dark.set(initial.dark());
        zoom.set(initial.zoom());
        hasPrevious = Bindings.createBooleanBinding(() -> neighbour(-1).isPresent(), lesson);
        hasNext = Bindings.createBooleanBinding(() -> neighbour(1).isPresent(), lesson);
    }

    // --- start-up and content --------------------------------------------------------------

    /** Applies what {@link Preload} computed in parallel with the toolkit start-up. */
    public void start(CompletionStage<Preload.Opening> opening) {
        pending.set(pending.get() + 1);
        long req = libraryRequest.incrementAndGet();
        long lessonReq = lessonRequest.incrementAndGet();
        opening.whenComplete((o, error) -> ui.execute(() -> apply(o, error, req, lessonReq)));
    }

    /**
     * Starts on work the preload thread has already finished, on the UI thread, so the first lesson is
     * in the scene before the window first shows: one CSS and layout pass instead of two.
     */
    public void start(Preload.Opening opening) {
        pending.set(pending.get() + 1);
        apply(opening, null, libraryRequest.incrementAndGet(), lessonRequest.incrementAndGet());
    }

    private void apply(Preload.Opening o, Throwable error, long req, long lessonReq) {
        pending.set(pending.get() - 1);
        if (error != null) {
            fail(error);
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
        AppState s = state;
        List<ContentRoot> r = List.copyOf(roots);
        java.util.concurrent.CompletableFuture<Preload.Opening> f = new java.util.concurrent.CompletableFuture<>();
        background.execute(() -> {
            try {
                f.complete(Preload.open(r, s, lessons));
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        start(f);
    }

    public void addContentFolder(Path dir) {
        ContentRoot root = ContentRoot.folder(dir.toAbsolutePath().normalize());
        if (roots.stream().noneMatch(r -> r.path().equals(root.path()))) {
            roots.add(0, root); // newest folder first: it shadows older copies of the same course
        }
        reload();
    }

    /** Closes every folder the learner opened; the shipped courses stay. */
    public void closeContentFolders() {
        roots.removeIf(r -> !ContentRoot.SHIPPED_DISPLAY.equals(r.display()));
        reload();
    }

    /** Reads the courses again and re-opens the lesson on screen at the same place. */
    public void reload() {
        long req = libraryRequest.incrementAndGet();
        List<ContentRoot> r = List.copyOf(roots);
        run(() -> CourseLoader.load(r), lib -> {
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
        List<ContentRoot> userRoots = roots.stream().filter(r -> !ContentRoot.SHIPPED_DISPLAY.equals(r.display())).toList();
        if (!userRoots.equals(watchedRoots)) {
            watchedRoots = userRoots;
        }
        onRootsChanged.run();
    }

    /** Folders the learner opened (not the shipped content): these are watched for edits. */
    public List<Path> userFolders() {
        return watchedRoots.stream().map(ContentRoot::path).toList();
    }

    public void setOnRootsChanged(Runnable r) {
        onRootsChanged = r;
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
        Lang l = lang.get();
        run(() -> {
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
        failure.set(null);
        readingBlock = block;
        lesson.set(new OpenLesson(l, block, anchor, images));
        refreshProblems();
        remember();
    }

    // --- look and language -----------------------------------------------------------------

    /** Switches every string and re-reads the open lesson in the other language at the same block. */
    public void setLang(Lang l) {
        if (l == lang.get()) {
            return;
        }
        lang.set(l);
        OpenLesson open = lesson.get();
        if (open != null) {
            load(open.lesson().course(), open.lesson().slug(), readingBlock, "");
        }
        remember();
    }

    public void toggleLang() {
        setLang(lang.get().other());
    }

    public void toggleDark() {
        dark.set(!dark.get());
        remember();
    }

    public void zoomIn() {
        for (int z : ZOOM_STEPS) {
            if (z > zoom.get()) {
                setZoom(z);
                return;
            }
        }
    }

    public void zoomOut() {
        for (int i = ZOOM_STEPS.length - 1; i >= 0; i--) {
            if (ZOOM_STEPS[i] < zoom.get()) {
                setZoom(ZOOM_STEPS[i]);
                return;
            }
        }
    }

    public void zoomReset() {
        setZoom(100);
    }

    private void setZoom(int z) {
        zoom.set(z);
        remember();
    }

    // --- state -----------------------------------------------------------------------------

    public AppState state() {
        return state;
    }

    public void setWindow(double x, double y, double w, double h, boolean maximized) {
        state = state.withWindow(x, y, w, h, maximized);
    }

    /** Records the current state and writes it in the background. */
    public void remember() {
        OpenLesson open = lesson.get();
        AppState s = state.withLang(lang.get()).withLook(dark.get(), zoom.get())
                .withFolders(roots.stream().filter(r -> !ContentRoot.SHIPPED_DISPLAY.equals(r.display()))
                        .map(r -> r.path().toString()).toList());
        if (open != null) {
            s = s.withReading(open.lesson().course().id(), open.lesson().slug(), readingBlock);
        }
        state = s;
        AppState snapshot = s;
        try {
            stateWriter.execute(() -> {
                try {
                    store.save(snapshot);
                } catch (IOException | RuntimeException e) {
                    System.err.println("campus: could not save " + store.file() + ": " + e);
                }
            });
        } catch (RejectedExecutionException e) {
            // The window has closed and its last state is already written.
        }
    }

    // --- problems --------------------------------------------------------------------------

    private void refreshProblems() {
        List<Problem> all = new ArrayList<>();
        Library lib = library.get();
        if (lib != null) {
            all.addAll(lib.problems());
        }
        OpenLesson open = lesson.get();
        if (open != null) {
            for (Problem p : open.lesson().problems()) {
                if (!all.contains(p)) {
                    all.add(p);
                }
            }
        }
        all.sort(Problem.ORDER);
        problems.setAll(all);
    }

    private <T> void run(Supplier<T> work, java.util.function.Consumer<T> then) {
        pending.set(pending.get() + 1);
        background.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                ui.execute(() -> {
                    pending.set(pending.get() - 1);
                    fail(e);
                });
                return;
            }
            ui.execute(() -> {
                pending.set(pending.get() - 1);
                then.accept(result);
            });
        });
    }

    private void fail(Throwable e) {
        // The learner sees a sentence; the details go to the terminal for whoever reports the bug.
        System.err.println("campus: unexpected error");
        e.printStackTrace();
        failure.set(Msg.of("app.error.unexpected", String.valueOf(e.getClass().getSimpleName())));
    }

    // --- read-only properties --------------------------------------------------------------

    public ReadOnlyObjectProperty<Lang> langProperty() {
        return lang;
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark;
    }

    public ReadOnlyIntegerProperty zoomProperty() {
        return zoom;
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
        return loading;
    }

    public ReadOnlyObjectProperty<Msg> failureProperty() {
        return failure;
    }

    public BooleanBinding hasPreviousProperty() {
        return hasPrevious;
    }

    public BooleanBinding hasNextProperty() {
        return hasNext;
    }
}
