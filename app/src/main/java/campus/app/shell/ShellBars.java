package campus.app.shell;

import campus.app.theme.ShellStyles;
import campus.i18n.Lang;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window's menu bar, tool bar and keyboard shortcuts: every command the learner can give the
 * shell, bound to the view model or to what the window does ({@link Actions}).
 */
final class ShellBars {

    /** What the bars do beyond the view model: the window's parts and the commands it sets up. */
    record Actions(Runnable chooseFolder, Runnable toggleProblems, Runnable exam, Runnable progress, Runnable quit,
                   Runnable focusCourses, Runnable focusLessons, Runnable focusLesson, Runnable find) {
    }

    private final ShellViewModel vm;
    private final Tr tr;
    private final Actions actions;
    /** Tooltips bound once the bars are in the scene: binding them costs the first frame for nothing. */
    private final List<Runnable> tooltips = new ArrayList<>();

    ShellBars(ShellViewModel vm, Tr tr, Actions actions) {
        this.vm = vm;
        this.tr = tr;
        this.actions = actions;
    }

    /** Binds the tool bar's tooltips; after the bars are in the window. */
    void bindTooltips() {
        tooltips.forEach(Runnable::run);
        tooltips.clear();
    }

    /** File, View, Go, and the menus others add ({@code extraMenus}). */
    MenuBar menuBar(List<Menu> extraMenus) {
        MenuItem open = item("app.action.open", "Shortcut+O", actions.chooseFolder());
        open.setId("menu-open");
        MenuItem reload = item("app.action.reload", "F5", vm::reload);
        MenuItem closeFolders = item("app.action.closeFolders", "Shortcut+Shift+W", vm::closeContentFolders);
        closeFolders.setId("menu-close-folders");
        MenuItem showProblems = item("app.action.problems", "Shortcut+Shift+P", actions.toggleProblems());
        MenuItem exam = item("app.action.exam", "Shortcut+E", actions.exam());
        exam.setId("menu-exam");
        MenuItem exit = item("app.action.quit", "Shortcut+Q", actions.quit());
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
        MenuItem toCourses = item("app.action.focusCourses", "Shortcut+1", actions.focusCourses());
        MenuItem toLessons = item("app.action.focusLessons", "Shortcut+2", actions.focusLessons());
        MenuItem toText = item("app.action.focusLesson", "Shortcut+3", actions.focusLesson());
        MenuItem find = item("app.action.find", "Shortcut+F", actions.find());
        MenuItem showProgress = item("app.action.progress", "Shortcut+P", actions.progress());
        showProgress.setId("menu-progress");
        Menu go = menu("app.menu.go", previous, next, new SeparatorMenuItem(), toCourses, toLessons, toText,
                new SeparatorMenuItem(), find, new SeparatorMenuItem(), showProgress);
        MenuBar bar = new MenuBar(file, view, go);
        bar.getMenus().addAll(extraMenus);
        bar.setId("menu-bar");
        return bar;
    }

    /** Open, reload, language, zoom, light or dark, and the problems button. */
    ToolBar toolBar() {
        Button open = button("app.action.open", "app.tip.open", actions.chooseFolder());
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
        problemsButton.setOnAction(e -> actions.toggleProblems().run());
        problemsButton.getStyleClass().add(ShellStyles.Hook.PROBLEMS_BUTTON);
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
        b.getStyleClass().remove(atlantafx.base.theme.Styles.DANGER);
        if (!vm.problems().isEmpty()) {
            b.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        }
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
    static void installShortcuts(ShellViewModel vm, Scene scene) {
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
}
