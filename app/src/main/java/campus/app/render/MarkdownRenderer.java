package campus.app.render;

import campus.app.theme.MdStyles;
import campus.courses.doc.Block;
import campus.courses.doc.LessonDocument;
import campus.i18n.Lang;
import java.util.ArrayList;
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
        return render(doc, hooks, uiLang, Integer.MAX_VALUE);
    }

    /**
     * Renders only the first {@code firstBlocks} top-level blocks now and the others when
     * {@link RenderedLesson#complete()} is called: the window's first frame then styles and lays out
     * only what it shows (see {@link FirstScreen}). Selection, anchors and blocks grow with the rest.
     */
    public static RenderedLesson render(LessonDocument doc, RenderHooks hooks, Lang uiLang, int firstBlocks) {
        RenderStrings strings = new RenderStrings(uiLang);
        LessonSelection selection = new LessonSelection(strings);
        Map<String, Node> anchors = new LinkedHashMap<>();
        BlockRenderer renderer = new BlockRenderer(hooks, strings, selection, anchors);

        VBox column = new VBox();
        column.getStyleClass().add(MdStyles.LESSON);
        List<Block> all = doc.blocks();
        int now = Math.max(0, Math.min(firstBlocks, all.size()));
        List<Node> blocks = new ArrayList<>(all.size());
        for (Block b : all.subList(0, now)) {
            blocks.add(renderer.block(b));
        }
        column.getChildren().setAll(blocks);

        StackPane page = new StackPane(column);
        page.setAlignment(Pos.TOP_CENTER);
        page.getStyleClass().add(MdStyles.PAGE);
        selection.attach(page);
        Runnable rest = now == all.size() ? null : () -> {
            List<Node> more = new ArrayList<>(all.size() - now);
            for (Block b : all.subList(now, all.size())) {
                more.add(renderer.block(b));
            }
            blocks.addAll(more);
            column.getChildren().addAll(more);
        };
        return new RenderedLesson(page, blocks, anchors, new LessonFind(selection.flows()), rest);
    }
}
