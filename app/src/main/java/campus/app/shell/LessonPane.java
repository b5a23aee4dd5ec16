package campus.app.shell;

import campus.app.render.MarkdownRenderer;
import campus.app.render.RenderedLesson;
import campus.courses.LoadedLesson;
import campus.i18n.Problem;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The centre of the window: the lesson in a scroll pane, notices about it (a missing translation,
 * problems), previous/next, and a spinner while a lesson loads. Keeps the reading position as the
 * index of the block at the top of the viewport, which is the same in both translations.
 */
final class LessonPane extends StackPane {

    private final ShellViewModel vm;
    private final Tr tr;
    private final Consumer<String> browser;
    private final ScrollPane scroll = new ScrollPane();
    private final StackPane page = new StackPane();
    private final VBox notices = new VBox(4);
    private final Label empty = new Label();
    private final Label position = new Label();
    private final Button previous = new Button();
    private final Button next = new Button();
    private RenderedLesson rendered;
    private boolean restoring;
    private Runnable afterRender = () -> { };
    private Node pendingTarget;
    private boolean keepQueued;
    private VBox spinner;
    private campus.app.lab.LabContext labs;
    private QuizHost quizzes;
    /** Built on first use: a text field in the first frame would cost the start-up its skin and behaviour. */
    private FindBar findBar;
    private final VBox top = new VBox();
    private final BorderPane frame = new BorderPane();
    private boolean navBuilt;
    /** Pixels from the top of the reading block to the top of the viewport (see {@link #noteReadingPosition()}). */
    private double readingOffset;

    LessonPane(ShellViewModel vm, Tr tr, Consumer<String> browser) {
        this.vm = vm;
        this.tr = tr;
        this.browser = browser;
        page.getStyleClass().add(Css.LESSON_PAGE);
        page.setAlignment(Pos.TOP_CENTER);
        scroll.setContent(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Css.LESSON_SCROLL);
        scroll.setId("lesson-scroll");
        // A lab's result or error that appears below the window is scrolled into view: the reading position follows
        // (otherwise keeping it would scroll straight back).
        scroll.getProperties().put(campus.app.lab.ScrollReveal.REVEALED, (Runnable) () -> {
            if (rendered != null) {
                pendingTarget = null;
                noteReadingPosition();
            }
        });
        notices.getStyleClass().add("campus-notices");

        // The previous / next bar, two buttons to skin and style, is built by finishStartup() once the
        // lesson is on screen; a plain region of its height holds its place in the first frame.
        Region navPlaceholder = new Region();
        navPlaceholder.getStyleClass().add(Css.NAV_PLACEHOLDER);
        navPlaceholder.visibleProperty().bind(vm.lessonProperty().isNotNull());
        navPlaceholder.managedProperty().bind(navPlaceholder.visibleProperty());

        frame.setCenter(scroll);
        top.getChildren().add(notices);
        frame.setTop(top);
        frame.setBottom(navPlaceholder);

        empty.getStyleClass().add(Css.EMPTY);
        empty.setId("lesson-empty");
        empty.setWrapText(true);
        empty.visibleProperty().bind(vm.lessonProperty().isNull().and(vm.loadingProperty().not()));

        // The spinner is built on first need and shows only when loading takes a noticeable time,
        // so quick loads (and the start-up) never flash it.
        PauseTransition delay = new PauseTransition(Duration.millis(250));
        delay.setOnFinished(e -> showSpinner(true));
        vm.loadingProperty().addListener((o, was, now) -> {
            if (now) {
                delay.playFromStart();
            } else {
                delay.stop();
                showSpinner(false);
            }
        });
        getChildren().addAll(frame, empty);
        empty.textProperty().bind(Bindings.createStringBinding(this::emptyText,
                vm.langProperty(), vm.libraryProperty(), vm.failureProperty()));

        vm.lessonProperty().addListener((o, was, now) -> show(now));
        // When the page or the viewport changes height (window opening, resize, zoom, images
        // arriving), the reader stays at the same block rather than at the same fraction.
        page.heightProperty().addListener((o, was, now) -> keepPosition());
        scroll.viewportBoundsProperty().addListener((o, was, now) -> {
            if (was.getHeight() != now.getHeight()) {
                keepPosition();
            }
        });
        // The reading position follows the learner's scrolling, not the scroll pane's own adjustments while the page
        // changes height (keepPosition is then queued and puts the reader back).
        scroll.vvalueProperty().addListener((o, was, now) -> {
            if (!restoring && rendered != null && pendingTarget == null && !keepQueued) {
                noteReadingPosition();
            }
        });
    }

