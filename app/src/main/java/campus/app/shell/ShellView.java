package campus.app.shell;

import campus.courses.Course;
import campus.i18n.Lang;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
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
    private final List<Runnable> tooltips = new ArrayList<>();

    public ShellView(ShellViewModel vm, Consumer<String> browser) {
        this.vm = vm;
        this.tr = new Tr(vm.langProperty());
        root.getStyleClass().add(Css.SHELL);

        // The first frame is the lesson and the status bar; the bars and the sidebar, whose controls
        // cost most to skin and style, are built by finishStartup() once the lesson is on screen.
        // Until then plain regions of about their size hold their places, so nothing jumps.
        lessonPane = new LessonPane(vm, tr, browser);
        Region topPlaceholder = new Region();
        topPlaceholder.getStyleClass().add(Css.BARS_PLACEHOLDER);
        Region sidebarPlaceholder = new Region();
        sidebarPlaceholder.getStyleClass().add(Css.SIDEBAR_PLACEHOLDER);
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
        courseList.getStyleClass().add(Css.COURSE_LIST);
        courseList.setCellFactory(v -> new CourseCell(tr));
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

        lessonTree = new LessonTree(vm, tr);
        Label coursesHeader = header("app.courses.title");
        Label lessonsHeader = header("app.lessons.title");
        VBox top = new VBox(coursesHeader, courseList);
        VBox bottom = new VBox(lessonsHeader, lessonTree);
        VBox.setVgrow(courseList, Priority.ALWAYS);
        VBox.setVgrow(lessonTree, Priority.ALWAYS);
        SplitPane sidebar = new SplitPane(top, bottom);
        sidebar.setOrientation(Orientation.VERTICAL);
        sidebar.setDividerPositions(0.45);
        sidebar.getStyleClass().add(Css.SIDEBAR);

        SplitPane main = new SplitPane(sidebar, lessonPane);
        main.setDividerPositions(SIDEBAR_SHARE);
        SplitPane.setResizableWithParent(sidebar, false);

        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(main);
        tooltips.forEach(Runnable::run);
        tooltips.clear();
    }

    /** False in the first frame, true once the bars and the sidebar are there. */
    public boolean isComplete() {
        return complete;
    }

    private Label header(String key) {
        Label l = new Label();
        l.textProperty().bind(tr.bind(key));
        l.getStyleClass().add("campus-sidebar-header");
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private void openSelectedCourse() {
        Course c = courseList.getSelectionModel().getSelectedItem();
        if (c != null) {
            vm.openCourse(c);
        }
    }

    private MenuBar menuBar() {
        MenuItem open = item("app.action.open", "Shortcut+O", this::chooseFolder);
        open.setId("menu-open");
        MenuItem reload = item("app.action.reload", "F5", vm::reload);
        MenuItem closeFolders = item("app.action.closeFolders", "Shortcut+Shift+W", vm::closeContentFolders);
        closeFolders.setId("menu-close-folders");
        MenuItem showProblems = item("app.action.problems", "Shortcut+Shift+P", () -> showProblems(!problemsShown()));
        MenuItem exam = item("app.action.exam", "Shortcut+E", () -> onExam.run());
        exam.setId("menu-exam");
        MenuItem exit = item("app.action.quit", "Shortcut+Q", () -> quit.run());
        Menu file = menu("app.menu.file", open, closeFolders, reload, new SeparatorMenuItem(), exam, new SeparatorMenuItem(),
                showProblems, new SeparatorMenuItem(), exit);

        MenuItem language = item("app.action.language", "Shortcut+L", vm::toggleLang);
        language.textProperty().bind(Bindings.createStringBinding(
                () -> tr.get("app.action.language", vm.langProperty().get().other().nativeName()), vm.langProperty()));
        MenuItem zoomIn = item("app.action.zoomIn", "Shortcut+Equals", vm::zoomIn);
        MenuItem zoomOut = item("app.action.zoomOut", "Shortcut+Minus", vm::zoomOut);
        MenuItem zoomReset = item("app.action.zoomReset", "Shortcut+0", vm::zoomReset);
        CheckMenuItem dark = new CheckMenuItem();
        dark.textProperty().bind(tr.bind("app.action.dark"));
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
        dark.setSelected(vm.darkProperty().get());
        vm.darkProperty().addListener((o, was, now) -> dark.setSelected(now));
        dark.setOnAction(e -> {
            if (dark.isSelected() != vm.darkProperty().get()) {
                vm.toggleDark();
            }
        });
        Menu view = menu("app.menu.view", language, new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset,
                new SeparatorMenuItem(), dark);

        MenuItem previous = item("app.nav.previous", "Alt+Left", vm::previous);
        MenuItem next = item("app.nav.next", "Alt+Right", vm::next);
        previous.disableProperty().bind(vm.hasPreviousProperty().not());
        next.disableProperty().bind(vm.hasNextProperty().not());
        MenuItem toCourses = item("app.action.focusCourses", "Shortcut+1", courseList::requestFocus);
        MenuItem toLessons = item("app.action.focusLessons", "Shortcut+2", lessonTree::requestFocus);
        MenuItem toText = item("app.action.focusLesson", "Shortcut+3", () -> lessonPane.scrollPane().requestFocus());
        MenuItem find = item("app.action.find", "Shortcut+F", lessonPane::openFind);
        Menu go = menu("app.menu.go", previous, next, new SeparatorMenuItem(), toCourses, toLessons, toText,
                new SeparatorMenuItem(), find);
        MenuBar bar = new MenuBar(file, view, go);
        bar.setId("menu-bar");
        return bar;
    }

    private ToolBar toolBar() {
        Button open = button("app.action.open", "app.tip.open", this::chooseFolder);
        Button reload = button("app.action.reload", "app.tip.reload", vm::reload);
        Button language = new Button();
        language.setId("toggle-language");
        // The button names the language it switches to, in that language: "中文" or "EN".
        language.textProperty().bind(Bindings.createStringBinding(
                () -> vm.langProperty().get() == Lang.EN ? "中文" : "EN", vm.langProperty()));
        tooltips.add(() -> language.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip(tr.get("app.tip.language")), vm.langProperty())));
        language.setOnAction(e -> vm.toggleLang());
        Button zoomOut = button("app.action.zoomOutShort", "app.tip.zoomOut", vm::zoomOut);
        zoomOut.setId("zoom-out");
        Button zoomIn = button("app.action.zoomInShort", "app.tip.zoomIn", vm::zoomIn);
        zoomIn.setId("zoom-in");
        Label zoom = new Label();
        zoom.setId("zoom-level");
        zoom.textProperty().bind(vm.zoomProperty().asString("%d%%"));
        zoom.setMinWidth(Region.USE_PREF_SIZE);
        ToggleButton dark = new ToggleButton();
        dark.setId("toggle-dark");
        dark.textProperty().bind(Bindings.createStringBinding(
                () -> tr.get(vm.darkProperty().get() ? "app.action.lightShort" : "app.action.darkShort"),
                vm.langProperty(), vm.darkProperty()));
        dark.setSelected(vm.darkProperty().get());
        vm.darkProperty().addListener((o, was, now) -> dark.setSelected(now));
        dark.setOnAction(e -> vm.toggleDark());
        Button problemsButton = new Button();
        problemsButton.setId("show-problems");
        problemsButton.textProperty().bind(Bindings.createStringBinding(
                () -> tr.get("app.problems.button", vm.problems().size()), vm.langProperty(), vm.problems()));
        problemsButton.setOnAction(e -> showProblems(!problemsShown()));
        problemsButton.getStyleClass().add("campus-problems-button");
        vm.problems().addListener((javafx.collections.ListChangeListener<Object>) c -> markProblems(problemsButton));
        markProblems(problemsButton);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox zoomBox = new HBox(4, zoomOut, zoom, zoomIn);
        zoomBox.setAlignment(Pos.CENTER);
        ToolBar bar = new ToolBar(open, reload, new javafx.scene.control.Separator(Orientation.VERTICAL),
                language, zoomBox, dark, gap, problemsButton);
        bar.setId("tool-bar");
        return bar;
    }

    private void markProblems(Button b) {
        b.getStyleClass().remove("danger");
        if (!vm.problems().isEmpty()) {
            b.getStyleClass().add("danger");
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
        HBox bar = new HBox(status);
        bar.getStyleClass().add(Css.STATUS_BAR);
        return bar;
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem m = new MenuItem();
        m.textProperty().bind(tr.bind(key));
        m.setAccelerator(KeyCombination.keyCombination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }

    private Menu menu(String key, MenuItem... items) {
        Menu m = new Menu();
        m.textProperty().bind(tr.bind(key));
        m.getItems().addAll(items);
        return m;
    }

    private Button button(String key, String tip, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(tr.bind(key));
        tooltips.add(() -> b.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(tr.get(tip)), vm.langProperty())));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    /**
     * Shortcuts caught before any control sees them: lists and trees use Ctrl+PgUp/PgDn and
     * Alt+arrows themselves, and a menu item holds one accelerator only (keypad and shifted zoom keys).
     */
    public void installShortcuts(Scene scene) {
        Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
        keys.put(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), vm::previous);
        keys.put(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), vm::next);
        keys.put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), vm::previous);
        keys.put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), vm::next);
        keys.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), vm::zoomIn);
        keys.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), vm::zoomIn);
        keys.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), vm::zoomIn);
        keys.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), vm::zoomOut);
        keys.put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN), vm::zoomReset);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (Map.Entry<KeyCombination, Runnable> k : keys.entrySet()) {
                if (k.getKey().match(e)) {
                    k.getValue().run();
                    e.consume();
                    return;
                }
            }
        });
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

    /** Where lessons get their lab panes. */
    void setQuizzes(QuizHost quizzes) {
        lessonPane.setQuizzes(quizzes);
    }

    /** What "Certification exam…" does; the window sets it. */
    void setOnExam(Runnable onExam) {
        this.onExam = onExam;
    }

    public void setLabs(campus.app.lab.LabContext labs) {
        lessonPane.setLabs(labs);
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
