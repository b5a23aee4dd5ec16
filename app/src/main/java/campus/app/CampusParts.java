package campus.app;

import campus.app.concurrent.DaemonThreads;
import campus.app.embed.ContentScans;
import campus.app.embed.LessonEmbeds;
import campus.app.exam.ExamContext;
import campus.app.exam.ExamLauncher;
import campus.app.lab.LabEmbedder;
import campus.app.quiz.QuizEmbedder;
import campus.app.shell.CampusWindow;
import campus.app.shell.ContentWatcher;
import campus.app.shell.ShellViewModel;
import campus.app.state.AppState;
import campus.app.sync.SyncViewModel;
import campus.app.trace.Milestones;
import campus.certification.grading.Grader;
import campus.certification.sql.LabsSqlGrader;
import campus.courses.ContentRoot;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.SandboxLimits;
import campus.progress.store.ProgressStore;
import campus.progress.sync.AutoSync;
import campus.progress.sync.ServerClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The app's composition root: builds the parts of one window (the background threads, the shell's
 * view model, the learning-event store, the host of what lessons embed with its labs and quizzes, the
 * graders, sync and the watch on opened folders), hands them to the {@link CampusWindow}, and closes
 * them when the window has saved its state. No other class builds these.
 */
public final class CampusParts implements CampusWindow.Parts {

    private final ExecutorService loader = DaemonThreads.singleThread("campus-load");
    private final ExecutorService stateWriter = DaemonThreads.singleThread("campus-state");
    /** Walks the content roots, once per loaded library, for every catalogue (see {@link ContentScans}). */
    private final ExecutorService scanner = DaemonThreads.singleThread("campus-scan");
    /** Stamps new events; corrected by the server's clock when a sync finds this one off by more than 5 minutes. */
    private final ServerClock serverClock = new ServerClock();
    private final Path dataDir;
    private final ShellViewModel vm;
    private final ProgressStore events;
    private final ContentScans contentScans;
    private final LessonEmbeds embeds;
    private final Grader grader;
    private final SyncViewModel sync;
    private final ContentWatcher watcher;
    private LabsSqlGrader sqlGrader;
    private CompletableFuture<ExamContext> exam;
    private boolean closed;

    private final java.util.Optional<Path> examPackage;
    private final Milestones milestones;

    CampusParts(Preload preload, AppState s) {
        dataDir = preload.store().file().getParent();
        examPackage = preload.options().examPackage();
        milestones = preload.milestones();
        vm = new ShellViewModel(preload.store(), preload.roots(), s, loader, Platform::runLater, stateWriter);
        vm.useLessonCache(preload.lessons());
        // Takes events from the first click; the file opens after the first frame (see CampusWindow).
        events = ProgressStore.deferred(dataDir, serverClock, DaemonThreads.named("campus-progress"));
        // One walk of the roots per loaded library, read by the lessons' labs and quizzes, the syllabus and the SQL grader.
        contentScans = new ContentScans(() -> labRoots(preload), scanner);
        grader = Grader.withSql((spec, sql) -> sqlGrader().grade(spec, sql));
        embeds = LessonEmbeds.create(contentScans, dataDir, events, grader);
        embeds.with(LessonEmbeds.LAB, new LabEmbedder(embeds))
                .with(LessonEmbeds.QUIZ, new QuizEmbedder(embeds, LabEmbedder.sqlInput()));
        AutoSync auto = new AutoSync(dataDir, () -> events, DaemonThreads.named("campus-sync"));
        auto.addListener(state -> serverClock.measured(state.skewMs()));
        sync = new SyncViewModel(auto, Platform::runLater);
        // A change seen just before the window closed must not reach the stopped loader.
        watcher = new ContentWatcher(() -> Platform.runLater(() -> {
            if (!closed) {
                vm.reload();
            }
        }));
        vm.setOnRootsChanged(() -> watcher.watch(vm.userFolders()));
    }

    /**
     * Builds the parts and the window in {@code stage} and shows it; on the UI thread, the toolkit
     * started. {@code browser} opens web addresses.
     */
    public static CampusWindow open(Stage stage, Preload preload, Consumer<String> browser) {
        preload.milestones().reached("toolkit started");
        // Ready long before the toolkit is: it is a small file read first on the preload thread.
        AppState s = preload.state().join();
        CampusParts parts = new CampusParts(preload, s);
        CampusWindow window = new CampusWindow(stage, s, parts, browser);
        parts.sync.start();
        Measuring.attach(window);
        window.show(preload.opening());
        return window;
    }

    @Override
    public ShellViewModel viewModel() {
        return vm;
    }

    @Override
    public ProgressStore events() {
        return events;
    }

    @Override
    public LessonEmbeds embeds() {
        return embeds;
    }

    @Override
    public ContentScans contentScans() {
        return contentScans;
    }

    @Override
    public Milestones milestones() {
        return milestones;
    }

    @Override
    public SyncViewModel sync() {
        return sync;
    }

    /** Content roots for the catalogs: opened folders first (they shadow shipped content), then the shipped ones. */
    private List<Path> labRoots(Preload preload) {
        List<Path> out = new ArrayList<>(vm.userFolders());
        preload.roots().stream().map(ContentRoot::path).filter(p -> !out.contains(p)).forEach(out::add);
        return out;
    }

    /**
     * The labs checker behind SQL questions of quizzes and exams, made on first use (it reads the
     * dataset files, so never on the UI thread: graders run on worker threads).
     */
    private synchronized LabsSqlGrader sqlGrader() {
        if (sqlGrader == null) {
            sqlGrader = new LabsSqlGrader(DatasetLibrary.of(contentScans.latest().join()), SandboxLimits.DEFAULT);
        }
        return sqlGrader;
    }

    /**
     * "Certification exam…": the exam context is made once, off the UI thread (it hashes the app's
     * code for the records), then the launcher opens.
     */
    @Override
    public void openExam(Stage owner, Path pkg, Consumer<Throwable> failed) {
        if (exam == null) {
            exam = CompletableFuture.supplyAsync(() -> ExamContext.of(
                    dataDir, AppFingerprint.sha256(), grader, events, () -> vm.langProperty().get())
                    .sqlInput(LabEmbedder.sqlInput()), loader);
        }
        exam.whenComplete((ctx, error) -> Platform.runLater(() -> {
            if (error == null) {
                ExamLauncher launcher = ExamLauncher.open(owner, ctx);
                if (pkg != null) {
                    launcher.openPackage(pkg);
                }
            } else {
                exam = null;
                System.err.println("campus: the exam cannot start: " + error);
                failed.accept(error);
            }
        }));
    }

    @Override
    public java.util.Optional<Path> examPackage() {
        return examPackage;
    }

    /** Stops the watch, the labs and quizzes, the graders, the store and sync, then waits (briefly) for the state write. */
    @Override
    public void close() {
        closed = true;
        watcher.close();
        embeds.close();
        synchronized (this) {
            if (sqlGrader != null) {
                sqlGrader.close();
            }
        }
        events.close();
        sync.close();
        loader.shutdownNow();
        scanner.shutdownNow();
        stateWriter.shutdown();
        try {
            stateWriter.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
