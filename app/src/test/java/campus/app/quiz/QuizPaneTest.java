package campus.app.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.concurrent.DaemonThreads;
import campus.app.embed.ContentScans;
import campus.app.embed.LessonEmbeds;
import campus.certification.grading.Grader;
import campus.certification.sql.SqlGrade;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.progress.LearningEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Toggle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class QuizPaneTest {

    Stage stage;
    Path root;
    final List<LearningEvent> events = new CopyOnWriteArrayList<>();
    LessonEmbeds host;
    QuizEmbedder ctx;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        stage.setScene(new Scene(new ScrollPane(), 900, 700));
        stage.show();
    }

    @BeforeEach
    void setUp() throws IOException {
        root = QuizFixtures.writeCourse(Files.createTempDirectory("campus-quiz"));
        Grader grader = Grader.withSql((spec, sql) -> {
            boolean same = norm(spec.referenceSql()).equals(norm(sql));
            return new SqlGrade(same ? 1 : 0, Msg.of("app.quiz.grading-failed", same ? "same" : "different"));
        });
        host = LessonEmbeds.create(new ContentScans(() -> List.of(root), DaemonThreads.cached("test-scan")), root.resolve("data"), events::add, grader);
        ctx = new QuizEmbedder(host, SqlInput::textArea);
        host.with(LessonEmbeds.QUIZ, ctx);
        host.quizzes("g").join(); // scanned: the quiz shows at once
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    private static String norm(String s) {
        return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private void show(FxRobot robot, Lang lang) {
        robot.interact(() -> ((ScrollPane) stage.getScene().getRoot()).setContent(ctx.pane("q-all", lang, "g")));
    }

    private Node card(FxRobot robot, String qid) {
        return robot.lookup("#quiz-question-" + qid).query();
    }

    private void clickOption(FxRobot robot, String qid, String text) {
        Node option = robot.from(card(robot, qid)).lookup(".quiz-option")
                .match(n -> ((Labeled) n).getText().equals(text)).query();
        robot.interact(() -> ((javafx.scene.control.ButtonBase) option).fire());
    }

    /** The pane is taller than the headless screen, so text goes in directly rather than by clicks and keys. */
    private void type(FxRobot robot, String qid, String selector, String text) {
        javafx.scene.control.TextInputControl field = robot.from(card(robot, qid)).lookup(selector).queryTextInputControl();
        robot.interact(() -> field.setText(text));
    }

    private String checkAndWait(FxRobot robot, String qid) throws Exception {
        Button check = robot.from(card(robot, qid)).lookup(".quiz-check").queryButton();
        robot.interact(check::fire);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.from(card(robot, qid)).lookup(".quiz-verdict").queryAll().isEmpty());
        return robot.from(card(robot, qid)).lookup(".quiz-verdict").queryLabeled().getText();
    }

    @Test
    void answersEveryQuestionTypeWithFeedbackAndALearningEventEach(FxRobot robot) throws Exception {
        show(robot, Lang.EN);

        clickOption(robot, "qs", "WHERE customer_id = 42");
        assertTrue(checkAndWait(robot, "qs").startsWith("Not quite"));
        String shown = robot.from(card(robot, "qs")).lookup(".quiz-correct-answer .quiz-text-plain").query().toString();
        assertTrue(shown.contains("\"B\""), shown);
        assertTrue(robot.from(card(robot, "qs")).lookup(".quiz-explanation").tryQuery().isPresent());
        robot.interact(() -> robot.from(card(robot, "qs")).lookup(".quiz-retry").queryButton().fire());
        clickOption(robot, "qs", "B");
        assertEquals("Correct (1/1 points, try 2)", checkAndWait(robot, "qs"));

        clickOption(robot, "qm", "X");
        clickOption(robot, "qm", "Y");
        assertTrue(checkAndWait(robot, "qm").startsWith("Correct"));

        clickOption(robot, "qt", "True");
        assertTrue(checkAndWait(robot, "qt").startsWith("Correct"));

        type(robot, "qf", ".quiz-fill-in", "distinct");
        assertTrue(checkAndWait(robot, "qf").startsWith("Correct"));

        robot.interact(() -> {
            for (Node n : robot.from(card(robot, "qp")).lookup(".quiz-matching-choice").queryAll()) {
                @SuppressWarnings("unchecked")
                ComboBox<campus.certification.attempt.PresentedQuestion.Part> box = (ComboBox<campus.certification.attempt.PresentedQuestion.Part>) n;
                int row = javafx.scene.layout.GridPane.getRowIndex(box);
                String want = row == 0 ? "CREATE" : "INSERT";
                box.getItems().stream().filter(p -> p.text().en().equals(want)).findFirst().ifPresent(box::setValue);
            }
        });
        assertTrue(checkAndWait(robot, "qp").startsWith("Correct"));

        // Two items always start scrambled: FROM, SELECT. Moving the second up gives the written order.
        robot.interact(() -> robot.from(card(robot, "qo")).lookup(".quiz-ordering-up").queryAllAs(Button.class).stream()
                .filter(b -> !b.isDisabled()).findFirst().orElseThrow().fire());
        assertTrue(checkAndWait(robot, "qo").startsWith("Correct"));

        type(robot, "qq", ".quiz-sql-input", "select count(*) from customers");
        assertTrue(checkAndWait(robot, "qq").startsWith("Correct"));

        assertEquals(8, events.size());
        assertTrue(events.stream().allMatch(e -> e.kind().equals(LearningEvent.QUIZ_ANSWER)));
        assertEquals(false, events.get(0).data().get("correct"));
        assertEquals(7L, events.stream().filter(e -> Boolean.TRUE.equals(e.data().get("correct"))).count());
        assertEquals("7 of 7 questions right", robot.lookup(".quiz-score").queryLabeled().getText());
    }

    @Test
    void aPaneRebuiltInTheOtherLanguageKeepsAnswersAndFeedback(FxRobot robot) throws Exception {
        show(robot, Lang.EN);
        clickOption(robot, "qs", "B");
        checkAndWait(robot, "qs");
        clickOption(robot, "qt", "False");

        show(robot, Lang.ZH);
        assertTrue(robot.from(card(robot, "qs")).lookup(".quiz-verdict").queryLabeled().getText().startsWith("正确"));
        Node chosen = robot.from(card(robot, "qs")).lookup(".quiz-option").match(n -> ((Toggle) n).isSelected()).query();
        assertEquals("乙", ((Labeled) chosen).getText());
        Node draft = robot.from(card(robot, "qt")).lookup(".quiz-option").match(n -> ((Toggle) n).isSelected()).query();
        assertEquals("错误", ((Labeled) draft).getText());
        assertEquals(1, events.size());
    }

    @Test
    void theFeedbackWrittenForTheChosenOptionIsShownInTheLearnersLanguage(FxRobot robot) throws Exception {
        show(robot, Lang.EN);
        clickOption(robot, "qs", "WHERE customer_id = 42");
        checkAndWait(robot, "qs");
        assertEquals("That filters rows; it is not B.", answerFeedback(robot, "qs"));

        show(robot, Lang.ZH);
        assertEquals("那是筛选行，不是乙。", answerFeedback(robot, "qs"));

        robot.interact(() -> robot.from(card(robot, "qs")).lookup(".quiz-retry").queryButton().fire());
        clickOption(robot, "qs", "乙");
        checkAndWait(robot, "qs");
        assertTrue(robot.from(card(robot, "qs")).lookup(".quiz-answer-feedback").tryQuery().isEmpty(),
                "an option without feedback shows none");
    }

    private String answerFeedback(FxRobot robot, String qid) {
        return robot.from(card(robot, qid)).lookup(".quiz-answer-feedback .quiz-text-plain")
                .queryAs(javafx.scene.text.Text.class).getText();
    }

    /** Buttons parse "_x" as a keyboard mnemonic and hide the underscore: content text must be shown as written. */
    @Test
    void optionTextIsShownAsWrittenUnderscoresIncluded(FxRobot robot) {
        show(robot, Lang.EN);
        Node option = robot.from(card(robot, "qs")).lookup(".quiz-option")
                .match(n -> ((Labeled) n).getText().equals("WHERE customer_id = 42")).query();
        WaitForAsyncUtils.waitForFxEvents();
        String shown = robot.from(option).lookup(".text").queryAs(javafx.scene.text.Text.class).getText();
        assertEquals("WHERE customer_id = 42", shown);
    }

    @Test
    void anUnknownQuizSaysSoInsteadOfFailing(FxRobot robot) {
        robot.interact(() -> ((ScrollPane) stage.getScene().getRoot()).setContent(ctx.pane("nope", Lang.EN, "g")));
        assertEquals("Quiz “nope” was not found in this course.", robot.lookup(".quiz-missing").queryLabeled().getText());
    }
}
