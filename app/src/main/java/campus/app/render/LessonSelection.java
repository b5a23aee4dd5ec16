package campus.app.render;

import campus.app.theme.MdStyles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Text selection across every {@link SelectableFlow} of one lesson, as on a web page: press and drag
 * from one paragraph into the next, double-click a word, triple-click a block, shift-click to extend.
 * {@code Shortcut+C} copies the selection, or the whole block last clicked when nothing is selected;
 * {@code Shortcut+A} selects the lesson. The context menu copies the selection or the block under the
 * pointer. One controller and one lazily built menu per lesson keep rendering cheap.
 */
final class LessonSelection {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);

    private final List<SelectableFlow> flows = new ArrayList<>();
    private final RenderStrings strings;
    private Parent root;
    private SelectableFlow anchorFlow;
    private int anchorIndex;
    private SelectableFlow focusFlow;
    private int focusIndex;
    private int lowSelected = -1;
    private int highSelected = -1;
    private boolean dragging;
    private SelectableFlow lastClicked;
    private SelectableFlow menuFlow;
    private ContextMenu menu;

    private final EventHandler<KeyEvent> keys = this::onKey;

    LessonSelection(RenderStrings strings) {
        this.strings = strings;
    }

    /** Flows are registered in reading order, which is the order a selection runs through them. */
    void register(SelectableFlow flow) {
        flow.order = flows.size();
        flow.selection = this;
        flows.add(flow);
    }

    List<SelectableFlow> flows() {
        return flows;
    }

    void attach(Parent lessonRoot) {
        this.root = lessonRoot;
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, this::onPress);
        root.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        root.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragging = false);
        root.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::onContextMenu);
        // The scroll pane around the lesson usually owns the focus, so the keys are watched at the scene.
        ChangeListener<Scene> sceneChange = (obs, old, now) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        };
        root.sceneProperty().addListener(sceneChange);
        sceneChange.changed(null, null, root.getScene());
    }

    // ---- selection state ----

    boolean hasSelection() {
        return anchorFlow != null && (anchorFlow != focusFlow || anchorIndex != focusIndex);
    }

    /** The selected text; blocks are joined by line breaks. Empty when nothing is selected. */
    String selectedText() {
        if (!hasSelection()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = lowSelected; i <= highSelected; i++) {
            SelectableFlow f = flows.get(i);
            if (f.selectionEnd() > f.selectionStart()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(f.copyText(f.selectionStart(), f.selectionEnd()));
            }
        }
        return sb.toString();
    }

    void select(SelectableFlow from, int fromIndex, SelectableFlow to, int toIndex) {
        anchorFlow = from;
        anchorIndex = fromIndex;
        focusFlow = to;
        focusIndex = toIndex;
        paint();
    }

    void selectAll() {
        if (!flows.isEmpty()) {
            SelectableFlow last = flows.get(flows.size() - 1);
            select(flows.get(0), 0, last, last.length());
        }
    }

    void clear() {
        anchorFlow = null;
        focusFlow = null;
        paint();
    }

    private void paint() {
        int low = -1;
        int high = -1;
        if (hasSelection()) {
            boolean forward = anchorFlow.order < focusFlow.order
                    || anchorFlow == focusFlow && anchorIndex <= focusIndex;
            SelectableFlow a = forward ? anchorFlow : focusFlow;
            SelectableFlow b = forward ? focusFlow : anchorFlow;
            int ai = forward ? anchorIndex : focusIndex;
            int bi = forward ? focusIndex : anchorIndex;
            low = a.order;
            high = b.order;
            for (int i = low; i <= high; i++) {
                SelectableFlow f = flows.get(i);
                f.select(i == low ? ai : 0, i == high ? bi : f.length());
            }
        }
        for (int i = lowSelected; i >= 0 && i <= highSelected; i++) {
            if (i < low || i > high) {
                flows.get(i).clearSelection();
            }
        }
        lowSelected = low;
        highSelected = high;
    }

    // ---- clipboard ----

    /** Copies the selection, or else the block last clicked; returns what was copied. */
    String copy() {
        String text = hasSelection() ? selectedText() : lastClicked != null ? lastClicked.plainText() : "";
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
        return text;
    }

    // ---- input ----

    private void onPress(MouseEvent e) {
        SelectableFlow flow = flowOf(e.getPickResult().getIntersectedNode());
        if (e.getButton() == MouseButton.SECONDARY) {
            menuFlow = flow;
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (flow == null) {
            if (!insideEmbed(e.getPickResult().getIntersectedNode())) {
                clear();
            }
            return;
        }
        lastClicked = flow;
        int index = flow.indexAt(flow.sceneToLocal(e.getSceneX(), e.getSceneY()));
        if (e.getClickCount() == 2) {
            int[] word = flow.wordAt(index);
            select(flow, word[0], flow, word[1]);
        } else if (e.getClickCount() >= 3) {
            select(flow, 0, flow, flow.length());
        } else if (e.isShiftDown() && anchorFlow != null) {
            select(anchorFlow, anchorIndex, flow, index);
        } else {
            select(flow, index, flow, index);
        }
        dragging = e.getClickCount() == 1;
    }

    private void onDrag(MouseEvent e) {
        if (!dragging || anchorFlow == null) {
            return;
        }
        SelectableFlow target = null;
        SelectableFlow above = null;
        for (SelectableFlow f : flows) {
            Bounds b = f.localToScene(f.getLayoutBounds());
            if (b.contains(e.getSceneX(), e.getSceneY())) {
                target = f;
                break;
            }
            if (b.getMinY() <= e.getSceneY()) {
                above = f;
            }
        }
        if (target != null) {
            select(anchorFlow, anchorIndex, target, target.indexAt(target.sceneToLocal(e.getSceneX(), e.getSceneY())));
        } else if (above != null) {
            // Between blocks: extend to the end of the block above the pointer.
            Point2D p = above.sceneToLocal(e.getSceneX(), e.getSceneY());
            int index = p.getY() > above.getHeight() ? above.length() : above.indexAt(p);
            select(anchorFlow, anchorIndex, above, index);
        } else {
            select(anchorFlow, anchorIndex, flows.get(0), 0);
        }
    }

    private void onKey(KeyEvent e) {
        if (root.getScene() == null || !focusIsAroundLesson(root.getScene().getFocusOwner())) {
            return;
        }
        if (COPY.match(e) && (hasSelection() || lastClicked != null)) {
            copy();
            e.consume();
        } else if (SELECT_ALL.match(e)) {
            selectAll();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && hasSelection()) {
            clear();
            e.consume();
        }
    }

    /** The keys are the lesson's when focus is on the lesson or a container of it, not on a field elsewhere. */
    private boolean focusIsAroundLesson(Node focus) {
        if (focus == null) {
            return true;
        }
        for (Node n = root; n != null; n = n.getParent()) {
            if (n == focus) {
                return true;
            }
        }
        return false;
    }

    private void onContextMenu(ContextMenuEvent e) {
        SelectableFlow flow = menuFlow != null ? menuFlow : flowOf(e.getPickResult().getIntersectedNode());
        if (flow == null && !hasSelection()) {
            return;
        }
        if (!hasSelection() || flow != null && (flow.order < lowSelected || flow.order > highSelected)) {
            clear();
            lastClicked = flow;
        }
        if (menu == null) {
            MenuItem copy = new MenuItem(strings.copy());
            copy.setOnAction(a -> copy());
            MenuItem all = new MenuItem(strings.selectAll());
            all.setOnAction(a -> selectAll());
            menu = new ContextMenu(copy, all);
        }
        menu.show(root, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    static SelectableFlow flowOf(Node n) {
        for (; n != null; n = n.getParent()) {
            if (n instanceof SelectableFlow f) {
                return f;
            }
            if (n.getStyleClass().contains(MdStyles.EMBED) || n.getStyleClass().contains(MdStyles.PAGE)) {
                return null;
            }
        }
        return null;
    }

    private static boolean insideEmbed(Node n) {
        for (; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains(MdStyles.EMBED)) {
                return true;
            }
        }
        return false;
    }
}