    private void showSpinner(boolean show) {
        if (spinner == null && show) {
            ProgressIndicator indicator = new ProgressIndicator();
            indicator.setMaxSize(36, 36);
            Label loadingText = new Label();
            loadingText.textProperty().bind(tr.bind("app.loading"));
            spinner = new VBox(8, indicator, loadingText);
            spinner.setAlignment(Pos.CENTER);
            spinner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            spinner.getStyleClass().add(Css.LOADING);
            spinner.setId("loading");
            spinner.setMouseTransparent(true);
            getChildren().add(spinner);
        }
        if (spinner != null) {
            spinner.setVisible(show);
        }
    }

    private String emptyText() {
        if (vm.failureProperty().get() != null) {
            return tr.get(vm.failureProperty().get());
        }
        if (vm.libraryProperty().get() != null && vm.libraryProperty().get().courses().isEmpty()) {
            return tr.get("app.empty.noCourses");
        }
        return tr.get("app.empty.choose");
    }

    /** The previous / next bar, in place of its placeholder (see the constructor). */
    void finishStartup() {
        if (navBuilt) {
            return;
        }
        navBuilt = true;
        previous.setId("previous-lesson");
        next.setId("next-lesson");
        previous.textProperty().bind(tr.bind("app.nav.previous"));
        next.textProperty().bind(tr.bind("app.nav.next"));
        previous.disableProperty().bind(vm.hasPreviousProperty().not());
        next.disableProperty().bind(vm.hasNextProperty().not());
        previous.setOnAction(e -> vm.previous());
        next.setOnAction(e -> vm.next());
        previous.setFocusTraversable(false);
        next.setFocusTraversable(false);
        position.setId("lesson-position");
        Region l = new Region();
        Region r = new Region();
        HBox.setHgrow(l, Priority.ALWAYS);
        HBox.setHgrow(r, Priority.ALWAYS);
        HBox nav = new HBox(8, previous, l, position, r, next);
        nav.setAlignment(Pos.CENTER);
        nav.getStyleClass().add(Css.NAV_BAR);
        nav.visibleProperty().bind(vm.lessonProperty().isNotNull());
        nav.managedProperty().bind(nav.visibleProperty());
        frame.setBottom(nav);
    }

    /** Runs once after the next lesson is in the scene (the start-up benchmark hooks in here). */
    void afterNextRender(Runnable r) {
        afterRender = r;
    }

    private void show(ShellViewModel.OpenLesson open) {
        rendered = null;
        if (open == null) {
            page.getChildren().clear();
            updateNotices();
            return;
        }
        LoadedLesson l = open.lesson();
        Node content;
        if (l.document().isPresent()) {
            try {
                ShellHooks hooks = new ShellHooks(vm, this, browser, tr, l.course(), open.images());
                int first = firstScreen(l.document().get(), open);
                rendered = MarkdownRenderer.render(l.document().get(), hooks, tr.lang(), first);
                if (!rendered.isComplete()) {
                    completeAfterNextPulse(rendered);
                }
                content = rendered.root();
            } catch (RuntimeException e) {
                System.err.println("campus: could not render " + l.course().display(l.slug()));
                e.printStackTrace();
                content = message(tr.get("app.lesson.renderFailed"), List.of());
            }
        } else {
            content = message(tr.get("app.lesson.unavailable"), l.problems());
        }
        if (rendered == null && content instanceof Region) {
            // the renderer caps its own column in em, so it follows zoom; messages get a fixed cap
            ((Region) content).setMaxWidth(880);
        }
        page.getChildren().setAll(content);
        int index = l.course().indexOf(l.slug());
        position.setText((index + 1) + " / " + l.course().lessons().size());
        updateNotices();
        restoring = true;
        scroll.setVvalue(0);
        if (!open.anchor().isEmpty()) {
            scrollToAnchor(open.anchor());
        } else {
            scrollToBlock(open.restoreBlock());
        }
        restoring = false;
        if (findBar != null && findBar.isOpen() && !findBar.query().isBlank()) {
            // the bar stays open across lessons and languages: search the new text once it is laid out
            RenderedLesson searched = rendered;
            Platform.runLater(() -> {
                if (rendered == searched && findBar.isOpen()) {
                    findBar.show(find(findBar.query()));
                }
            });
        }
        campus.app.bench.StartClock.mark("lesson rendered");
        Runnable r = afterRender;
        afterRender = () -> { };
        r.run();
    }

