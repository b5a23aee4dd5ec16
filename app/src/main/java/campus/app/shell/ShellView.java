package campus.app.shell;

import campus.app.theme.ShellStyles;
import campus.app.theme.Theme;
import campus.courses.Course;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** The main window's layout: menu and tool bar, course list and lesson tree, lesson, problems. */
public final class ShellView {

    private final ShellViewModel vm;
    private final Tr tr;
    private final BorderPane root = new BorderPane();
    /** The sidebar's share of the window's width. */
    static final double SIDEBAR_SHARE = 0.27;
    private ListView<Course> courseList;
    private LessonTree lessonTree;
    private boolean complete;
    private final LessonPane lessonPane;
    private final VBox bottomBox = new VBox();
    private ProblemsPane problems;
    private BiFunction<Window, String, File> folderChooser = (w, title) -> {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        return c.showDialog(w);
    };
    private Runnable quit = () -> { };
    private Runnable onExam = () -> { };
    private Runnable onProgress = () -> { };
    private campus.app.progress.ProgressModel progress = new campus.app.progress.ProgressModel();
    private final List<Menu> extraMenus = new ArrayList<>();
    private final HBox statusBox = new HBox();

    public ShellView(ShellViewModel vm, Consumer<String> browser) {
        this.vm = vm;
        this.tr = new Tr(vm.langProperty());
        root.getStyleClass().add(ShellStyles.SHELL);

        // The first frame is the lesson and the status bar; the bars and the sidebar, whose controls
        // cost most to skin and style, are built by finishStartup() once the lesson is on screen.
        // Until then plain regions of about their size hold their places, so nothing jumps.
        lessonPane = new LessonPane(vm, tr, browser);
        Region topPlaceholder = new Region();
        topPlaceholder.getStyleClass().add(ShellStyles.BARS_PLACEHOLDER);
        Region sidebarPlaceholder = new Region();
        sidebarPlaceholder.getStyleClass().add(ShellStyles.SIDEBAR_PLACEHOLDER);
        sidebarPlaceholder.prefWidthProperty().bind(root.widthProperty().multiply(SIDEBAR_SHARE));
        BorderPane firstFrame = new BorderPane(lessonPane);
        firstFrame.setLeft(sidebarPlaceholder);
        root.setTop(topPlaceholder);
        root.setCenter(firstFrame);
        root.setBottom(bottomBox);
        bottomBox.getChildren().add(statusBar());

        Theme.zoom(root, vm.zoomProperty().get());
        vm.zoomProperty().addListener((o, was, now) -> Theme.zoom(root, now.intValue()));
        vm.darkProperty().addListener((o, was, now) -> Theme.apply(now));
    }

