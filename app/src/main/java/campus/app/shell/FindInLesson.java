package campus.app.shell;

import campus.app.render.RenderedLesson;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Find in the lesson on screen (Shortcut+F): the find bar above the lesson, the search in the rendered
 * text, and scrolling a match into view. The bar stays open across lessons and languages.
 */
final class FindInLesson {

    private final Tr tr;
    private final VBox top;
    private final ScrollPane scroll;
    private final StackPane page;
    private final Supplier<RenderedLesson> rendered;
    private final ReadingPosition position;
    /** Built on first use: a text field in the first frame would cost the start-up its skin and behaviour. */
    private FindBar findBar;

    FindInLesson(Tr tr, VBox top, ScrollPane scroll, StackPane page, Supplier<RenderedLesson> rendered,
                 ReadingPosition position) {
        this.tr = tr;
        this.top = top;
        this.scroll = scroll;
        this.page = page;
        this.rendered = rendered;
        this.position = position;
    }

    /** Opens the find bar, or focuses it again with its text selected. */
    void open() {
        if (findBar == null) {
            findBar = new FindBar(tr, new FindBar.Actions() {
                @Override
                public int[] search(String query) {
                    return find(query);
                }

                @Override
                public int[] step(boolean forward) {
                    return findStep(forward);
                }

                @Override
                public void closed() {
                    if (rendered.get() != null) {
                        rendered.get().find().clear();
                    }
                    scroll.requestFocus();
                }
            });
            top.getChildren().add(0, findBar);
        }
        findBar.open();
    }

    /** Another lesson (or language) is on screen: an open bar searches the new text once it is laid out. */
    void lessonShown() {
        if (findBar != null && findBar.isOpen() && !findBar.query().isBlank()) {
            RenderedLesson searched = rendered.get();
            Platform.runLater(() -> {
                if (rendered.get() == searched && findBar.isOpen()) {
                    findBar.show(find(findBar.query()));
                }
            });
        }
    }

    private int[] find(String query) {
        RenderedLesson r = rendered.get();
        if (r == null) {
            return new int[] {0, -1};
        }
        r.complete();
        scroll.applyCss();
        scroll.layout();
        int n = r.find().search(query, node -> position.boundsInPage(node).getMinY(), position.viewportTop());
        revealCurrentMatch(r);
        return new int[] {n, r.find().current()};
    }

    private int[] findStep(boolean forward) {
        RenderedLesson r = rendered.get();
        if (r == null) {
            return new int[] {0, -1};
        }
        if (forward) {
            r.find().next();
        } else {
            r.find().previous();
        }
        revealCurrentMatch(r);
        return new int[] {r.find().count(), r.find().current()};
    }

    /** Scrolls only when the current match is not in view, and then puts it a third of the way down. */
    private void revealCurrentMatch(RenderedLesson r) {
        r.find().currentPlace().ifPresent(place -> {
            Bounds b = page.sceneToLocal(place.getKey().localToScene(place.getValue()));
            double viewport = scroll.getViewportBounds().getHeight();
            double range = page.getHeight() - viewport;
            double top = position.viewportTop();
            if (range <= 0 || b.getMinY() >= top && b.getMaxY() <= top + viewport) {
                return;
            }
            double y = Math.max(0, b.getMinY() - viewport / 3);
            scroll.setVvalue(Math.min(1, y / range));
        });
    }
}
