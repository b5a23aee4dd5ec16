package campus.app.lab;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;

/**
 * Brings a node into view in the scroll pane around it (the lesson), scrolling as little as possible: a lab's result or
 * error appears below its editor, and an editor near the bottom of the window would otherwise hide what the learner
 * just asked for. Nothing moves when the node is already in view or there is no scroll pane.
 */
final class ScrollReveal {

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
        Bounds b = content.sceneToLocal(target.localToScene(target.getBoundsInLocal()));
        double viewport = scroll.getViewportBounds().getHeight();
        double range = content.getLayoutBounds().getHeight() - viewport;
        if (b == null || viewport <= 0 || range <= 0) {
            return;
        }
        double top = scroll.getVvalue() * range;
        double want = top;
        if (b.getMaxY() > top + viewport) {
            want = Math.min(b.getMinY(), b.getMaxY() - viewport);   // its bottom into view, never past its top
        } else if (b.getMinY() < top) {
            want = b.getMinY();
        }
        if (want != top) {
            scroll.setVvalue(Math.max(0, Math.min(1, want / range)));
        }
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
