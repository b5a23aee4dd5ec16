package campus.app.render;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;

/**
 * A lesson turned into JavaFX nodes, possibly only its first blocks so far (see
 * {@link MarkdownRenderer#render(campus.courses.doc.LessonDocument, RenderHooks, campus.i18n.Lang, int)}):
 * {@link #complete()} renders the rest.
 */
public final class RenderedLesson {

    private final Node root;
    private final List<Node> blocks;
    private final Map<String, Node> anchors;
    private final LessonFind find;
    private Runnable rest;

    RenderedLesson(Node root, List<Node> blocks, Map<String, Node> anchors, LessonFind find, Runnable rest) {
        this.root = root;
        this.blocks = Collections.unmodifiableList(blocks);
        this.anchors = Collections.unmodifiableMap(anchors);
        this.find = find;
        this.rest = rest;
    }

    /** The whole lesson, to put in a scroll pane. */
    public Node root() {
        return root;
    }

    /**
     * One node per top-level block rendered so far, in the order of {@code LessonDocument.blocks()}:
     * the shell uses the index of the block at the top of the viewport to keep the reading position
     * when the language changes (both translations have the same structure).
     */
    public List<Node> blocks() {
        return blocks;
    }

    /** Heading anchor → its node, for in-lesson links (of the blocks rendered so far). */
    public Map<String, Node> anchors() {
        return anchors;
    }

    /** Find in the lesson's text (of the blocks rendered so far: {@link #complete()} first to search it all). */
    public LessonFind find() {
        return find;
    }

    /** False while only the first blocks are rendered. */
    public boolean isComplete() {
        return rest == null;
    }

    /** Renders the blocks not rendered yet, if any. FX thread. */
    public void complete() {
        Runnable r = rest;
        rest = null;
        if (r != null) {
            r.run();
        }
    }
}
