package campus.app.render;

import java.util.List;
import java.util.Map;
import javafx.scene.Node;

/**
 * A lesson turned into JavaFX nodes.
 *
 * @param root    the whole lesson, to put in a scroll pane
 * @param blocks  one node per top-level block, in the order of {@code LessonDocument.blocks()}:
 *                the shell uses the index of the block at the top of the viewport to keep the reading
 *                position when the language changes (both translations have the same structure)
 * @param anchors heading anchor → its node, for in-lesson links
 * @param find    find in this lesson's text
 */
public record RenderedLesson(Node root, List<Node> blocks, Map<String, Node> anchors, LessonFind find) { }
