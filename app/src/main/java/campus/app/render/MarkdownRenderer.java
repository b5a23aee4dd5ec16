package campus.app.render;

import campus.courses.doc.Block;
import campus.courses.doc.LessonDocument;
import campus.i18n.Lang;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lesson document → JavaFX nodes, no WebView. Must be called on the FX thread; does no I/O (images
 * come through {@link RenderHooks#image}).
 *
 * <p>The result is styled only by CSS classes ({@link MdStyles}) and {@link #STYLESHEET}, which uses
 * AtlantaFX's looked-up colours, so it follows the light/dark theme, and {@code em} sizes, so zoom is a
 * single {@code -fx-font-size} on the scene root. Put {@link RenderedLesson#root()} in a
 * {@code ScrollPane} with {@code fitToWidth = true}: the root fills the width and centres a column of
 * readable width. Text is selectable with the mouse across blocks and copied with Shortcut+C or the
 * context menu (see {@link LessonSelection}).
 */
public final class MarkdownRenderer {

    /** The lesson theme, for {@code scene.getStylesheets().add(…)} after the AtlantaFX user-agent theme. */
    public static final String STYLESHEET = Objects.requireNonNull(
            MarkdownRenderer.class.getResource("/campus/app/theme/lesson.css"), "lesson.css").toExternalForm();

    private MarkdownRenderer() {
    }

    /** Renders with English UI strings (Copy, Note…); the lesson text is whatever language {@code doc} is in. */
    public static RenderedLesson render(LessonDocument doc, RenderHooks hooks) {
        return render(doc, hooks, Lang.EN);
    }

    /** Renders with the renderer's own strings (Copy, Note, missing image…) in {@code uiLang}. */
    public static RenderedLesson render(LessonDocument doc, RenderHooks hooks, Lang uiLang) {
        RenderStrings strings = new RenderStrings(uiLang);
        LessonSelection selection = new LessonSelection(strings);
        Map<String, Node> anchors = new LinkedHashMap<>();
        BlockRenderer renderer = new BlockRenderer(hooks, strings, selection, anchors);

        VBox column = new VBox();
        column.getStyleClass().add(MdStyles.LESSON);
        List<Node> blocks = new ArrayList<>(doc.blocks().size());
        for (Block b : doc.blocks()) {
            Node node = renderer.block(b);
            blocks.add(node);
        }
        column.getChildren().setAll(blocks);

        StackPane page = new StackPane(column);
        page.setAlignment(Pos.TOP_CENTER);
        page.getStyleClass().add(MdStyles.PAGE);
        selection.attach(page);
        return new RenderedLesson(page, List.copyOf(blocks), Collections.unmodifiableMap(anchors),
                new LessonFind(selection.flows()));
    }
}
