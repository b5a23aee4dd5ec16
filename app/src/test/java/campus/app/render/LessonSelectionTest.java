package campus.app.render;

import static campus.app.render.LessonFixture.onFx;
import static campus.app.render.LessonFixture.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.theme.MdStyles;
import campus.i18n.BundleCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LessonSelectionTest {

    private static final String MD = "First paragraph here.\n\nSecond one follows.\n\n1. item one\n2. item two\n";

    @BeforeEach
    void clearClipboard() {
        runFx(() -> Clipboard.getSystemClipboard().clear());
    }

    private static String clipboard() {
        return onFx(() -> Clipboard.getSystemClipboard().getString());
    }

    private static SelectableFlow flow(LessonFixture f, int i) {
        return (SelectableFlow) f.all(MdStyles.FLOW).get(i);
    }

    /** A mouse event at a fraction of a node's width and height, picked on that node, fired at it. */
    private static void mouse(EventType<MouseEvent> type, Node node, double fx, double fy, int clicks) {
        onFx(() -> {
            Bounds b = node.localToScene(node.getLayoutBounds());
            double x = b.getMinX() + b.getWidth() * fx;
            double y = b.getMinY() + b.getHeight() * fy;
            Event.fireEvent(node, new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, clicks, false, false, false,
                    false, true, false, false, false, false, false, new PickResult(node, x, y)));
            return null;
        });
    }

    private static void key(LessonFixture f, KeyCode code) {
        onFx(() -> {
            Event.fireEvent(f.lesson.root(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, true, false, false));
            return null;
        });
    }

    @Test
    void draggingFromOneParagraphIntoTheNextSelectsAcrossThem() {
        LessonFixture f = LessonFixture.render(MD);
        mouse(MouseEvent.MOUSE_PRESSED, flow(f, 0), 0.0, 0.5, 1);
        mouse(MouseEvent.MOUSE_DRAGGED, flow(f, 1), 0.999, 0.5, 1);
        LessonSelection sel = selection(f);
        assertEquals("First paragraph here.\nSecond one follows.", onFx(sel::selectedText));
        key(f, KeyCode.C);
        assertEquals("First paragraph here.\nSecond one follows.", clipboard());
    }

    @Test
    void doubleClickSelectsAWordAndTripleClickTheBlock() {
        LessonFixture f = LessonFixture.render(MD);
        LessonSelection sel = selection(f);
        Node firstRun = onFx(() -> flow(f, 0).getChildren().get(0));
        mouse(MouseEvent.MOUSE_PRESSED, firstRun, 0.5, 0.5, 2);
        String word = onFx(sel::selectedText);
        assertTrue(Set.of("paragraph", "here").contains(word), word);
        mouse(MouseEvent.MOUSE_PRESSED, flow(f, 0), 0.5, 0.5, 3);
        assertEquals("First paragraph here.", onFx(sel::selectedText));
    }

    @Test
    void withNothingSelectedShortcutCCopiesTheBlockLastClicked() {
        LessonFixture f = LessonFixture.render(MD);
        mouse(MouseEvent.MOUSE_PRESSED, flow(f, 1), 0.3, 0.5, 1);
        assertFalse(onFx(selection(f)::hasSelection));
        key(f, KeyCode.C);
        assertEquals("Second one follows.", clipboard());
    }

    @Test
    void copiedListItemsKeepTheirNumbers() {
        LessonFixture f = LessonFixture.render(MD);
        runFx(() -> selection(f).selectAll());
        key(f, KeyCode.C);
        assertEquals("First paragraph here.\nSecond one follows.\n1. item one\n2. item two", clipboard());
    }

    @Test
    void escapeClearsTheSelectionAndItsHighlight() {
        LessonFixture f = LessonFixture.render(MD);
        runFx(() -> selection(f).selectAll());
        assertEquals(1, onFx(() -> flow(f, 0).lookupAll("." + MdStyles.SELECTION).size()));
        key(f, KeyCode.ESCAPE);
        assertFalse(onFx(selection(f)::hasSelection));
        assertEquals(0, onFx(() -> flow(f, 0).selectionEnd()));
    }

    @Test
    void inlineImagesCopyAsTheirAltText() {
        LessonFixture f = LessonFixture.render("See ![the diagram](../images/x.png) above.\n");
        assertEquals("See the diagram above.", onFx(() -> flow(f, 0).plainText()));
    }

    @Test
    void codeBlocksAreSelectableFlowsToo() {
        LessonFixture f = LessonFixture.render("```sql\nSELECT 1;\n```\n");
        List<String> texts = f.all(MdStyles.FLOW).stream().map(n -> ((SelectableFlow) n).plainText())
                .collect(Collectors.toList());
        assertEquals(List.of("SELECT 1;"), texts);
    }

    @Test
    void everyRenderStringExistsInBothLanguages() {
        List<String> problems = BundleCheck.problems("campus.app.messages", List.of(Path.of("src/main/java")), Set.of())
                .stream().filter(p -> p.startsWith("app.render.")).collect(Collectors.toList());
        assertEquals(List.of(), problems);
    }

    private static LessonSelection selection(LessonFixture f) {
        return flow(f, 0).selection;
    }
}
