package campus.app.shell;

import campus.app.render.MarkdownRenderer;
import campus.app.render.RenderedLesson;
import campus.app.theme.ShellStyles;
import campus.app.theme.Theme;
import campus.courses.LoadedLesson;
import campus.i18n.Problem;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
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
    private Runnable afterRender = () -> { };
    private VBox spinner;
    private campus.app.embed.LessonEmbeds embeds;
    private campus.app.trace.Milestones milestones = campus.app.trace.Milestones.NONE;
    private final VBox top = new VBox();
    private final BorderPane frame = new BorderPane();
    private final ReadingPosition reading;
    private final FindInLesson find;
    private boolean navBuilt;

    LessonPane(ShellViewModel vm, Tr tr, Consumer<String> browser) {
        this.vm = vm;
        this.tr = tr;
        this.browser = browser;
        page.getStyleClass().add(ShellStyles.LESSON_PAGE);
        page.setAlignment(Pos.TOP_CENTER);
        scroll.setContent(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(ShellStyles.LESSON_SCROLL);
        scroll.setId("lesson-scroll");
        reading = new ReadingPosition(vm, scroll, page, () -> rendered);
        find = new FindInLesson(tr, top, scroll, page, () -> rendered, reading);
        notices.getStyleClass().add(ShellStyles.Hook.NOTICES);

        // The previous / next bar, two buttons to skin and style, is built by finishStartup() once the
        // lesson is on screen; a plain region of its height holds its place in the first frame.
        Region navPlaceholder = new Region();
        navPlaceholder.getStyleClass().add(ShellStyles.NAV_PLACEHOLDER);
        navPlaceholder.visibleProperty().bind(vm.lessonProperty().isNotNull());
        navPlaceholder.managedProperty().bind(navPlaceholder.visibleProperty());

        frame.setCenter(scroll);
        top.getChildren().add(notices);
        frame.setTop(top);
        frame.setBottom(navPlaceholder);

        empty.getStyleClass().add(ShellStyles.EMPTY);
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
            spinner.getStyleClass().add(ShellStyles.LOADING);
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
        nav.getStyleClass().add(ShellStyles.NAV_BAR);
        nav.visibleProperty().bind(vm.lessonProperty().isNotNull());
        nav.managedProperty().bind(nav.visibleProperty());
        frame.setBottom(nav);
    }

    /** Runs once after the next lesson is in the scene (the start-up benchmark hooks in here). */
    void afterNextRender(Runnable r) {
        afterRender = r;
    }

    private void show(OpenLesson open) {
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
        reading.restore(open.anchor(), open.restoreBlock());
        find.lessonShown();
        milestones.reached("lesson rendered");
        Runnable r = afterRender;
        afterRender = () -> { };
        r.run();
    }

    /**
     * While the window is not showing yet (the start-up), only the blocks of the first screen are
     * rendered into the first frame, and the rest right after it (see {@link #completeRender()}); any
     * other time, and when opening at an anchor, the whole lesson.
     */
    private int firstScreen(campus.courses.doc.LessonDocument doc, OpenLesson open) {
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
        milestones.reached("first screen: " + n + " of " + doc.blocks().size() + " blocks");
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
            milestones.reached("rest of the lesson rendered");
        }
    }

    private Node message(String headline, List<Problem> problems) {
        Label h = new Label(headline);
        h.getStyleClass().add(ShellStyles.LESSON_ERROR);
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
        OpenLesson open = vm.lessonProperty().get();
        if (open == null) {
            return;
        }
        LoadedLesson l = open.lesson();
        if (l.document().isPresent() && l.shownIn() != tr.lang()) {
            notices.getChildren().add(notice(tr.get("app.lesson.fallback",
                    tr.lang().nativeName(), l.shownIn().nativeName()), ShellStyles.NOTICE_INFO));
        }
        if (!l.problems().isEmpty()) {
            notices.getChildren().add(notice(tr.get("app.lesson.problems", l.problems().size()), ShellStyles.NOTICE_WARNING));
        }
    }

    private static Label notice(String text, String kind) {
        Label n = new Label(text);
        n.setWrapText(true);
        n.setMaxWidth(Double.MAX_VALUE);
        n.getStyleClass().addAll(ShellStyles.NOTICE, kind);
        return n;
    }

    // --- reading position and find (ReadingPosition, FindInLesson) ------------------------

    /** The index of the first block whose bottom is below the top of the viewport. */
    int topVisibleBlock() {
        return reading.topVisibleBlock();
    }

    void scrollToBlock(int index) {
        reading.scrollToBlock(index);
    }

    void scrollToAnchor(String anchor) {
        reading.scrollToAnchor(anchor);
    }

    ScrollPane scrollPane() {
        return scroll;
    }

    /** Shortcut+F: opens the find bar, or focuses it again with its text selected. */
    void openFind() {
        find.open();
    }

    RenderedLesson rendered() {
        return rendered;
    }

    /** Hears when a lesson is rendered (its first screen, the rest): the window's start-up steps. */
    void setMilestones(campus.app.trace.Milestones milestones) {
        this.milestones = java.util.Objects.requireNonNull(milestones);
    }

    /** Labs and quizzes in lessons: null until the window supplies them (then placeholder cards stand in). */
    void setEmbeds(campus.app.embed.LessonEmbeds embeds) {
        this.embeds = embeds;
    }

    campus.app.embed.LessonEmbeds embeds() {
        return embeds;
    }
}
