package campus.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.CampusParts;
import campus.app.LaunchOptions;
import campus.app.Preload;
import campus.app.state.StateStore;
import campus.courses.Course;
import campus.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window, headless: real content folders on disk, real background loading. */
class ShellTest {

    @TempDir
    Path content;
    @TempDir
    Path data;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private CampusWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (stage != null) {
            fx(() -> {
                stage.close();
                return null;
            });
        }
    }

    private void open() throws Exception {
        open(List.of(content));
    }

    private void open(List<Path> contentDirs) throws Exception {
        Preload preload = Preload.start(new LaunchOptions(contentDirs, Optional.empty(), Optional.of(data)));
        fx(() -> {
            stage = new Stage();
            window = CampusParts.open(stage, preload, url -> { });
            return null;
        });
        waitFor(() -> vm().lessonProperty().get() != null && !vm().loadingProperty().get() && window.view().isComplete());
    }

    private void reopen() throws Exception {
        fx(() -> {
            stage.close();
            return null;
        });
        open();
    }

    private ShellViewModel vm() {
        return window.viewModel();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** "Quiz not found" labels in a node or its descendants (the node need not be in a scene). */
    private static List<Node> quizMissingLabels(Node n) throws Exception {
        return fx(() -> {
            List<Node> out = new java.util.ArrayList<>();
            java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(n));
            while (!todo.isEmpty()) {
                Node x = todo.pop();
                out.add(x);
                if (x instanceof javafx.scene.Parent p) {
                    todo.addAll(p.getChildrenUnmodifiable());
                }
            }
            return out.stream().filter(x -> x.getStyleClass().contains("quiz-missing")).toList();
        });
    }

    private String openSlug() {
        return vm().lessonProperty().get().lesson().slug();
    }

    /** The lesson's words in order: the renderer puts them in {@code Text} runs inside flows. */
    private String lessonText() throws Exception {
        return fx(() -> window.view().lessonPane().rendered().blocks().stream()
                .map(ShellTest::textOf).collect(Collectors.joining("\n")));
    }

    /** All text a block shows: the text runs of its flows and the text of its labelled controls. */
    static String textOf(Node node) {
        if (node instanceof javafx.scene.text.Text t) {
            return t.getText();
        }
        StringBuilder sb = new StringBuilder();
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            sb.append(l.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                sb.append(textOf(child));
            }
        }
        return sb.toString();
    }

    private void openCourse(String id) throws Exception {
        ListView<Course> list = robot.lookup("#course-list").queryListView();
        int index = fx(() -> {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).id().equals(id)) {
                    list.scrollTo(i);
                    return i;
                }
            }
            throw new AssertionError("no course " + id);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell
                && ((javafx.scene.control.ListCell<?>) n).getIndex() == index
                && ((javafx.scene.control.ListCell<?>) n).getListView() == list).query();
        robot.clickOn(cell);
        waitFor(() -> vm().lessonProperty().get().lesson().course().id().equals(id) && !vm().loadingProperty().get());
    }

    @Test
    void theFirstFrameIsTheLessonAndTheRestOfTheShellFollows() throws Exception {
        TestContent.goodCourse(content);
        Preload preload = Preload.start(new LaunchOptions(List.of(content), Optional.empty(), Optional.of(data)));
        preload.opening().get(10, TimeUnit.SECONDS);
        double[] placeholder = new double[1];
        boolean[] firstFrame = fx(() -> {
            stage = new Stage();
            window = CampusParts.open(stage, preload, url -> { });
            // show() laid the first frame out; the rest of the shell replaces the placeholder a pulse later
            placeholder[0] = stage.getScene().lookup(".campus-nav-placeholder").getLayoutBounds().getHeight();
            return new boolean[] {window.view().lessonPane().rendered() != null, window.view().isComplete(),
                stage.getScene().lookup("#course-list") != null, stage.getScene().lookup("#menu-bar") != null,
                stage.getScene().lookup("#next-lesson") != null,
                stage.getScene().getRoot().lookupAll(".button").isEmpty()};
        });
        assertTrue(firstFrame[0], "the lesson is in the first frame");
        assertFalse(firstFrame[1] || firstFrame[2] || firstFrame[3] || firstFrame[4], "the sidebar and bars come after it");
        assertTrue(firstFrame[5], "no button to skin in the first frame");
        assertTrue(placeholder[0] > 0);

        waitFor(() -> window.view().isComplete());
        assertEquals(placeholder[0], fx(() -> robot.lookup(".campus-nav-bar").query().getLayoutBounds().getHeight()), 0.5,
                "the previous / next bar takes its placeholder's place without moving the lesson");
        for (String id : List.of("#course-list", "#lesson-tree", "#menu-bar", "#tool-bar", "#status", "#next-lesson")) {
            assertNotEquals(null, robot.lookup(id).tryQuery().orElse(null), id);
        }
        assertEquals("good", fx(() -> robot.lookup("#course-list").<Course>queryListView()
                .getSelectionModel().getSelectedItem().id()));
        assertEquals("01-one", fx(() -> ((javafx.scene.control.TreeView<?>) robot.lookup("#lesson-tree").query())
                .getSelectionModel().getSelectedItem().getValue() instanceof campus.courses.LessonInfo l ? l.slug() : ""));
    }

    @Test
    void opensACourseAndStepsThroughItsLessons() throws Exception {
        TestContent.goodCourse(content);
        open();
        openCourse("good");
        assertEquals("01-one", openSlug());
        assertTrue(lessonText().contains("Lesson 01-one"));

        robot.clickOn("#next-lesson");
        waitFor(() -> openSlug().equals("02-two"));
        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        waitFor(() -> openSlug().equals("03-three"));
        assertTrue(robot.lookup("#next-lesson").queryButton().isDisabled());
        robot.press(KeyCode.CONTROL, KeyCode.PAGE_UP).release(KeyCode.PAGE_UP, KeyCode.CONTROL);
        waitFor(() -> openSlug().equals("02-two"));
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        waitFor(() -> openSlug().equals("01-one"));
        assertEquals("1 / 3", robot.lookup("#lesson-position").queryLabeled().getText());

        // Keyboard in the lesson tree: arrows move, Enter opens.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        assertEquals("01-one", openSlug());
        robot.type(KeyCode.ENTER);
        waitFor(() -> openSlug().equals("03-three"));
    }

    @Test
    void switchingLanguageChangesEveryStringAndKeepsTheReadingPosition() throws Exception {
        TestContent.goodCourse(content);
        open();
        openCourse("good");
        fx(() -> {
            window.view().lessonPane().scrollToBlock(20);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int before = fx(() -> window.view().lessonPane().topVisibleBlock());
        assertTrue(before >= 18, "scrolled to block " + before);
        assertEquals("Next →", robot.lookup("#next-lesson").queryButton().getText());

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitFor(() -> vm().lessonProperty().get().lesson().shownIn() == Lang.ZH && !vm().loadingProperty().get());

        assertEquals("下一课 →", robot.lookup("#next-lesson").queryButton().getText());
        assertEquals("EN", robot.lookup("#toggle-language").queryButton().getText());
        assertTrue(lessonText().contains("中文小节 10"));
        assertFalse(lessonText().contains("English section"));
        assertEquals(before, (int) fx(() -> window.view().lessonPane().topVisibleBlock()));
        assertTrue(stage.getTitle().startsWith("课时 01-one"), stage.getTitle());

        robot.clickOn("#toggle-language");
        waitFor(() -> vm().lessonProperty().get().lesson().shownIn() == Lang.EN && !vm().loadingProperty().get());
        assertEquals("Next →", robot.lookup("#next-lesson").queryButton().getText());
        assertEquals(before, (int) fx(() -> window.view().lessonPane().topVisibleBlock()));
    }

    @Test
    void findInLessonHighlightsStepsThroughMatchesAndFollowsTheLanguage() throws Exception {
        TestContent.goodCourse(content);
        open();
        openCourse("good");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#find-bar").query().isVisible() && robot.lookup("#find-field").query().isFocused());
        robot.write("SECTION 17");
        int expected = lessonText().toLowerCase(java.util.Locale.ROOT).split("section 17", -1).length - 1;
        assertTrue(expected > 20, "heading and paragraph of section 17: " + expected);
        waitFor(() -> findCount().equals("1 of " + expected));
        assertTrue(fx(() -> window.view().lessonPane().topVisibleBlock()) > 10, "scrolled down to section 17");
        assertEquals(2L, (long) fx(() -> window.view().lessonPane().rendered().root().lookupAll(".md-find-match").stream()
                .filter(n -> !((javafx.scene.shape.Path) n).getElements().isEmpty()).count()),
                "the heading and the paragraph of section 17 are highlighted");

        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitFor(() -> findCount().equals("2 of " + expected));
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        waitFor(() -> findCount().equals(expected + " of " + expected));

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitFor(() -> vm().lessonProperty().get().lesson().shownIn() == Lang.ZH && findCount().equals("无匹配"));
        robot.clickOn("#find-field");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("中文小节 17");
        waitFor(() -> findCount().matches("第 \\d+ 个，共 " + expected + " 个"));

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitFor(() -> !robot.lookup("#find-bar").query().isVisible());
        assertEquals(0L, (long) fx(() -> window.view().lessonPane().rendered().root().lookupAll(".md-find-match").stream()
                .filter(n -> !((javafx.scene.shape.Path) n).getElements().isEmpty()).count()), "Esc removes the highlights");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#find-bar").query().isVisible() && findCount().matches("第 \\d+ 个，共 " + expected + " 个"));
        assertEquals(2L, (long) fx(() -> window.view().lessonPane().rendered().root().lookupAll(".md-find-match").stream()
                .filter(n -> !((javafx.scene.shape.Path) n).getElements().isEmpty()).count()), "reopened: the same query, found again");
    }

    private String findCount() {
        return robot.lookup("#find-count").queryLabeled().getText();
    }

    /** Resizing (like a lab's rows or a quiz's feedback growing its block) keeps the reader inside a tall block. */
    @Test
    void theReaderStaysInsideATallBlockWhenTheWindowChangesHeight() throws Exception {
        TestContent.goodCourse(content);
        open();
        openCourse("good");
        LessonPane pane = window.view().lessonPane();
        // the viewport's top 30 px into paragraph 22 (blocks: title, then heading and paragraph for each section)
        double[] before = fx(() -> {
            javafx.scene.Node block = pane.rendered().blocks().get(22);
            javafx.scene.Node page = pane.scrollPane().getContent();
            double blockTop = page.sceneToLocal(block.localToScene(block.getBoundsInLocal())).getMinY();
            double range = page.getLayoutBounds().getHeight() - pane.scrollPane().getViewportBounds().getHeight();
            pane.scrollPane().setVvalue((blockTop + 30) / range);
            return new double[] {block.getBoundsInLocal().getHeight(), pane.topVisibleBlock()};
        });
        assertTrue(before[0] > 60, "a tall block: " + before[0]);
        assertEquals(22, (int) before[1]);
        double viewportBefore = fx(() -> pane.scrollPane().getViewportBounds().getHeight());
        fx(() -> {
            stage.setHeight(stage.getHeight() - 150);
            return null;
        });
        waitFor(() -> pane.scrollPane().getViewportBounds().getHeight() < viewportBefore - 100);
        WaitForAsyncUtils.waitForFxEvents(); // the layout, then the position kept after it
        WaitForAsyncUtils.waitForFxEvents();
        double offset = fx(() -> {
            javafx.scene.Node block = pane.rendered().blocks().get(22);
            javafx.scene.Node page = pane.scrollPane().getContent();
            double blockTop = page.sceneToLocal(block.localToScene(block.getBoundsInLocal())).getMinY();
            double range = page.getLayoutBounds().getHeight() - pane.scrollPane().getViewportBounds().getHeight();
            return pane.scrollPane().getVvalue() * range - blockTop;
        });
        assertEquals(30, offset, 1.5, "the viewport still starts 30 px into the paragraph");
        assertEquals(22, (int) fx(pane::topVisibleBlock));
    }

    @Test
    void zoomChangesTheFontSizeOfTheWholeWindow() throws Exception {
        open();
        double normal = robot.lookup("#next-lesson").queryButton().getFont().getSize();
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        waitFor(() -> vm().zoomProperty().get() == 110);
        double larger = robot.lookup("#next-lesson").queryButton().getFont().getSize();
        assertEquals(normal * 1.1, larger, 0.2);
        assertEquals("110%", robot.lookup("#zoom-level").queryLabeled().getText());
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        waitFor(() -> vm().zoomProperty().get() == 90);
        assertTrue(robot.lookup("#next-lesson").queryButton().getFont().getSize() < normal);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        waitFor(() -> vm().zoomProperty().get() == 100);
        assertEquals(normal, robot.lookup("#next-lesson").queryButton().getFont().getSize(), 0.01);
    }

    @Test
    void lightAndDarkSwapTheTheme() throws Exception {
        open();
        assertTrue(Application.getUserAgentStylesheet().contains("campus/app/theme/atlantafx-primer-light.bss"));
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitFor(() -> vm().darkProperty().get());
        assertTrue(Application.getUserAgentStylesheet().contains("campus/app/theme/atlantafx-primer-dark.bss"));
        robot.clickOn("#toggle-dark");
        waitFor(() -> !vm().darkProperty().get());
        assertTrue(Application.getUserAgentStylesheet().contains("campus/app/theme/atlantafx-primer-light.bss"));
    }

    @Test
    void brokenCoursesShowTheirProblemsWhileTheGoodCourseOpens() throws Exception {
        TestContent.goodCourse(content);
        TestContent.brokenCourses(content);
        open();
        List<String> problems = problemLines();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(content + "/bad-json/course.json:3: Malformed JSON")),
                String.join("\n", problems));
        assertFalse(fx(() -> vm().courses().stream().anyMatch(c -> c.id().equals("bad-json"))));

        robot.clickOn("#show-problems");
        waitFor(() -> robot.lookup("#problems").query().isVisible());

        openCourse("huge");
        assertTrue(robot.lookup(".campus-lesson-error").queryLabeled().getText().contains("cannot be opened"));
        assertTrue(problemLines().stream().anyMatch(p -> p.startsWith(content + "/huge/01-big/lesson.en.md:0: File is ")
                && p.contains("KB")), String.join("\n", problemLines()));

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitFor(() -> vm().langProperty().get() == Lang.ZH && !vm().loadingProperty().get());
        openCourse("half");
        assertEquals(Lang.EN, vm().lessonProperty().get().lesson().shownIn());
        assertTrue(robot.lookup(".campus-notice-info").queryLabeled().getText().contains("English"));
        assertTrue(problemLines().stream().anyMatch(p -> p.startsWith(content + "/half/01-only-en/lesson.zh.md:0: ")),
                String.join("\n", problemLines()));

        openCourse("good");
        assertTrue(lessonText().contains("课时 01-one"));
    }

    @Test
    void anUnreadableCourseFolderIsAProblemNotACrash() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root reads every folder, so permissions cannot be tested");
        TestContent.goodCourse(content);
        TestContent.course(content, "locked", "\"lessons\": []");
        Path locked = content.resolve("locked");
        org.junit.jupiter.api.Assumptions.assumeTrue(locked.toFile().setReadable(false, false));
        try {
            open();
            openCourse("good");
            assertTrue(problemLines().stream().anyMatch(p -> p.contains("locked")), String.join("\n", problemLines()));
        } finally {
            locked.toFile().setReadable(true, false);
        }
    }

    private List<String> problemLines() throws Exception {
        return fx(() -> vm().problems().stream().map(p -> p.format(vm().langProperty().get())).toList());
    }

    @Test
    void theWindowReopensWhereTheLearnerLeft() throws Exception {
        TestContent.goodCourse(content);
        open();
        openCourse("good");
        robot.clickOn("#next-lesson");
        waitFor(() -> openSlug().equals("02-two"));
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitFor(() -> vm().lessonProperty().get().lesson().shownIn() == Lang.ZH && !vm().loadingProperty().get());
        fx(() -> {
            window.view().lessonPane().scrollToBlock(25);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int block = fx(() -> window.view().lessonPane().topVisibleBlock());

        reopen();
        assertEquals("good", vm().lessonProperty().get().lesson().course().id());
        assertEquals("02-two", openSlug());
        assertEquals(Lang.ZH, vm().langProperty().get());
        assertEquals(110, vm().zoomProperty().get());
        assertTrue(vm().darkProperty().get());
        waitFor(() -> window.view().lessonPane().topVisibleBlock() == block);
        assertEquals("下一课 →", robot.lookup("#next-lesson").queryButton().getText());
    }

    @Test
    void aCorruptStateFileStartsWithDefaults() throws Exception {
        TestContent.goodCourse(content);
        Files.writeString(data.resolve(StateStore.FILE), "\\uZZZZ\u0000garbage=\n");
        open();
        assertEquals(Lang.EN, vm().langProperty().get());
        assertNotEquals(null, vm().lessonProperty().get());
        assertEquals("Next →", robot.lookup("#next-lesson").queryButton().getText());
    }

    @Test
    void editingAnOpenedFolderReloadsTheLessonInPlace() throws Exception {
        TestContent.goodCourse(content);
        open();
        openCourse("good");
        Path file = content.resolve("good/01-one/lesson.en.md");
        Files.writeString(file, Files.readString(file).replace("English section 3 text.", "Edited section text."));
        waitFor(() -> lessonText().contains("Edited section text."));
        assertEquals("01-one", openSlug());
    }

    @Test
    void openingAFolderAddsItsCourses() throws Exception {
        open();
        TestContent.goodCourse(content.resolve("more"));
        fx(() -> {
            window.view().setFolderChooser((w, title) -> content.resolve("more").toFile());
            return null;
        });
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitFor(() -> vm().courses().stream().anyMatch(c -> c.id().equals("good")));
    }

    @Test
    void aFolderOpenedFromTheMenuIsOpenAgainAfterARestartUntilClosed() throws Exception {
        open(List.of());
        TestContent.goodCourse(content.resolve("mine"));
        fx(() -> {
            window.view().setFolderChooser((w, title) -> content.resolve("mine").toFile());
            return null;
        });
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitFor(() -> vm().courses().stream().anyMatch(c -> c.id().equals("good")));

        fx(() -> {
            stage.close();
            return null;
        });
        open(List.of());
        assertTrue(fx(() -> vm().courses().stream().anyMatch(c -> c.id().equals("good"))), "the folder was reopened");
        assertEquals(List.of(content.resolve("mine").toAbsolutePath().normalize()), fx(() -> vm().userFolders()));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W).release(KeyCode.W, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> vm().courses().stream().noneMatch(c -> c.id().equals("good")));
        fx(() -> {
            stage.close();
            return null;
        });
        open(List.of());
        assertTrue(fx(() -> vm().courses().stream().noneMatch(c -> c.id().equals("good"))), "closed folders stay closed");
    }

    @Test
    void labsAndQuizzesGetTheirPanes() throws Exception {
        open();
        ShellHooks hooks = fx(() -> new ShellHooks(vm(), window.view().lessonPane(), u -> { }, window.view().tr(),
                vm().lessonProperty().get().lesson().course(), java.util.Set.of()));
        Node lab = fx(() -> hooks.labPane("select-basics"));
        assertTrue(lab instanceof campus.app.lab.LabPane);
        assertEquals("lab-select-basics", lab.getId());
        // the shipped beginner course's first quiz: the catalog is scanned off the UI thread, then the pane appears
        Node quiz = fx(() -> hooks.quizPane("first-steps-check"));
        waitFor(() -> quiz instanceof campus.app.quiz.QuizPane || quiz instanceof javafx.scene.Parent p
                && p.getChildrenUnmodifiable().stream().anyMatch(campus.app.quiz.QuizPane.class::isInstance));
        Node missing = fx(() -> hooks.quizPane("no-such-quiz"));
        waitFor(() -> !quizMissingLabels(missing).isEmpty());
        assertEquals(Optional.empty(), fx(() -> hooks.image("images/missing.png")));
    }

    /** A lab near the bottom of the window: its rows are scrolled into view, and the lesson keeps that position. */
    @Test
    void aLabsRowsBelowTheWindowAreScrolledIntoViewAndStayThere() throws Exception {
        open();
        openCourse("sql-fundamentals"); // the shipped beginner course: its first lesson ends with the lab "first-select"
        LessonPane pane = window.view().lessonPane();
        waitFor(() -> fx(() -> pane.rendered() != null
                && pane.rendered().root().lookup("#lab-first-select") instanceof campus.app.lab.LabPane));
        Node lab = fx(() -> pane.rendered().root().lookup("#lab-first-select"));
        assertTrue(lab != null, "the shipped first lesson has its lab");
        fx(() -> {
            Node editor = lab.lookup("#lab-editor");
            javafx.scene.Node page = pane.scrollPane().getContent();
            double editorTop = page.sceneToLocal(editor.localToScene(editor.getBoundsInLocal())).getMinY();
            double viewport = pane.scrollPane().getViewportBounds().getHeight();
            double range = page.getLayoutBounds().getHeight() - viewport;
            pane.scrollPane().setVvalue(Math.max(0, editorTop - viewport + 120) / range); // editor at the bottom edge
            ((org.fxmisc.richtext.CodeArea) lab.lookup(".lab-editor")).replaceText("SELECT title, price FROM books");
            return null;
        });
        waitFor(() -> !lab.lookup("#lab-run").isDisabled());
        fx(() -> {
            ((javafx.scene.control.Button) lab.lookup("#lab-run")).fire();
            return null;
        });
        waitFor(() -> lab.lookup("#lab-row-count") != null);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        double[] seen = fx(() -> {
            Node results = lab.lookup("#lab-results");
            javafx.scene.Node page = pane.scrollPane().getContent();
            double resultsTop = page.sceneToLocal(results.localToScene(results.getBoundsInLocal())).getMinY();
            double viewport = pane.scrollPane().getViewportBounds().getHeight();
            double top = pane.scrollPane().getVvalue() * (page.getLayoutBounds().getHeight() - viewport);
            return new double[] {resultsTop, top, viewport};
        });
        assertTrue(seen[0] >= seen[1] - 1 && seen[0] < seen[1] + seen[2] - 40,
                "the rows' top is in view: rows at " + seen[0] + ", viewport " + seen[1] + " + " + seen[2]);
    }

    @Test
    void theExamMenuOpensTheLauncherWithTheShippedPracticeExam() throws Exception {
        open();
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        // the exam context hashes the app's code on a worker thread first
        waitFor(() -> robot.lookup(".exam-launcher").tryQuery().isPresent());
        waitFor(() -> robot.lookup("#exam-start-pcta-practice").tryQuery().isPresent());
        fx(() -> {
            javafx.stage.Window w = robot.lookup(".exam-launcher").query().getScene().getWindow();
            ((javafx.stage.Stage) w).close();
            return null;
        });
    }
}