    /** Parts nobody needs in the first second, built after the first lesson is on screen. */
    public void finishStartup() {
        if (complete) {
            return;
        }
        complete = true;
        lessonPane.completeRender();
        lessonPane.finishStartup();
        courseList = new ListView<>(vm.courses());
        courseList.setId("course-list");
        courseList.getStyleClass().add(ShellStyles.COURSE_LIST);
        courseList.setCellFactory(v -> new CourseCell(tr, progress));
        progress.snapshotProperty().addListener((o, was, now) -> courseList.refresh());
        progress.syllabusProperty().addListener((o, was, now) -> courseList.refresh());
        Label noCourses = new Label();
        noCourses.textProperty().bind(Bindings.when(vm.libraryLoadedProperty())
                .then(tr.bind("app.courses.none")).otherwise(tr.bind("app.loading")));
        courseList.setPlaceholder(noCourses);
        courseList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                openSelectedCourse();
            }
        });
        courseList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelectedCourse();
                e.consume();
            }
        });
        courseList.getSelectionModel().select(vm.selectedCourseProperty().get());
        vm.selectedCourseProperty().addListener((o, was, now) -> courseList.getSelectionModel().select(now));
        vm.langProperty().addListener((o, was, now) -> courseList.refresh());

        lessonTree = new LessonTree(vm, tr, progress);
        Label coursesHeader = header("app.courses.title");
        Label lessonsHeader = header("app.lessons.title");
        VBox top = new VBox(coursesHeader, courseList);
        VBox bottom = new VBox(lessonsHeader, lessonTree);
        VBox.setVgrow(courseList, Priority.ALWAYS);
        VBox.setVgrow(lessonTree, Priority.ALWAYS);
        SplitPane sidebar = new SplitPane(top, bottom);
        sidebar.setOrientation(Orientation.VERTICAL);
        sidebar.setDividerPositions(0.45);
        sidebar.getStyleClass().add(ShellStyles.Hook.SIDEBAR);

        SplitPane main = new SplitPane(sidebar, lessonPane);
        main.setDividerPositions(SIDEBAR_SHARE);
        SplitPane.setResizableWithParent(sidebar, false);

        ShellBars bars = new ShellBars(vm, tr, new ShellBars.Actions(this::chooseFolder,
                () -> showProblems(!problemsShown()), () -> onExam.run(), () -> onProgress.run(), () -> quit.run(),
                courseList::requestFocus, lessonTree::requestFocus, () -> lessonPane.scrollPane().requestFocus(),
                lessonPane::openFind));
        root.setTop(new VBox(bars.menuBar(extraMenus), bars.toolBar()));
        root.setCenter(main);
        bars.bindTooltips();
    }

    /** False in the first frame, true once the bars and the sidebar are there. */
    public boolean isComplete() {
        return complete;
    }

    private Label header(String key) {
        Label l = new Label();
        l.textProperty().bind(tr.bind(key));
        l.getStyleClass().add(ShellStyles.SIDEBAR_HEADER);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private void openSelectedCourse() {
        Course c = courseList.getSelectionModel().getSelectedItem();
        if (c != null) {
            vm.openCourse(c);
        }
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.libraryProperty().get() == null) {
                return tr.get("app.loading");
            }
            return tr.get("app.status.courses", vm.courses().size());
        }, vm.langProperty(), vm.libraryProperty(), vm.courses()));
        statusBox.getChildren().add(status);
        statusBox.getStyleClass().add(ShellStyles.STATUS_BAR);
        return statusBox;
    }

    /** A part of the status bar on its right, e.g. the sync's state; there from the first frame. */
    public void addStatus(javafx.scene.Node part) {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        statusBox.getChildren().addAll(gap, part);
    }

    /** A menu after the shell's own, added to the menu bar when it is built (before {@link #finishStartup}). */
    public void addMenu(Menu menu) {
        extraMenus.add(menu);
    }

    /**
     * Shortcuts caught before any control sees them: lists and trees use Ctrl+PgUp/PgDn and
     * Alt+arrows themselves, and a menu item holds one accelerator only (keypad and shifted zoom keys).
     */
    public void installShortcuts(Scene scene) {
        ShellBars.installShortcuts(vm, scene);
    }

    /** The problems list is built when first shown: most sessions never open it. */
    void showProblems(boolean show) {
        if (problems == null) {
            if (!show) {
                return;
            }
            problems = new ProblemsPane(vm, tr, () -> showProblems(false));
            problems.managedProperty().bind(problems.visibleProperty());
            bottomBox.getChildren().add(0, problems);
        }
        problems.setVisible(show);
    }

    private boolean problemsShown() {
        return problems != null && problems.isVisible();
    }

    private void chooseFolder() {
        File dir = folderChooser.apply(root.getScene() == null ? null : root.getScene().getWindow(),
                tr.get("app.action.open"));
        if (dir != null) {
            vm.addContentFolder(dir.toPath());
        }
    }

    /** Tests replace the native dialog, which a headless toolkit cannot show. */
    public void setFolderChooser(BiFunction<Window, String, File> chooser) {
        this.folderChooser = chooser;
    }

    /** Where lessons get their labs, quizzes and whatever else they embed. */
    public void setEmbeds(campus.app.embed.LessonEmbeds embeds) {
        lessonPane.setEmbeds(embeds);
    }

    /** Hears the moments of the start-up the lesson page goes through (the lesson rendered, its first screen…). */
    public void setMilestones(campus.app.trace.Milestones milestones) {
        lessonPane.setMilestones(milestones);
    }

    /** What "Certification exam…" does; the window sets it. */
    void setOnExam(Runnable onExam) {
        this.onExam = onExam;
    }

    /** What Ctrl+P (Go › Progress) does: open the progress page. */
    void setOnProgress(Runnable onProgress) {
        this.onProgress = onProgress;
    }

    /** The learner's derived progress, shown as ticks and percentages; set before {@link #finishStartup()}. */
    void setProgress(campus.app.progress.ProgressModel progress) {
        this.progress = progress;
    }

    campus.app.progress.ProgressModel progress() {
        return progress;
    }

    public void setOnQuit(Runnable r) {
        this.quit = r;
    }

    public Parent root() {
        return root;
    }

    /** A problem the learner must know about right now, in a dialog over the window. */
    void showError(String text) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, text);
        a.setHeaderText(null);
        a.initOwner(root().getScene() == null ? null : root().getScene().getWindow());
        a.show();
    }

    Tr tr() {
        return tr;
    }

    LessonPane lessonPane() {
        return lessonPane;
    }

    public void afterNextLessonRender(Runnable r) {
        lessonPane.afterNextRender(r);
    }
}