    /**
     * While the window is not showing yet (the start-up), only the blocks of the first screen are
     * rendered into the first frame, and the rest right after it (see {@link #completeRender()}); any
     * other time, and when opening at an anchor, the whole lesson.
     */
    private int firstScreen(campus.courses.doc.LessonDocument doc, ShellViewModel.OpenLesson open) {
        javafx.scene.Scene scene = getScene();
        if (scene == null || scene.getWindow() == null || scene.getWindow().isShowing() || !open.anchor().isEmpty()
                || scene.getWidth() <= 0 || scene.getHeight() <= 0) {
            return Integer.MAX_VALUE;
        }
        double fontPx = Theme.BASE_FONT_PX * vm.zoomProperty().get() / 100.0;
        // The lesson's share of the window less the page padding, at most the column's 46em; the whole
        // window's height, a little more than the viewport's.
        double widthEm = Math.min(46, scene.getWidth() * (1 - ShellView.SIDEBAR_SHARE) / fontPx - 4);
        double heightEm = scene.getHeight() / fontPx * 1.2;
        int n = campus.app.render.FirstScreen.blocks(doc.blocks(), open.restoreBlock(), Math.max(10, widthEm), heightEm);
        campus.app.bench.StartClock.mark("first screen: " + n + " of " + doc.blocks().size() + " blocks");
        return n;
    }

