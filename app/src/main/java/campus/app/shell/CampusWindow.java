package campus.app.shell;

import campus.app.embed.ContentScans;
import campus.app.embed.LessonEmbeds;
import campus.app.theme.Theme;
import campus.app.progress.ProgressModel;
import campus.app.state.AppState;
import campus.app.sync.SyncViewModel;
import campus.app.trace.Milestones;
import campus.progress.store.ProgressStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the shell in a stage: theme, saved window bounds, the progress page and sync controls, the
 * rest of the shell after the first frame, and saving the state when the window closes. What it
 * shows and works with is built by the app's composition root and handed in as {@link Parts}.
 */
public final class CampusWindow {

    /** What the composition root built for one window. */
    public interface Parts {

        ShellViewModel viewModel();

        /** The app's one learning-event sink: labs, quizzes and exams record here. */
        ProgressStore events();

        LessonEmbeds embeds();

        /** The one walk of the content roots per loaded library, which the lessons' embeds read too. */
        ContentScans contentScans();

        SyncViewModel sync();

        /** Hears the moments of the window's start-up ("theme set", "window shown", "lesson rendered"…). */
        Milestones milestones();

        /**
         * "Certification exam…": opens the exam launcher over {@code owner}, with {@code pkg} (or null) chosen in it;
         * {@code failed} hears why it could not.
         */
        void openExam(Stage owner, Path pkg, Consumer<Throwable> failed);

        /** An exam package given on the command line (a double-clicked file), opened once the window shows. */
        java.util.Optional<Path> examPackage();

        /** Closes everything the parts hold; the window has saved its state by then. */
        void close();
    }

    private final Stage stage;
    private final Parts parts;
    private final ShellViewModel vm;
    private final ShellView view;
    private final ProgressStore events;
    private final ProgressWiring progress;
    private final ProgressPage progressPage;
    private final Milestones milestones;
    private final List<Runnable> whenComplete = new ArrayList<>();
    private double normalX;
    private double normalY;
    private double normalW;
    private double normalH;

    /** Builds the window on the UI thread; {@link #show} then opens it. */
    public CampusWindow(Stage stage, AppState s, Parts parts, Consumer<String> browser) {
        this.stage = stage;
        this.parts = parts;
        this.milestones = parts.milestones();
        Theme.apply(s.dark());
        milestones.reached("theme set");
        vm = parts.viewModel();
        view = new ShellView(vm, browser);
        view.setMilestones(milestones);
        events = parts.events();
        view.setEmbeds(parts.embeds());
        view.setOnExam(() -> parts.openExam(stage, null, error -> view.showError(view.tr().get("app.exam.unavailable"))));
        parts.examPackage().ifPresent(pkg -> Platform.runLater(() -> parts.openExam(stage, pkg,
                error -> view.showError(view.tr().get("app.exam.unavailable")))));
        ProgressModel progressModel = new ProgressModel();
        view.setProgress(progressModel);
        progress = new ProgressWiring(vm, events, progressModel, parts.contentScans(), milestones);
        progressPage = new ProgressPage(vm, progressModel, view.tr());
        view.setOnProgress(() -> progressPage.show(stage));
        milestones.reached("view built");
        view.setOnQuit(stage::close);
        view.addStatus(campus.app.sync.SyncStatusView.create(parts.sync(), vm.langProperty(), this::signIn));
        view.addMenu(campus.app.sync.SyncMenu.create(parts.sync(), vm.langProperty(), this::signIn, stage));

        Scene scene = new Scene(view.root(), s.hasWindowBounds() ? s.width() : 1200, s.hasWindowBounds() ? s.height() : 800);
        Theme.addStylesheets(scene);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(this::title,
                vm.langProperty(), vm.lessonProperty()));
        placeWindow(s);
        stage.setOnHidden(e -> close());
        // The rest of the shell is built once the first frame is laid out, whether it has a lesson or
        // not (no courses, or a lesson that is still loading).
        afterNextPulse(scene, () -> Platform.runLater(() -> {
            view.finishStartup();
            milestones.reached("shell completed");
            afterNextPulse(scene, () -> {
                milestones.reached("second frame laid out (whole lesson, bars, sidebar)");
                // The progress store opens and is read once the window is complete, so it does not compete
                // with the first two frames for the CPU.
                openProgress();
                whenComplete.forEach(Runnable::run);
            });
        }));
    }

    /**
     * Shows the window. Usually the preload thread has read the lesson by now: it goes into the first
     * frame. If not, the window shows without it and the lesson follows when read.
     */
    public void show(CompletableFuture<Opening> opening) {
        if (opening.isDone() && !opening.isCompletedExceptionally()) {
            vm.start(opening.join());
        } else {
            vm.start(opening);
        }
        milestones.reached("window built");
        stage.show();
        milestones.reached("window shown");
    }

    /** Opens the sign-in dialog (Ctrl+Shift+S). */
    public void signIn() {
        campus.app.sync.SignInDialog.create(stage, parts.sync(), vm.langProperty()).show();
    }

    /** The scene the window shows. */
    public Scene scene() {
        return stage.getScene();
    }

    /** Runs {@code r} once the next lesson is in the scene and the pulse after that has laid it out. */
    public void afterNextLessonLaidOut(Runnable r) {
        view.afterNextLessonRender(() -> afterNextPulse(stage.getScene(), r));
    }

    /** Runs {@code r} once the whole window (bars, sidebar) is laid out, after the second frame. */
    public void whenComplete(Runnable r) {
        whenComplete.add(r);
    }

    /** The learner's derived progress the window shows. */
    public ProgressModel progress() {
        return view.progress();
    }

    private String title() {
        OpenLesson open = vm.lessonProperty().get();
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

    /** Runs {@code r} once, when the scene's next pulse has laid it out (the frame is then drawn). */
    private static void afterNextPulse(Scene scene, Runnable r) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            r.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Saves the window and reading state, then closes the parts (which wait, briefly, until it is on disk). */
    public void close() {
        vm.setWindow(normalX, normalY, normalW, normalH, stage.isMaximized());
        vm.remember();
        progress.close();
        if (progressPage.isShowing()) {
            progressPage.stage().close();
        }
        parts.close();
    }

    /**
     * Opens the progress store off the UI thread and says so if it was damaged or could not be opened, or later if
     * it cannot store what is recorded.
     */
    private void openProgress() {
        // Events the disk refuses (a full disk) wait in the store, which says so once, on its own thread.
        events.onProblem(m -> Platform.runLater(() -> view.showError(m.in(vm.langProperty().get()))));
        events.startOpening();
        progress.start(view.lessonPane());
        events.ready().whenComplete((ok, error) -> {
            List<campus.i18n.Msg> shown = new ArrayList<>();
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                shown.add(cause instanceof campus.progress.store.StoreUnavailableException u ? u.msg()
                        : campus.i18n.Msg.of("progress.store.unavailable", events.file().toString(), String.valueOf(cause)));
            } else {
                shown.addAll(events.notices());
            }
            for (campus.i18n.Msg m : shown) {
                System.err.println("campus: " + m.in(campus.i18n.Lang.EN));
            }
            if (error != null || shown.stream().anyMatch(m -> m.key().equals("progress.store.damaged"))) {
                Platform.runLater(() -> shown.forEach(m -> view.showError(m.in(vm.langProperty().get()))));
            }
        });
    }

    /** The app's one learning-event sink: labs, quizzes and exams record here. */
    public ProgressStore events() {
        return events;
    }

    ShellViewModel viewModel() {
        return vm;
    }

    ShellView view() {
        return view;
    }

    ProgressPage progressPage() {
        return progressPage;
    }
}
