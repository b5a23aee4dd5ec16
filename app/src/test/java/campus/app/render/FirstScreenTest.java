package campus.app.render;

import static campus.app.render.LessonFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.courses.doc.Block;
import campus.courses.doc.LessonContext;
import campus.courses.doc.LessonDocument;
import campus.courses.doc.LessonParser;
import campus.i18n.Lang;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

class FirstScreenTest {

    private static final String LESSON = "# Title\n\n" + "A paragraph of text. ".repeat(40) + "\n\n"
            + "## Next\n\n```sql\nSELECT 1\n```\n\n" + "- one\n- two\n\n" + "More text.\n\n".repeat(40);

    private static LessonDocument doc() {
        return LessonParser.parse(LESSON, LessonContext.standalone("t.md"));
    }

    @Test
    void aShortScreenTakesFewBlocksAndALongOneAll() {
        List<Block> blocks = doc().blocks();
        int few = FirstScreen.blocks(blocks, 0, 46, 10);
        assertTrue(few >= 1 && few < 5, "blocks for 10em: " + few);
        assertEquals(blocks.size(), FirstScreen.blocks(blocks, 0, 46, 10_000));
    }

    @Test
    void theBlockToRestoreAndAScreenBelowItAreIncluded() {
        List<Block> blocks = doc().blocks();
        int n = FirstScreen.blocks(blocks, 20, 46, 10);
        assertTrue(n > 21, "blocks from 20: " + n);
        assertTrue(n < blocks.size());
    }

    @Test
    void completingAPartialRenderGivesTheSameBlocksAsAFullOne() {
        LessonDocument doc = doc();
        RenderHooks hooks = new LessonFixture();
        List<String> full = onFx(() -> classes(MarkdownRenderer.render(doc, hooks, Lang.EN)));
        List<String> partial = onFx(() -> {
            RenderedLesson r = MarkdownRenderer.render(doc, hooks, Lang.EN, 3);
            assertFalse(r.isComplete());
            assertEquals(3, r.blocks().size());
            r.complete();
            assertTrue(r.isComplete());
            return classes(r);
        });
        assertEquals(full, partial);
        assertEquals(doc.blocks().size(), full.size());
    }

    /** Each block's style classes, and that the column holds exactly the blocks, in order. */
    private static List<String> classes(RenderedLesson r) {
        Pane column = (Pane) ((Pane) r.root()).getChildren().get(0);
        assertEquals(r.blocks(), column.getChildren());
        return r.blocks().stream().map(Node::getStyleClass).map(Object::toString).toList();
    }
}
