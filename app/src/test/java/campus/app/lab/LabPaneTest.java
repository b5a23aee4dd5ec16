package campus.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.concurrent.DaemonThreads;
import campus.app.embed.ContentScans;
import campus.app.embed.LessonEmbeds;
import campus.certification.grading.Grader;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.labs.LabSession;
import campus.labs.sandbox.SandboxLimits;
import campus.progress.LearningEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LabPaneTest {

    @TempDir
    Path tmp;
    Stage stage;
    Path content;
    Path data;
    final List<LearningEvent> events = new CopyOnWriteArrayList<>();
    LessonEmbeds host;
    LabEmbedder ctx;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        ScrollPane scroll = new ScrollPane();
        scroll.setFitToWidth(true);
        stage.setScene(new Scene(scroll, 900, 700));
        stage.show();
    }

    @BeforeEach
    void setUp() throws Exception {
        content = LabFixtures.write(Files.createDirectories(tmp.resolve("content")));
        data = tmp.resolve("data");
        ctx = newContext();
    }

    private LabEmbedder newContext() {
        host = LessonEmbeds.create(new ContentScans(() -> List.of(content), DaemonThreads.cached("test-scan")), data, events::add, Grader.withoutSql()).withLimits(SandboxLimits.DEFAULT.withTimeout(Duration.ofSeconds(30)));
        LabEmbedder lab = new LabEmbedder(host);
        host.with(LessonEmbeds.LAB, lab);
        return lab;
    }

    @AfterEach
    void tearDown() throws Exception {
        host.close();
        // popups a test left open (the completion list) must not cover the next test's window
        WaitForAsyncUtils.asyncFx(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != stage).forEach(javafx.stage.Window::hide)).get();
    }

    private void show(FxRobot robot, String labId, Lang lang) {
        robot.interact(() -> {
            ScrollPane scroll = (ScrollPane) stage.getScene().getRoot();
            scroll.setContent(ctx.pane(labId, lang, "g"));
            scroll.setVvalue(0); // an earlier test may have scrolled: buttons must be on screen to be clicked
        });
        waitFor(() -> robot.lookup("#lab-editor").tryQuery().isPresent() || robot.lookup("#lab-problem").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out", e);
        }
    }

    private CodeArea area(FxRobot robot) {
        return robot.lookup(".lab-editor").queryAs(CodeArea.class);
    }

    private void replaceText(FxRobot robot, String sql) {
        robot.interact(() -> area(robot).replaceText(sql));
    }

    private void typeAtEnd(FxRobot robot, String text) {
        robot.clickOn(area(robot));
        robot.interact(() -> area(robot).moveTo(area(robot).getLength()));
        robot.write(text);
    }

    private void ctrlEnter(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    }

    private void ctrlShiftEnter(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    /**
     * Clicks a lab button at once, as the learner does (no waiting for the session), and checks that the click reached
     * the button: a disabled button takes no clicks, and one lost that way leaves no trace.
     */
    private void press(FxRobot robot, String query) {
        Button button = robot.lookup(query).queryButton();
        AtomicReference<String> pressed = new AtomicReference<>();
        EventHandler<MouseEvent> spy = e -> pressed.compareAndSet(null, e.getTarget() instanceof Node n && isInside(n, button)
                ? "on the button" : "on " + e.getTarget() + " with the button " + (button.isDisabled() ? "disabled" : "enabled"));
        robot.interact(() -> stage.getScene().addEventFilter(MouseEvent.MOUSE_PRESSED, spy));
        try {
            robot.clickOn(button);
        } finally {
            robot.interact(() -> stage.getScene().removeEventFilter(MouseEvent.MOUSE_PRESSED, spy));
        }
        assertEquals("on the button", pressed.get(), "where the click on " + query + " landed");
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.Labeled.class).getText();
    }

    private boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void ctrlEnterRunsTheStatementAtTheCaretAndShowsRowsAndCount(FxRobot robot) {
        show(robot, "cheap", Lang.EN);
        assertEquals("SELECT title, price\nFROM books\n", area(robot).getText(), "starter SQL");
        typeAtEnd(robot, "WHERE price < 10;\nSELECT 1");
        robot.interact(() -> area(robot).moveTo(5)); // caret in the first statement
        ctrlEnter(robot);
        waitFor(() -> robot.lookup("#lab-row-count").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#lab-result-table").queryAs(TableView.class);
        int rows = table.getItems().size();
        assertTrue(rows > 0);
        assertEquals(2, table.getColumns().size(), "the first statement ran, not SELECT 1");
        assertTrue(text(robot, "#lab-row-count").startsWith(rows + " rows · "), text(robot, "#lab-row-count"));
    }

    /** Rows that appear below the window are scrolled into view, as little as needed. */
    @Test
    void theResultOfARunIsScrolledIntoView(FxRobot robot) {
        // the lab below a screenful of lesson text, its editor near the bottom of the window
        robot.interact(() -> {
            javafx.scene.layout.Region text = new javafx.scene.layout.Region();
            text.setMinHeight(450);
            ((ScrollPane) stage.getScene().getRoot()).setContent(new VBox(text, ctx.pane("cheap", Lang.EN, "g")));
            ((ScrollPane) stage.getScene().getRoot()).setVvalue(0);
        });
        waitFor(() -> robot.lookup("#lab-editor").tryQuery().isPresent());
        ScrollPane scroll = (ScrollPane) stage.getScene().getRoot();
        assertEquals(0.0, scroll.getVvalue());
        replaceText(robot, "SELECT title, price FROM books");
        robot.clickOn(area(robot));
        ctrlEnter(robot);
        waitFor(() -> robot.lookup("#lab-row-count").tryQuery().isPresent() && scroll.getVvalue() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        Node results = robot.lookup("#lab-results").query();
        javafx.geometry.Bounds inViewport = scroll.getContent().sceneToLocal(results.localToScene(results.getBoundsInLocal()));
        double viewport = scroll.getViewportBounds().getHeight();
        double top = scroll.getVvalue() * (scroll.getContent().getLayoutBounds().getHeight() - viewport);
        assertTrue(inViewport.getMinY() >= top - 1 && inViewport.getMinY() < top + viewport,
                "the result's top is in view: " + inViewport + " viewport from " + top);
    }

    @Test
    void checkPassesACorrectQueryAndRecordsTheAttempt(FxRobot robot) {
        show(robot, "cheap", Lang.EN);
        typeAtEnd(robot, "WHERE price < 10\nORDER BY price, title");
        ctrlShiftEnter(robot);
        waitFor(() -> visible(robot, "#lab-verdict-title"));
        assertEquals("Passed · 10 / 10 points", text(robot, "#lab-verdict-title"));
        assertTrue(robot.lookup("#lab-verdict").queryAs(VBox.class).getStyleClass().contains("lab-verdict-passed"));
        waitFor(() -> !events.isEmpty());
        assertEquals(LearningEvent.LAB_ATTEMPT, events.get(0).kind());
        assertEquals(true, events.get(0).data().get("passed"));
    }

    /**
     * A state lab: the learner's exploring changes are thrown away by the check, the verdict comes first, and the
     * dataset is back as loaded (in the background) before the next statement runs.
     */
    @Test
    void aCheckedStateLabPassesAndTheNextRunSeesTheDatasetAsLoaded(FxRobot robot) {
        show(robot, "reprice", Lang.EN);
        replaceText(robot, "UPDATE books SET price = 0");
        robot.clickOn(area(robot));
        ctrlEnter(robot);
        waitFor(() -> robot.lookup(".lab-statement-summary").tryQuery().isPresent() && vmIdle(robot));
        assertTrue(robot.lookup(".lab-statement-summary").queryAs(Label.class).getText().contains("rows affected"),
                robot.lookup(".lab-statement-summary").queryAs(Label.class).getText());
        replaceText(robot, "UPDATE books SET price = price * 1.10 WHERE genre = 'poetry'");
        ctrlShiftEnter(robot);
        waitFor(() -> visible(robot, "#lab-verdict-title"));
        assertEquals("Passed · 10 / 10 points", text(robot, "#lab-verdict-title"));
        waitFor(() -> vmIdle(robot));
        replaceText(robot, "SELECT COUNT(*) FROM books WHERE price = 0 OR price <> ROUND(price, 2)");
        ctrlEnter(robot);
        waitFor(() -> robot.lookup("#lab-result-table").tryQuery().isPresent() && vmIdle(robot));
        @SuppressWarnings("unchecked")
        TableView<List<Object>> table = robot.lookup("#lab-result-table").queryAs(TableView.class);
        assertEquals("0", String.valueOf(table.getItems().get(0).get(0)),
                "neither the exploring UPDATE nor the checked attempt is left in the dataset");
    }

    private boolean vmIdle(FxRobot robot) {
        return robot.lookup("#lab-progress").tryQuery().map(n -> !n.getParent().isVisible()).orElse(true);
    }

    @Test
    void aWrongQueryFailsWithTheExpectedRowCount(FxRobot robot) {
        show(robot, "cheap", Lang.EN);
        typeAtEnd(robot, "WHERE price < 5\nORDER BY price, title");
        press(robot, "#lab-check");
        waitFor(() -> visible(robot, "#lab-verdict-title"));
        assertEquals("Not yet · 0 / 10 points", text(robot, "#lab-verdict-title"));
        List<String> messages = robot.lookup(".lab-verdict-message").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertTrue(messages.stream().anyMatch(m -> m.matches("Expected \\d+ rows, got \\d+\\.")), messages.toString());
    }

    @Test
    void aSyntaxErrorIsShownAndMarkedInTheEditor(FxRobot robot) {
        show(robot, "cheap", Lang.EN);
        replaceText(robot, "SELECT title\nFROM books\n");
        typeAtEnd(robot, "WHERE price <");
        press(robot, "#lab-run");
        waitFor(() -> visible(robot, "#lab-error"));
        String error = text(robot, "#lab-error");
        assertTrue(error.toLowerCase(java.util.Locale.ROOT).contains("line 3"), error);
        CodeArea a = area(robot);
        int caret = a.getCaretPosition();
        assertTrue(caret > "SELECT title\nFROM books\n".length(), "caret moved to the error: " + caret);
        boolean marked = false;
        for (int i = 0; i < a.getLength(); i++) {
            marked |= a.getStyleOfChar(i).contains("lab-error-mark");
        }
        assertTrue(marked, "the error position is marked");
    }

    @Test
    void hintsAreRevealedOneAtATime(FxRobot robot) {
        show(robot, "cheap", Lang.EN);
        robot.clickOn(area(robot)); // the session starts opening; Hint is pressed at once
        press(robot, "#lab-hint");
        try {
            waitFor(() -> robot.lookup(".lab-hint").queryAll().size() == 1);
        } catch (AssertionError e) {
            throw new AssertionError("first hint not shown: problem label " + robot.lookup("#lab-problem").tryQuery().map(n -> ((Label) n).getText())
                    + " idle " + vmIdle(robot) + " hintButtons " + robot.lookup("#lab-hint").queryAll().size()
                    + " panes " + robot.lookup("#lab-cheap").queryAll().size(), e);
        }
        assertEquals("Hint 1: Start from books.", robot.lookup(".lab-hint").queryAs(Label.class).getText());
        press(robot, "#lab-hint");
        try {
            waitFor(() -> robot.lookup(".lab-hint").queryAll().size() == 2);
        } catch (AssertionError e) {
            throw new AssertionError("second hint not shown: " + robot.lookup(".lab-hint").queryAll().size() + " shown, idle "
                    + vmIdle(robot) + ", button disabled " + robot.lookup("#lab-hint").queryButton().isDisabled(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lab-hint").queryButton().isDisabled(), "no hints left");
    }

    /**
     * The learner clicks into the editor, types and presses Run and Hint while the session is still opening (held back
     * here): the buttons take the presses, the busy line says they wait, and both are carried out once it is open.
     */
    @Test
    void pressesWhileTheSessionOpensWaitForItAndAreCarriedOut(FxRobot robot) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ctx.withOpening(opener -> lab -> {
            awaitGate(gate);
            return opener.open(lab);
        });
        try {
            show(robot, "cheap", Lang.EN);
            typeAtEnd(robot, "WHERE price < 10");
            press(robot, "#lab-run");
            press(robot, "#lab-hint");
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(vmIdle(robot), "the busy line shows");
            assertTrue(robot.lookup("#lab-busy-text").queryAs(Label.class).getText().startsWith("Preparing dataset… what you asked for"),
                    robot.lookup("#lab-busy-text").queryAs(Label.class).getText());
            assertFalse(visible(robot, "#lab-cancel"), "nothing to cancel yet");
            assertFalse(robot.lookup("#lab-run").query().isDisabled(), "Run still takes presses");
            assertTrue(robot.lookup("#lab-row-count").tryQuery().isEmpty());
            assertTrue(robot.lookup(".lab-hint").tryQuery().isEmpty());
        } finally {
            gate.countDown();
        }
        waitFor(() -> robot.lookup("#lab-row-count").tryQuery().isPresent() && robot.lookup(".lab-hint").queryAll().size() == 1);
        assertTrue(text(robot, "#lab-row-count").matches("\\d+ rows · .*"), text(robot, "#lab-row-count"));
        assertEquals("Hint 1: Start from books.", robot.lookup(".lab-hint").queryAs(Label.class).getText());
        waitFor(() -> vmIdle(robot));
    }

    /** A session that cannot open: what was pressed while it opened is dropped and the lab says why it cannot run. */
    @Test
    void aSessionThatCannotOpenDropsThePressesAndSaysWhy(FxRobot robot) {
        CountDownLatch gate = new CountDownLatch(1);
        ctx.withOpening(opener -> lab -> {
            awaitGate(gate);
            throw new LabSession.LabUnavailableException(Msg.of("app.lab.failed", "the disk is gone"));
        });
        try {
            show(robot, "cheap", Lang.EN);
            robot.clickOn(area(robot));
            press(robot, "#lab-run");
        } finally {
            gate.countDown();
        }
        waitFor(() -> robot.lookup("#lab-problem").tryQuery().isPresent());
        assertEquals("This lab cannot run right now: Something went wrong in the lab: the disk is gone",
                text(robot, "#lab-problem"));
        assertTrue(robot.lookup("#lab-row-count").tryQuery().isEmpty());
    }

    private static void awaitGate(CountDownLatch gate) {
        try {
            if (!gate.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not let the session open");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cancelStopsALongQuery(FxRobot robot) {
        show(robot, "cheap", Lang.EN);
        replaceText(robot, "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b");
        robot.clickOn(area(robot));
        press(robot, "#lab-run");
        waitFor(() -> visible(robot, "#lab-cancel"));
        for (String button : List.of("#lab-run", "#lab-check", "#lab-explain", "#lab-hint", "#lab-solution", "#lab-reset")) {
            assertTrue(robot.lookup(button).query().isDisabled(), button + " is disabled while the statement runs");
        }
        robot.clickOn("#lab-cancel");
        waitFor(() -> visible(robot, "#lab-error"));
        assertEquals("The statement was cancelled.", text(robot, "#lab-error"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(visible(robot, "#lab-cancel"), "no longer busy");
        assertFalse(robot.lookup("#lab-hint").query().isDisabled(), "hints are left and the session is idle again");
    }

    @Test
    void theDraftSurvivesReopening(FxRobot robot) throws Exception {
        show(robot, "cheap", Lang.EN);
        typeAtEnd(robot, "WHERE price < 3");
        String typed = area(robot).getText();
        host.close(); // the window closes: pending drafts are written
        assertEquals(typed, Files.readString(data.resolve("drafts/cheap.sql")));
        ctx = newContext();
        show(robot, "cheap", Lang.EN);
        waitFor(() -> area(robot).getText().equals(typed));
    }

    @Test
    void aLanguageSwitchKeepsTextAndVerdict(FxRobot robot) {
        show(robot, "cheap", Lang.EN);
        replaceText(robot, LabFixtures.QUERY);
        robot.clickOn(area(robot));
        press(robot, "#lab-check");
        waitFor(() -> visible(robot, "#lab-verdict-title"));
        show(robot, "cheap", Lang.ZH);
        assertEquals(LabFixtures.QUERY, area(robot).getText());
        assertEquals("通过 · 10 / 10 分", text(robot, "#lab-verdict-title"));
        assertEquals("运行", robot.lookup("#lab-run").queryButton().getText());
        assertEquals(1, events.size(), "the session was kept, the attempt not repeated");
    }

    @Test
    void completionOffersTableNames(FxRobot robot) {
        show(robot, "cheap", Lang.EN);
        robot.clickOn(area(robot)); // the session opens: completion offers its tables once they are known
        waitFor(() -> !robot.lookup("#lab-schema").queryAs(javafx.scene.control.TreeView.class).getRoot().getChildren().isEmpty());
        replaceText(robot, "SELECT * FROM bo");
        robot.interact(() -> area(robot).moveTo(area(robot).getLength()));
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#lab-completion").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> list = robot.lookup("#lab-completion").queryAs(javafx.scene.control.ListView.class);
        assertEquals("books", list.getItems().get(0));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("SELECT * FROM books", area(robot).getText());
    }

    @Test
    void unknownAndBrokenLabsShowACard(FxRobot robot) {
        show(robot, "nope", Lang.EN);
        assertTrue(text(robot, "#lab-problem").contains("\"nope\" was not found"), text(robot, "#lab-problem"));
        show(robot, "broken", Lang.EN);
        assertTrue(text(robot, "#lab-problem").contains("no-such-dataset"), text(robot, "#lab-problem"));
    }
}