    private void completeAfterNextPulse(RenderedLesson partial) {
        javafx.scene.Scene scene = getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                if (rendered == partial) {
                    completeRender();
                }
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Renders the rest of a lesson of which only the first screen is in the window. */
    void completeRender() {
        if (rendered != null && !rendered.isComplete()) {
            rendered.complete();
            campus.app.bench.StartClock.mark("rest of the lesson rendered");
        }
    }

    private Node message(String headline, List<Problem> problems) {
        Label h = new Label(headline);
        h.getStyleClass().add("campus-lesson-error");
        h.setWrapText(true);
        VBox box = new VBox(10, h);
        for (Problem p : problems) {
            Label pl = new Label(p.format(tr.lang()));
            pl.setWrapText(true);
            box.getChildren().add(pl);
        }
        return box;
    }

    private void updateNotices() {
        notices.getChildren().clear();
        ShellViewModel.OpenLesson open = vm.lessonProperty().get();
        if (open == null) {
            return;
        }
        LoadedLesson l = open.lesson();
        if (l.document().isPresent() && l.shownIn() != tr.lang()) {
            notices.getChildren().add(notice(tr.get("app.lesson.fallback",
                    tr.lang().nativeName(), l.shownIn().nativeName()), "campus-notice-info"));
        }
        if (!l.problems().isEmpty()) {
            notices.getChildren().add(notice(tr.get("app.lesson.problems", l.problems().size()), "campus-notice-warning"));
        }
    }

    private static Label notice(String text, String kind) {
        Label n = new Label(text);
        n.setWrapText(true);
        n.setMaxWidth(Double.MAX_VALUE);
        n.getStyleClass().addAll(Css.NOTICE, kind);
        return n;
    }

    // --- reading position ------------------------------------------------------------------

    /** The index of the first block whose bottom is below the top of the viewport. */
    int topVisibleBlock() {
        if (rendered == null || rendered.blocks().isEmpty()) {
            return 0;
        }
        double top = viewportTop();
        List<Node> blocks = rendered.blocks();
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
        if (rendered == null || index < 0 || index == 0 && offset <= 0 || rendered.blocks().isEmpty()) {
            scroll.setVvalue(0);
            readingOffset = 0;
            return;
        }
        Node target = rendered.blocks().get(Math.min(index, rendered.blocks().size() - 1));
        scrollTo(target, offset);
    }

    /** The block at the top of the viewport and how far into it the viewport starts: kept when the page changes. */
    private void noteReadingPosition() {
        int block = topVisibleBlock();
        vm.setReadingBlock(block);
        readingOffset = rendered == null || rendered.blocks().isEmpty() ? 0
                : Math.max(0, viewportTop() - boundsInPage(rendered.blocks().get(block)).getMinY());
    }

    void scrollToAnchor(String anchor) {
        if (rendered != null && rendered.anchors().containsKey(anchor)) {
            scrollTo(rendered.anchors().get(anchor));
        }
    }

    private void keepPosition() {
        if (rendered == null || keepQueued) {
            return;
        }
        keepQueued = true;
        Platform.runLater(() -> {
            keepQueued = false;
            if (pendingTarget != null) {
                scrollTo(pendingTarget);
            } else if (rendered != null) {
                // e.g. a lab's rows or a quiz's feedback made its block taller: stay where the reader was inside it
                scrollToBlock(vm.readingBlock(), readingOffset);
            }
        });
    }

    private void scrollTo(Node target) {
        scrollTo(target, 0);
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
        if (y > range + 1 && rendered != null && !rendered.isComplete()) {
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

    private double viewportTop() {
        double range = page.getHeight() - scroll.getViewportBounds().getHeight();
        return Math.max(0, range) * scroll.getVvalue();
    }

    private Bounds boundsInPage(Node n) {
        return page.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
    }

    ScrollPane scrollPane() {
        return scroll;
    }

    // --- find in lesson --------------------------------------------------------------------

    /** Shortcut+F: opens the find bar, or focuses it again with its text selected. */
    void openFind() {
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
                    if (rendered != null) {
                        rendered.find().clear();
                    }
                    scroll.requestFocus();
                }
            });
            top.getChildren().add(0, findBar);
        }
        findBar.open();
    }

    private int[] find(String query) {
        if (rendered == null) {
            return new int[] {0, -1};
        }
        rendered.complete();
        scroll.applyCss();
        scroll.layout();
        int n = rendered.find().search(query, node -> boundsInPage(node).getMinY(), viewportTop());
        revealCurrentMatch();
        return new int[] {n, rendered.find().current()};
    }

    private int[] findStep(boolean forward) {
        if (rendered == null) {
            return new int[] {0, -1};
        }
        if (forward) {
            rendered.find().next();
        } else {
            rendered.find().previous();
        }
        revealCurrentMatch();
        return new int[] {rendered.find().count(), rendered.find().current()};
    }

    /** Scrolls only when the current match is not in view, and then puts it a third of the way down. */
    private void revealCurrentMatch() {
        rendered.find().currentPlace().ifPresent(place -> {
            Bounds b = page.sceneToLocal(place.getKey().localToScene(place.getValue()));
            double viewport = scroll.getViewportBounds().getHeight();
            double range = page.getHeight() - viewport;
            double top = viewportTop();
            if (range <= 0 || b.getMinY() >= top && b.getMaxY() <= top + viewport) {
                return;
            }
            double y = Math.max(0, b.getMinY() - viewport / 3);
            scroll.setVvalue(Math.min(1, y / range));
        });
    }

    RenderedLesson rendered() {
        return rendered;
    }

    /** Labs in lessons: null until the window supplies them (then a placeholder card stands in). */
    void setQuizzes(QuizHost quizzes) {
        this.quizzes = quizzes;
    }

    QuizHost quizzes() {
        return quizzes;
    }

    void setLabs(campus.app.lab.LabContext labs) {
        this.labs = labs;
    }

    campus.app.lab.LabContext labs() {
        return labs;
    }
}
