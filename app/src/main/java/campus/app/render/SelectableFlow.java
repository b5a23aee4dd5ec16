package campus.app.render;

import campus.app.theme.MdStyles;
import java.text.BreakIterator;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A block of wrapped text whose characters the learner can select with the mouse and copy.
 * JavaFX's {@link TextFlow} lays out and hit-tests text but has no selection, so this adds one: a
 * highlight path behind the text, driven by {@link LessonSelection} across all flows of a lesson.
 *
 * <p>Indices are those of the flow's text layout: each {@link Text} child counts its characters, each
 * other child (an inline image) counts one. {@link #copyText} maps them back to plain text.
 */
final class SelectableFlow extends TextFlow {

    private static final char EMBEDDED = '\uFFFC';

    private final StringBuilder layoutText = new StringBuilder();
    /** Layout index of an embedded node → the text it copies as (an image's alt text). */
    private final Map<Integer, String> embedded = new TreeMap<>();
    private String copyPrefix = "";
    /** Highlight layers behind the text, bottom to top: the selection, find's matches, find's current match. */
    private static final int SELECTION = 0;
    private static final int MATCHES = 1;
    private static final int CURRENT = 2;
    private static final String[] LAYER_STYLES = {MdStyles.SELECTION, MdStyles.FIND_MATCH, MdStyles.FIND_CURRENT};
    /** Each layer's path (made on first use) and the ranges it draws, pairs of [from, to). */
    private final Path[] layers = new Path[LAYER_STYLES.length];
    private final int[][] layerRanges = {{}, {}, {}};
    /** The width the highlight paths were computed for: a new width (resize, zoom) re-wraps the text. */
    private double markedWidth = -1;
    private int selStart;
    private int selEnd;
    int order = -1;
    /** The lesson's selection this flow belongs to; set when registered. */
    LessonSelection selection;

    SelectableFlow(String... styleClasses) {
        getStyleClass().add(MdStyles.FLOW);
        getStyleClass().addAll(styleClasses);
    }

    Text addText(String text, String... styleClasses) {
        Text t = new Text(text);
        t.getStyleClass().add(MdStyles.TEXT);
        t.getStyleClass().addAll(styleClasses);
        getChildren().add(t);
        layoutText.append(text);
        return t;
    }

    void addNode(Node node, String copyAs) {
        embedded.put(layoutText.length(), copyAs);
        layoutText.append(EMBEDDED);
        getChildren().add(node);
    }

    /** Copied in front of the text when a selection includes the flow's start, e.g. a list number. */
    void setCopyPrefix(String prefix) {
        copyPrefix = prefix;
    }

    int length() {
        return layoutText.length();
    }

    boolean isEmptyText() {
        return layoutText.length() == 0;
    }

    /** The whole block as plain text. */
    String plainText() {
        return copyText(0, length());
    }

    String copyText(int from, int to) {
        StringBuilder sb = new StringBuilder(to - from + copyPrefix.length());
        if (from == 0 && to > 0) {
            sb.append(copyPrefix);
        }
        for (int i = from; i < to; i++) {
            char c = layoutText.charAt(i);
            String alt = c == EMBEDDED ? embedded.get(i) : null;
            if (alt != null) {
                sb.append(alt);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The caret position nearest to a point in this flow's coordinates. */
    int indexAt(Point2D local) {
        // JavaFX 21's hitTest and rangeShape work in text-layout coordinates, ignoring padding.
        Insets in = getInsets();
        int i = hitTest(new Point2D(local.getX() - in.getLeft(), local.getY() - in.getTop())).getInsertionIndex();
        return Math.max(0, Math.min(length(), i));
    }

    /** [start, end) of the word around {@code index}. */
    int[] wordAt(int index) {
        BreakIterator words = BreakIterator.getWordInstance();
        words.setText(layoutText.toString());
        int i = Math.max(0, Math.min(index, length() - 1));
        int end = words.following(i);
        int start = words.previous();
        return new int[] {start, end == BreakIterator.DONE ? length() : end};
    }

    int selectionStart() {
        return selStart;
    }

    int selectionEnd() {
        return selEnd;
    }

    void select(int from, int to) {
        from = Math.max(0, Math.min(from, length()));
        to = Math.max(from, Math.min(to, length()));
        if (from == selStart && to == selEnd) {
            return;
        }
        selStart = from;
        selEnd = to;
        paint(SELECTION, range(from, to));
    }

    void clearSelection() {
        select(0, 0);
    }

    /** The flow's text as laid out (embedded nodes as U+FFFC), which find searches. */
    String layoutText() {
        return layoutText.toString();
    }

    /** Find: marks every range {@code [from, to)} in {@code ranges} (pairs), or none for an empty array. */
    void markMatches(int[] ranges) {
        paint(MATCHES, ranges);
    }

    /** Find: marks the current match, or none when {@code from == to}. */
    void markCurrent(int from, int to) {
        paint(CURRENT, range(from, to));
    }

    private static int[] range(int from, int to) {
        return from == to ? new int[0] : new int[] {from, to};
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double w = getWidth();
        if (w != markedWidth) {
            markedWidth = w;
            // the text wrapped anew: redraw what is highlighted on it
            for (int layer = 0; layer < layers.length; layer++) {
                if (layerRanges[layer].length > 0) {
                    paint(layer, layerRanges[layer]);
                }
            }
        }
    }

    /** The bounds of {@code [from, to)} in this flow's coordinates. */
    javafx.geometry.Bounds rangeBounds(int from, int to) {
        Path p = new Path(rangeShape(from, to));
        javafx.geometry.Bounds b = p.getBoundsInLocal();
        Insets in = getInsets();
        return new javafx.geometry.BoundingBox(b.getMinX() + in.getLeft(), b.getMinY() + in.getTop(), b.getWidth(), b.getHeight());
    }

    /** Draws one highlight layer over {@code ranges} (pairs), or clears it for none. */
    private void paint(int layer, int[] ranges) {
        layerRanges[layer] = ranges;
        Path path = layers[layer];
        if (ranges.length == 0) {
            if (path != null) {
                path.getElements().clear();
            }
            return;
        }
        if (path == null) {
            path = new Path();
            path.getStyleClass().add(LAYER_STYLES[layer]);
            path.setManaged(false);
            path.setMouseTransparent(true);
            int at = 0; // behind the text, above the layers below it
            for (int below = 0; below < layer; below++) {
                at += layers[below] != null ? 1 : 0;
            }
            getChildren().add(at, path);
            layers[layer] = path;
        }
        Insets in = getInsets();
        path.setTranslateX(in.getLeft());
        path.setTranslateY(in.getTop());
        java.util.List<javafx.scene.shape.PathElement> elements = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < ranges.length; i += 2) {
            elements.addAll(java.util.Arrays.asList(rangeShape(ranges[i], ranges[i + 1])));
        }
        path.getElements().setAll(elements);
    }
}
