package campus.app.lab;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;

/**
 * Brings a node into view in the scroll pane around it (the lesson), scrolling as little as possible: a lab's result or
 * error appears below its editor, and an editor near the bottom of the window would otherwise hide what the learner
 * just asked for. Nothing moves when the node is already in view or there is no scroll pane.
 *
 * <p>A scroll pane that keeps its own reading position (the lesson's) puts a {@code Runnable} under {@link #REVEALED} in
 * its properties: it runs after such a scroll, so the pane takes the new place as the reader's.
 */
public final class ScrollReveal {

    /** Key, in a scroll pane's properties, of a {@code Runnable} run after this class scrolled it. */
    public static final String REVEALED = "campus.scrollRevealed";

    private ScrollReveal() {
    }

    static void reveal(Node target) {
        ScrollPane scroll = enclosing(target);
        if (scroll == null || scroll.getContent() == null || !target.isVisible()) {
            return;
        }
        scroll.applyCss();
        scroll.layout();
        Node content = scroll.getContent();
        double viewport = scroll.getViewportBounds().getHeight();
        double range = content.getLayoutBounds().getHeight() - viewport;
        if (viewport <= 0 || range <= 0) {
            return;
        }
        double top = scroll.getVvalue() * range;
        double want = wantedTop(top, viewport, content.sceneToLocal(target.localToScene(target.getBoundsInLocal())));
        if (want != top) {
            scroll.setVvalue(Math.max(0, Math.min(1, want / range)));
            if (scroll.getProperties().get(REVEALED) instanceof Runnable revealed) {
                revealed.run();
            }
        }
    }

    /**
     * Where the viewport's top should be so that {@code b} (in content coordinates) is in view: unchanged when it is,
     * else scrolled as little as possible, its bottom into view but never past its top.
     */
    private static double wantedTop(double top, double viewport, Bounds b) {
        if (b.getMaxY() > top + viewport) {
            return Math.min(b.getMinY(), b.getMaxY() - viewport);
        }
        if (b.getMinY() < top) {
            return b.getMinY();
        }
        return top;
    }

    private static ScrollPane enclosing(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s) {
                return s;
            }
        }
        return null;
    }
}
