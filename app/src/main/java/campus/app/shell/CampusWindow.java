package campus.app.shell;

import campus.app.Preload;
import campus.app.bench.StartClock;
import campus.app.events.EventLog;
import campus.app.lab.LabContext;
import campus.courses.ContentRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import campus.app.state.AppState;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the shell in a stage: theme, saved window bounds, the background threads, watching opened
 * folders, and saving the state when the window closes.
 */
public final class CampusWindow {

    private final Stage stage;
    private final ShellViewModel vm;
    private final ShellView view;
    private final ExecutorService loader = campus.app.Daemon.singleThread("campus-load");
    private final ExecutorService stateWriter = campus.app.Daemon.singleThread("campus-state");
    private final ContentWatcher watcher;
    private final EventLog events;
    private final LabContext labs;
    private final ExecutorService quizWorker = campus.app.Daemon.singleThread("campus-quiz");
    private final java.util.function.Supplier<List<Path>> contentRoots;
    private campus.certification.sql.LabsSqlGrader sqlGrader;
    private java.util.concurrent.CompletableFuture<campus.app.exam.ExamContext> exam;
    private boolean closed;
    private double normalX;
    private double normalY;
    private double normalW;
    private double normalH;

    private CampusWindow(Stage stage, Preload preload, Consumer<String> browser) {
        this.stage = stage;
        // Ready long before the toolkit is: it is a small file read first on the preload thread.
        AppState s = preload.state().join();
        Theme.apply(s.dark());
        StartClock.mark("theme set");
        vm = new ShellViewModel(preload.store(), preload.roots(), s, loader, Platform::runLater, stateWriter);
        vm.useLessonCache(preload.lessons());
        view = new ShellView(vm, browser);
        events = EventLog.in(preload.store().file().getParent());
        contentRoots = () -> labRoots(preload);
        labs = LabContext.create(contentRoots, preload.store().file().getParent(), events);
        view.setLabs(labs);
        campus.certification.grading.Grader grader = campus.certification.grading.Grader.withSql(
                (spec, sql) -> sqlGrader().grade(spec, sql));
        view.setQuizzes(new QuizHost(contentRoots, grader, events, quizWorker, LabContext.sqlInput()));
        view.setOnExam(() -> openExam(preload.store().file().getParent(), grader));
        StartClock.mark("view built");
        view.setOnQuit(stage::close);
        // A change seen just before the window closed must not reach the stopped loader.
        watcher = new ContentWatcher(() -> Platform.runLater(() -> {
            if (!closed) {
                vm.reload();
            }
        }));
        vm.setOnRootsChanged(() -> watcher.watch(vm.userFolders()));

        Scene scene = new Scene(view.root(), s.hasWindowBounds() ? s.width() : 1200, s.hasWindowBounds() ? s.height() : 800);
        Theme.addStylesheets(scene);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(this::title,
                vm.langProperty(), vm.lessonProperty()));
        placeWindow(s);
        stage.setOnHidden(e -> close());
        if (Boolean.getBoolean("campus.bench.firstPaint")) {
            view.afterNextLessonRender(() -> reportFirstPaint(scene));
        }
        // The rest of the shell is built once the first frame is laid out, whether it has a lesson or
        // not (no courses, or a lesson that is still loading).
        afterNextPulse(scene, () -> Platform.runLater(() -> {
            view.finishStartup();
            StartClock.mark("shell completed");
            afterNextPulse(scene, () -> {
                StartClock.mark("second frame laid out (whole lesson, bars, sidebar)");
                if (StartClock.isTracing() && Boolean.getBoolean("campus.bench.firstPaint")) {
                    Platform.runLater(() -> System.exit(0));
                }
            });
        }));
    }

    public static CampusWindow open(Stage stage, Preload preload, Consumer<String> browser) {
        StartClock.mark("toolkit started");
        CampusWindow w = new CampusWindow(stage, preload, browser);
        // Usually the preload thread has read the lesson by now: it goes into the first frame. If not,
        // the window shows without it and the lesson follows when read.
        java.util.concurrent.CompletableFuture<Preload.Opening> opening = preload.opening();
        if (opening.isDone() && !opening.isCompletedExceptionally()) {
            w.vm.start(opening.join());
        } else {
            w.vm.start(opening);
        }
        StartClock.mark("window built");
        stage.show();
        StartClock.mark("window shown");
        return w;
    }

    private String title() {
        ShellViewModel.OpenLesson open = vm.lessonProperty().get();
        String app = view.tr().get("app.title");
        if (open == null) {
            return app;
        }
        String lesson = open.lesson().course().lesson(open.lesson().slug())
                .map(l -> l.title().in(vm.langProperty().get())).orElse(open.lesson().slug());
        return lesson + " — " + app;
    }

    private void placeWindow(AppState s) {
        if (s.hasWindowBounds()
                && !Screen.getScreensForRectangle(new Rectangle2D(s.x(), s.y(), s.width(), s.height())).isEmpty()) {
            stage.setX(s.x());
            stage.setY(s.y());
        }
        stage.setMaximized(s.maximized());
        normalX = s.x();
        normalY = s.y();
        normalW = s.width();
        normalH = s.height();
        Runnable track = () -> {
            if (!stage.isMaximized() && !stage.isIconified()) {
                normalX = stage.getX();
                normalY = stage.getY();
                normalW = stage.getWidth();
                normalH = stage.getHeight();
            }
        };
        stage.xProperty().addListener((o, a, b) -> track.run());
        stage.yProperty().addListener((o, a, b) -> track.run());
        stage.widthProperty().addListener((o, a, b) -> track.run());
        stage.heightProperty().addListener((o, a, b) -> track.run());
    }

    private static void reportFirstPaint(Scene scene) {
        afterNextPulse(scene, () -> {
            StartClock.mark("first lesson laid out");
            if (StartClock.isTracing()) {
                System.out.println("trace first frame nodes: " + StartClock.nodeCensus(scene.getRoot()));
            }
            System.out.println("first-lesson-painted-ms=" + StartClock.sinceProcessStartMs());
            System.out.println("first-paint-cpu-ms=" + StartClock.processCpuMs());
            if (!StartClock.isTracing()) {   // a trace goes on to the second frame
                Platform.runLater(() -> System.exit(0));
            }
        });
    }

    /** Runs {@code r} once, when the scene's next pulse has laid it out (the frame is then drawn). */
    private static void afterNextPulse(Scene scene, Runnable r) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            r.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Saves the window and reading state and waits (briefly) until it is on disk. */
    public void close() {
        closed = true;
        watcher.close();
        vm.setWindow(normalX, normalY, normalW, normalH, stage.isMaximized());
        vm.remember();
        labs.close();
        quizWorker.shutdownNow();
        synchronized (this) {
            if (sqlGrader != null) {
                sqlGrader.close();
            }
        }
        events.close();
        loader.shutdownNow();
        stateWriter.shutdown();
        try {
            stateWriter.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Content roots for the lab catalog: opened folders first (they shadow shipped labs), then the shipped ones. */
    private List<Path> labRoots(Preload preload) {
        List<Path> out = new ArrayList<>(vm.userFolders());
        preload.roots().stream().map(ContentRoot::path).filter(p -> !out.contains(p)).forEach(out::add);
        return out;
    }

    /**
     * The labs checker behind SQL questions of quizzes and exams, made on first use (it reads the
     * dataset files, so never on the UI thread: graders run on worker threads).
     */
    private synchronized campus.certification.sql.LabsSqlGrader sqlGrader() {
        if (sqlGrader == null) {
            sqlGrader = new campus.certification.sql.LabsSqlGrader(
                    campus.labs.dataset.DatasetLibrary.withRoots(contentRoots.get()), campus.labs.sandbox.SandboxLimits.DEFAULT);
        }
        return sqlGrader;
    }

    /**
     * "Certification exam…": the exam context is made once, off the UI thread (it hashes the app's
     * code for the records), then the launcher opens.
     */
    private void openExam(Path dataDir, campus.certification.grading.Grader grader) {
        if (exam == null) {
            exam = java.util.concurrent.CompletableFuture.supplyAsync(() -> campus.app.exam.ExamContext.of(
                    dataDir, campus.app.AppFingerprint.sha256(), grader, events, () -> vm.langProperty().get())
                    .sqlInput(LabContext.sqlInput()), loader);
        }
        exam.whenComplete((ctx, error) -> Platform.runLater(() -> {
            if (error == null) {
                campus.app.exam.ExamLauncher.open(stage, ctx);
            } else {
                exam = null;
                System.err.println("campus: the exam cannot start: " + error);
                view.showError(view.tr().get("app.exam.unavailable"));
            }
        }));
    }

    /** The app's one learning-event sink: labs record here; quizzes and exams should too. */
    public EventLog events() {
        return events;
    }

    /** Lab sessions and drafts; also the source of the SQL editor for quiz and exam questions. */
    public LabContext labs() {
        return labs;
    }

    ShellViewModel viewModel() {
        return vm;
    }

    ShellView view() {
        return view;
    }
}
