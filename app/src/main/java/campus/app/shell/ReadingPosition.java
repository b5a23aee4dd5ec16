package campus.app.shell;

import campus.app.render.RenderedLesson;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;

/**
 * Where the learner reads in the lesson on screen: the index of the block at the top of the viewport
 * (the same in both translations) and how far into it the viewport starts. Kept when the page or the
 * viewport changes height (window opening, resize, zoom, images arriving, a lab's rows), so the reader
 * stays at the same block rather than at the same fraction; reported to the view model as the learner
 * scrolls.
 */
final class ReadingPosition {

    private final ShellViewModel vm;
    private final ScrollPane scroll;
    private final StackPane page;
    private final Supplier<RenderedLesson> rendered;
    private boolean restoring;
    private Node pendingTarget;
    private boolean keepQueued;
    /** Pixels from the top of the reading block to the top of the viewport (see {@link #noteReadingPosition()}). */
    private double readingOffset;

    ReadingPosition(ShellViewModel vm, ScrollPane scroll, StackPane page, Supplier<RenderedLesson> rendered) {
        this.vm = vm;
        this.scroll = scroll;
        this.page = page;
        this.rendered = rendered;
        // A lab's result or error that appears below the window is scrolled into view: the reading position follows
        // (otherwise keeping it would scroll straight back).
        scroll.getProperties().put(campus.app.lab.ScrollReveal.REVEALED, (Runnable) () -> {
            if (rendered.get() != null) {
                pendingTarget = null;
                noteReadingPosition();
            }
        });
        page.heightProperty().addListener((o, was, now) -> keepPosition());
        scroll.viewportBoundsProperty().addListener((o, was, now) -> {
            if (was.getHeight() != now.getHeight()) {
                keepPosition();
            }
        });
        // The reading position follows the learner's scrolling, not the scroll pane's own adjustments while the page
        // changes height (keepPosition is then queued and puts the reader back).
        scroll.vvalueProperty().addListener((o, was, now) -> {
            if (!restoring && rendered.get() != null && pendingTarget == null && !keepQueued) {
                noteReadingPosition();
            }
        });
    }

    /** A lesson was just put on the page: to its anchor if it has one, else to the block it opens at. */
    void restore(String anchor, int block) {
        restoring = true;
        scroll.setVvalue(0);
        if (!anchor.isEmpty()) {
            scrollToAnchor(anchor);
        } else {
            scrollToBlock(block);
        }
        restoring = false;
    }

    /** The index of the first block whose bottom is below the top of the viewport. */
    int topVisibleBlock() {
        RenderedLesson r = rendered.get();
        if (r == null || r.blocks().isEmpty()) {
            return 0;
        }
        double top = viewportTop();
        List<Node> blocks = r.blocks();
        int lo = 0;
        int hi = blocks.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (boundsInPage(blocks.get(mid)).getMaxY() <= top + 1) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    void scrollToBlock(int index) {
        scrollToBlock(index, 0);
    }

    /** To the block, {@code offset} px below its top (where the reader was inside a tall block, e.g. a lab). */
    private void scrollToBlock(int index, double offset) {
        pendingTarget = null;
        RenderedLesson r = rendered.get();
        if (r == null || index < 0 || index == 0 && offset <= 0 || r.blocks().isEmpty()) {
            scroll.setVvalue(0);
            readingOffset = 0;
            return;
        }
        Node target = r.blocks().get(Math.min(index, r.blocks().size() - 1));
        scrollTo(target, offset);
    }

    /** The block at the top of the viewport and how far into it the viewport starts: kept when the page changes. */
    private void noteReadingPosition() {
        int block = topVisibleBlock();
        vm.setReadingBlock(block);
        RenderedLesson r = rendered.get();
        readingOffset = r == null || r.blocks().isEmpty() ? 0
                : Math.max(0, viewportTop() - boundsInPage(r.blocks().get(block)).getMinY());
    }

    void scrollToAnchor(String anchor) {
        RenderedLesson r = rendered.get();
        if (r != null && r.anchors().containsKey(anchor)) {
            scrollTo(r.anchors().get(anchor), 0);
        }
    }

    private void keepPosition() {
        if (rendered.get() == null || keepQueued) {
            return;
        }
        keepQueued = true;
        Platform.runLater(() -> {
            keepQueued = false;
            if (pendingTarget != null) {
                scrollTo(pendingTarget, 0);
            } else if (rendered.get() != null) {
                // e.g. a lab's rows or a quiz's feedback made its block taller: stay where the reader was inside it
                scrollToBlock(vm.readingBlock(), readingOffset);
            }
        });
    }

    private void scrollTo(Node target, double offset) {
        pendingTarget = null;
        scroll.applyCss();
        scroll.layout();
        double viewport = scroll.getViewportBounds().getHeight();
        double range = page.getHeight() - viewport;
        if (viewport <= 0 || range <= 0) {
            // Not laid out yet (the window is still opening): retry when the page gets its height.
            pendingTarget = target;
            return;
        }
        Bounds tb = boundsInPage(target);
        double y = tb.getMinY() + Math.min(offset, Math.max(0, tb.getHeight() - 1));
        setViewportTop(y, range);
        RenderedLesson r = rendered.get();
        if (y > range + 1 && r != null && !r.isComplete()) {
            // Only the first screen is rendered and it is too short to bring the target to the top: as near as it
            // goes for now, exactly once the rest of the lesson is in (the page grows, keepPosition retries). The
            // reading position stays the target's, not where the short page had to stop.
            pendingTarget = target;
            return;
        }
        noteReadingPosition();
    }

    /**
     * Puts the viewport's top at {@code y} in the page (clamped to the page), without the vvalue listener taking it
     * for the reader's own scrolling: the caller notes the reading position itself when it should.
     */
    private void setViewportTop(double y, double range) {
        boolean was = restoring;
        restoring = true;
        scroll.setVvalue(Math.min(1, Math.max(0, y / range)));
        restoring = was;
    }

    double viewportTop() {
        double range = page.getHeight() - scroll.getViewportBounds().getHeight();
        return Math.max(0, range) * scroll.getVvalue();
    }

    Bounds boundsInPage(Node n) {
        return page.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
    }
}
