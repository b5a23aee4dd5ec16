package campus.app.render;

import campus.courses.doc.Block;
import campus.courses.doc.Inline;
import campus.courses.doc.LessonDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Lesson document → JavaFX nodes. Must be called on the FX thread. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    // First cut: one wrapped label per block. The full renderer replaces this body.
    public static RenderedLesson render(LessonDocument doc, RenderHooks hooks) {
        VBox root = new VBox();
        root.getStyleClass().add("md-lesson");
        List<Node> blocks = new ArrayList<>();
        Map<String, Node> anchors = new LinkedHashMap<>();
        for (Block b : doc.blocks()) {
            String text = b instanceof Block.Heading h ? Inline.plain(h.content())
                    : b instanceof Block.Paragraph p ? Inline.plain(p.content()) : b.getClass().getSimpleName();
            Label l = new Label(text);
            l.setWrapText(true);
            if (b instanceof Block.Heading h) {
                anchors.put(h.anchor(), l);
            }
            blocks.add(l);
            root.getChildren().add(l);
        }
        return new RenderedLesson(root, blocks, anchors);
    }
}
