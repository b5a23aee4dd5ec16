package campus.app.shell;

import javafx.scene.control.ScrollPane;

/**
 * Notices when the learner has the end of the lesson on screen: scrolled to the bottom, or a lesson short enough
 * to fit the window. Fires at most once per {@link #arm() arming} (the window arms it for each lesson opened),
 * and only once the page has a height, so a lesson still loading does not count as read.
 */
final class ReadToEnd {

    private final ScrollPane scroll;
    private final Runnable reached;
    private final java.util.function.BooleanSupplier lessonShown;
    private boolean armed;

    /** @param lessonShown whether the page holds the whole lesson now (not a spinner, a message or a first screen) */
    ReadToEnd(ScrollPane scroll, java.util.function.BooleanSupplier lessonShown, Runnable reached) {
        this.scroll = scroll;
        this.lessonShown = lessonShown;
        this.reached = reached;
        scroll.vvalueProperty().addListener((o, was, now) -> check());
        scroll.viewportBoundsProperty().addListener((o, was, now) -> check());
        scroll.contentProperty().addListener((o, was, now) -> {
            if (now != null) {
                now.layoutBoundsProperty().addListener((o2, was2, now2) -> check());
            }
        });
        if (scroll.getContent() != null) {
            scroll.getContent().layoutBoundsProperty().addListener((o, was, now) -> check());
        }
    }

    void arm() {
        armed = true;
        check();
    }

    void disarm() {
        armed = false;
    }

    void check() {
        if (!armed || scroll.getContent() == null || !lessonShown.getAsBoolean()) {
            return;
        }
        double content = scroll.getContent().getLayoutBounds().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (content <= 1 || viewport <= 1) {
            return;
        }
        boolean fits = content <= viewport + 1;
        boolean atBottom = scroll.getVvalue() >= scroll.getVmax() - 0.001;
        if (fits || (atBottom && scroll.getVvalue() > scroll.getVmin())) {
            armed = false;
            reached.run();
        }
    }
}
