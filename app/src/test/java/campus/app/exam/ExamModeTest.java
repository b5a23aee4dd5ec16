package campus.app.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.exam.ExamFixtures.TestClock;
import campus.certification.attempt.AttemptStatus;
import campus.certification.attempt.SubmitReason;
import campus.certification.bank.ExamMode;
import campus.certification.grading.Grader;
import campus.certification.integrity.ExamPackage;
import campus.i18n.Lang;
import campus.progress.LearningEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ExamModeTest {

    static final String CODE = "ABCD-EFGH-JKLM";

    Stage owner;
    Path data;
    Path examDir;
    TestClock clock = new TestClock();
    List<LearningEvent> events = new CopyOnWriteArrayList<>();
    ExamLauncher launcher;

    @Start
    void start(Stage stage) {
        owner = ExamFixtures.showMainWindow(stage);
    }

    @BeforeEach
    void setUp() throws Exception {
        Path tmp = Files.createTempDirectory("campus-exam");
        data = tmp.resolve("data");
        examDir = ExamFixtures.writeExam(tmp.resolve("tiny"), "tiny", "auto-submit");
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> {
            if (launcher != null && launcher.currentWindow() != null) {
                launcher.currentWindow().close();
            }
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != owner) {
                    w.hide();
                }
            }
            owner.show();
        });
    }

    private ExamContext context() {
        return ExamContext.of(data, "app-sha", Grader.withoutSql(), events::add, () -> Lang.EN)
                .clock(clock).practiceExamFolders(List.of(examDir)).candidate("Ann");
    }

    private void openLauncher(FxRobot robot, ExamContext ctx) throws Exception {
        openLauncher(robot, ctx, "tiny");
    }

    private void openLauncher(FxRobot robot, ExamContext ctx, String examId) throws Exception {
        robot.interact(() -> launcher = ExamLauncher.open(owner, ctx));
        waitUntil(() -> robot.lookup("#exam-start-" + examId).tryQuery().isPresent() && !launcher.viewModel().busyProperty().get());
    }

    /** Packs the tiny exam, opens the launcher on it and returns the unlock-code field. */
    private TextInputControl openCertificationPackage(FxRobot robot) throws Exception {
        Path pkg = data.resolveSibling("tiny.campusexam");
        Files.write(pkg, ExamPackage.pack(examDir, CODE, 10_000));
        openLauncher(robot, context());
        robot.interact(() -> launcher.selectPackage(pkg));
        return robot.lookup("#exam-unlock-code").queryTextInputControl();
    }

    private ExamViewModel startPractice(FxRobot robot) throws Exception {
        return startPractice(robot, "tiny");
    }

    private ExamViewModel startPractice(FxRobot robot, String examId) throws Exception {
        fire(robot, "#exam-start-" + examId);
        // The exam's view model exists before its window shows the first question: wait for the question page too.
        waitUntil(() -> launcher.currentExam() != null && robot.lookup("#exam-clear-answer").tryQuery().isPresent());
        return launcher.currentExam();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void fire(FxRobot robot, String query) {
        ButtonBase b = robot.lookup(query).queryAs(ButtonBase.class);
        robot.interact(b::fire);
    }

    private static void choose(FxRobot robot, String text) {
        Node option = robot.lookup(".quiz-option").match(n -> ((Labeled) n).getText().equals(text)).query();
        robot.interact(((ButtonBase) option)::fire);
    }

    /** What the author wrote for the answers given, as the practice review shows it. */
    private static List<String> answerFeedback(FxRobot robot) {
        return robot.lookup(".quiz-answer-feedback .quiz-text-plain").queryAllAs(javafx.scene.text.Text.class).stream()
                .map(javafx.scene.text.Text::getText).toList();
    }

    /** Seven topics with names too long to sit side by side: the labels stand upright below the bars, not in their place. */
    @Test
    void manyLongTopicNamesLeaveTheBarsTheirHeight(FxRobot robot) throws Exception {
        Path dir = data.resolveSibling("topics");
        Files.createDirectories(dir.resolve("questions"));
        StringBuilder topics = new StringBuilder();
        StringBuilder questions = new StringBuilder("[");
        for (int i = 1; i <= 7; i++) {
            topics.append(i > 1 ? "," : "").append("""
                    "t%d": {"en": "Aggregation, GROUP BY and HAVING, part %d", "zh": "聚合、GROUP BY 与 HAVING 第 %d 部分"}"""
                    .formatted(i, i, i));
            questions.append(i > 1 ? "," : "").append("""
                    {"id": "q%d", "type": "true-false", "topics": ["t%d"], "difficulty": "easy",
                     "prompt": {"en": "True?", "zh": "对吗？"}, "answer": true,
                     "explanation": {"en": "Yes.", "zh": "对。"}}""".formatted(i, i));
        }
        Files.writeString(dir.resolve("exam.json"), """
                {"id": "topics", "title": {"en": "Many topics", "zh": "多个主题"},
                 "timeLimitMinutes": 10, "pass": {"percent": 50}, "explanations": "practice-only",
                 "topics": {%s},
                 "sections": [{"id": "all", "title": {"en": "All", "zh": "全部"}, "count": 7}]}
                """.formatted(topics));
        Files.writeString(dir.resolve("questions/q.json"), questions.append("]").toString());
        openLauncher(robot, ExamContext.of(data, "app-sha", Grader.withoutSql(), events::add, () -> Lang.EN)
                .clock(clock).practiceExamFolders(List.of(dir)).candidate("Ann"), "topics");
        ExamViewModel vm = startPractice(robot, "topics");
        robot.interact(vm::review);
        fire(robot, "#exam-submit");
        fire(robot, "#exam-confirm-submit");
        waitUntil(() -> vm.outcomeProperty().get() != null && robot.lookup("#exam-topics").tryQuery().isPresent());
        BarChart<?, ?> chart = robot.lookup("#exam-topics").queryAs(BarChart.class);
        assertEquals(7, topicLabels(chart).size());
        double plot = robot.from(chart).lookup(".chart-plot-background").query().getBoundsInLocal().getHeight();
        assertTrue(plot >= 150, "the bars' area is " + plot + " px high");
    }

    private static List<String> reviewTopics(FxRobot robot) {
        return robot.lookup(".exam-review-topics").queryAllAs(Labeled.class).stream().map(Labeled::getText).sorted().toList();
    }

    private static List<Object> topicLabels(BarChart<?, ?> chart) {
        return chart.getData().get(0).getData().stream().map(d -> (Object) d.getXValue()).toList();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    @Test
    void aPracticeExamEndToEndAnswerFlagNavigateReviewSubmitAndResult(FxRobot robot) throws Exception {
        openLauncher(robot, context());
        ExamViewModel vm = startPractice(robot);
        assertEquals(ExamMode.PRACTICE, vm.mode());
        assertEquals("Question 1 of 4 · 1 points", text(robot, ".exam-question-number"));
        assertEquals("Time left 10:00", text(robot, ".exam-clock"));

        choose(robot, "LEFT JOIN");
        fire(robot, "#exam-flag");
        vm.awaitWorker();
        assertTrue(vm.session().responses().containsKey("a1"));
        assertEquals(java.util.Set.of("a1"), vm.session().flagged());
        Node nav1 = robot.lookup("#exam-nav-1").query();
        assertTrue(nav1.getStyleClass().containsAll(List.of("exam-nav-answered", "exam-nav-flagged")), nav1.getStyleClass().toString());

        fire(robot, "#exam-next");
        assertTrue(robot.lookup("#exam-nav-2").query().getStyleClass().contains("exam-nav-current"));
        choose(robot, "False");
        fire(robot, "#exam-nav-4");
        assertEquals("Question 4 of 4 · 1 points", text(robot, ".exam-question-number"));
        choose(robot, "True");
        fire(robot, "#exam-previous");
        assertEquals(2, vm.currentProperty().get());

        fire(robot, "#exam-review");
        assertEquals("1 question has no answer yet:", robot.lookup(".exam-review-heading").queryAllAs(Labeled.class)
                .iterator().next().getText());
        assertEquals("Question 3", robot.from(robot.lookup(".exam-review-unanswered").queryAs(Node.class))
                .lookup(".hyperlink").queryAs(Labeled.class).getText());
        assertEquals("Question 1", robot.from(robot.lookup(".exam-review-flagged").queryAs(Node.class))
                .lookup(".hyperlink").queryAs(Labeled.class).getText());

        fire(robot, "#exam-submit");
        assertTrue(text(robot, ".exam-dialog-text").startsWith("1 question has no answer"));
        fire(robot, "#exam-confirm-submit");
        waitUntil(() -> vm.outcomeProperty().get() != null && robot.lookup("#exam-verdict").tryQuery().isPresent());

        assertEquals("Passed", text(robot, "#exam-verdict"));
        assertEquals("3 of 4 points (75%) · 2 needed to pass", text(robot, "#exam-score"));
        BarChart<?, ?> chart = robot.lookup("#exam-topics").queryAs(BarChart.class);
        assertEquals(List.of("Joins (2/2)", "Indexes (1/2)"), topicLabels(chart));
        assertEquals(4, robot.lookup(".exam-review-card").queryAll().size());
        assertEquals(List.of("Topic: Indexes", "Topic: Indexes", "Topic: Joins", "Topic: Joins"), reviewTopics(robot));
        assertEquals(List.of("Right: it pairs every row."), answerFeedback(robot));
        assertEquals(LearningEvent.EXAM_RESULT, events.get(0).kind());

        assertEquals("Close", text(robot, "#exam-leave"));
        robot.interact(() -> vm.langProperty().set(Lang.ZH));
        assertEquals(List.of("连接 (2/2)", "索引 (1/2)"),
                topicLabels(robot.lookup("#exam-topics").queryAs(BarChart.class)));
        assertEquals("关闭", text(robot, "#exam-leave"));
        assertEquals(List.of("主题：索引", "主题：索引", "主题：连接", "主题：连接"), reviewTopics(robot));
        assertEquals(List.of("对：它配对所有行。"), answerFeedback(robot));
        robot.interact(() -> vm.langProperty().set(Lang.EN));

        fire(robot, "#exam-close");
        assertTrue(launcher.stage().isShowing());
        assertTrue(owner.isShowing());
    }

    @Test
    void certificationNeedsTheUnlockCodeAndRunsAsAKioskThatClosingCannotLeave(FxRobot robot) throws Exception {
        TextInputControl code = openCertificationPackage(robot);

        robot.interact(() -> code.setText("WXYZ-WXYZ-WXYZ"));
        fire(robot, "#exam-unlock");
        waitUntil(() -> !launcher.viewModel().busyProperty().get());
        assertFalse(text(robot, "#exam-launch-error").isBlank());
        assertEquals(null, launcher.currentExam());

        robot.interact(() -> code.setText(CODE.toLowerCase()));
        fire(robot, "#exam-unlock");
        waitUntil(() -> launcher.currentExam() != null);
        ExamViewModel vm = launcher.currentExam();
        Stage kiosk = launcher.currentWindow().stage();
        assertEquals(ExamMode.CERTIFICATION, vm.mode());
        assertTrue(kiosk.isFullScreen());
        assertEquals(KeyCombination.NO_MATCH, kiosk.getFullScreenExitKeyCombination());
        assertTrue(kiosk.isAlwaysOnTop());
        assertFalse(owner.isShowing());
        assertFalse(launcher.stage().isShowing());

        choose(robot, "LEFT JOIN");
        robot.interact(() -> kiosk.fireEvent(new WindowEvent(kiosk, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertTrue(kiosk.isShowing());
        TextInputControl proctor = robot.lookup("#exam-proctor-code").queryTextInputControl();
        robot.interact(() -> proctor.setText("not the code"));
        fire(robot, "#exam-suspend");
        assertTrue(kiosk.isShowing());
        assertEquals("That is not the unlock code of this exam.", text(robot, ".exam-dialog .exam-error"));

        robot.interact(() -> proctor.setText(CODE));
        fire(robot, "#exam-suspend");
        assertFalse(kiosk.isShowing());
        assertTrue(owner.isShowing());
        waitUntil(() -> launcher.viewModel().unfinished().size() == 1 && !launcher.viewModel().busyProperty().get());

        robot.interact(() -> code.setText(CODE));
        fire(robot, "#exam-resume-0");
        waitUntil(() -> launcher.currentExam() != null);
        assertTrue(launcher.currentWindow().stage().isFullScreen());
        assertTrue(launcher.currentExam().responses().containsKey("a1"));

        // The proctor ends it; afterwards the header button just closes the kiosk, no code asked.
        ExamViewModel resumed = launcher.currentExam();
        Stage resumedKiosk = launcher.currentWindow().stage();
        assertEquals("Proctor…", text(robot, "#exam-leave"));
        fire(robot, "#exam-leave");
        TextInputControl again = robot.lookup("#exam-proctor-code").queryTextInputControl();
        robot.interact(() -> again.setText(CODE));
        fire(robot, "#exam-end-now");
        waitUntil(() -> resumed.outcomeProperty().get() != null && robot.lookup("#exam-verdict").tryQuery().isPresent());
        assertEquals("Close", text(robot, "#exam-leave"));
        assertTrue(robot.lookup("#exam-overlay").tryQuery().isEmpty());
        fire(robot, "#exam-leave");
        assertFalse(resumedKiosk.isShowing());
        assertTrue(owner.isShowing());
    }

    /** The kiosk cannot stop a task switcher; a certification attempt records each absence and tells the candidate. */
    @Test
    void leavingTheKioskWindowIsRecordedAndTheCandidateIsTold(FxRobot robot) throws Exception {
        TextInputControl code = openCertificationPackage(robot);
        robot.interact(() -> code.setText(CODE));
        fire(robot, "#exam-unlock");
        waitUntil(() -> launcher.currentExam() != null);
        ExamViewModel vm = launcher.currentExam();
        Stage kiosk = launcher.currentWindow().stage();
        waitUntil(kiosk::isFocused);

        // What the platform tells JavaFX when the candidate switches to another program and back (Monocle keeps the
        // focus on a full-screen stage, so the test reports the change the way the toolkit's window listener does).
        robot.interact(() -> com.sun.javafx.stage.WindowHelper.setFocused(kiosk, false));
        vm.awaitWorker();
        clock.advance(Duration.ofSeconds(14));
        robot.interact(() -> com.sun.javafx.stage.WindowHelper.setFocused(kiosk, true));
        waitUntil(() -> vm.noticeProperty().get() != null);
        vm.awaitWorker();
        List<campus.certification.attempt.Attempt.Leave> leaves = vm.session().windowLeaves();
        assertEquals(1, leaves.size(), leaves.toString());
        assertEquals(14_000, leaves.get(0).awayMs(), leaves.toString());
        assertEquals("You left the exam window for 14 s. Every time the exam window loses the focus is noted in your record"
                + " for the proctor.", text(robot, ".exam-notice"));
    }

    @Test
    void timeOutSubmitsByItselfAfterWarningsAndClockTamperingIsShownDiscreetly(FxRobot robot) throws Exception {
        openLauncher(robot, context());
        ExamViewModel vm = startPractice(robot);
        choose(robot, "LEFT JOIN");

        clock.advance(Duration.ofMinutes(5).plusSeconds(30));
        robot.interact(vm::pulse);
        assertEquals("5 minutes left.", text(robot, ".exam-notice"));
        assertTrue(robot.lookup(".exam-clock").query().getStyleClass().contains("exam-clock-warning"));

        clock.wall = clock.wall.minus(Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(4));
        robot.interact(vm::pulse);
        assertEquals("1 minute left. The exam submits itself when time is up.", text(robot, ".exam-notice"));
        waitUntil(() -> robot.lookup(".exam-anomaly").query().isVisible());
        assertEquals("⚠ Clock (1)", text(robot, ".exam-anomaly"));

        clock.advance(Duration.ofMinutes(1));
        robot.interact(vm::pulse);
        waitUntil(() -> vm.outcomeProperty().get() != null && robot.lookup("#exam-verdict").tryQuery().isPresent());
        assertEquals(SubmitReason.TIME_UP, vm.outcomeProperty().get().reason());
        assertEquals("Submitted automatically when time ran out.", text(robot, ".exam-result-reason"));
        assertEquals("1 of 4 points (25%) · 2 needed to pass", text(robot, "#exam-score"));
    }

    @Test
    void anAttemptLeftOpenResumesInANewServiceWithItsAnswersFlagsAndTheRightTime(FxRobot robot) throws Exception {
        openLauncher(robot, context());
        ExamViewModel vm = startPractice(robot);
        choose(robot, "LEFT JOIN");
        fire(robot, "#exam-flag");
        clock.advance(Duration.ofMinutes(2));
        robot.interact(vm::pulse);
        fire(robot, "#exam-leave");
        fire(robot, "#exam-confirm-leave");
        vm.awaitWorker();
        assertFalse(vm.session().outcome().isPresent());
        robot.interact(() -> launcher.stage().hide());

        // As after a crash: a new context (a new ExamService) on the same data folder, 3 minutes later.
        clock.advance(Duration.ofMinutes(3));
        openLauncher(robot, context());
        assertEquals(1, launcher.viewModel().unfinished().size());
        fire(robot, "#exam-resume-0");
        waitUntil(() -> launcher.currentExam() != null);
        ExamViewModel resumed = launcher.currentExam();
        assertTrue(resumed.responses().containsKey("a1"));
        assertTrue(resumed.flagged().contains("a1"));
        assertEquals(Duration.ofMinutes(5), resumed.remainingProperty().get());
        assertEquals("Time left 05:00", text(robot, ".exam-clock"));
        assertTrue(robot.lookup("#exam-nav-1").query().getStyleClass().contains("exam-nav-flagged"));
    }

    @Test
    void anAttemptWhoseTimeRanOutWhileClosedOpensOnItsResult(FxRobot robot) throws Exception {
        openLauncher(robot, context());
        ExamViewModel vm = startPractice(robot);
        choose(robot, "LEFT JOIN");
        fire(robot, "#exam-leave");
        fire(robot, "#exam-confirm-leave");
        vm.awaitWorker();
        robot.interact(() -> launcher.stage().hide());

        clock.advance(Duration.ofMinutes(30));
        openLauncher(robot, context());
        fire(robot, "#exam-resume-0");
        waitUntil(() -> launcher.currentExam() != null && robot.lookup("#exam-verdict").tryQuery().isPresent());
        assertNotNull(launcher.currentExam().outcomeProperty().get());
        assertEquals("Submitted automatically when time ran out.", text(robot, ".exam-result-reason"));
    }
    @Test
    void anAnswerCanBeClearedAndTheQuestionCountsAsUnansweredAgain(FxRobot robot) throws Exception {
        openLauncher(robot, context());
        ExamViewModel vm = startPractice(robot);
        Node clear = robot.lookup("#exam-clear-answer").query();
        assertFalse(clear.isVisible(), "nothing to clear yet");

        choose(robot, "LEFT JOIN");
        vm.awaitWorker();
        assertTrue(clear.isVisible());
        assertEquals("Clear answer", text(robot, "#exam-clear-answer"));
        assertTrue(robot.lookup("#exam-nav-1").query().getStyleClass().contains("exam-nav-answered"));

        fire(robot, "#exam-clear-answer");
        vm.awaitWorker();
        assertFalse(vm.session().responses().containsKey("a1"));
        assertFalse(vm.responses().containsKey("a1"));
        assertFalse(robot.lookup("#exam-nav-1").query().getStyleClass().contains("exam-nav-answered"));
        assertEquals("0 of 4 answered", text(robot, ".exam-progress"));
        assertTrue(robot.lookup(".quiz-option").queryAllAs(javafx.scene.control.RadioButton.class).stream()
                .noneMatch(javafx.scene.control.RadioButton::isSelected));
        assertFalse(robot.lookup("#exam-clear-answer").query().isVisible());

        // A true/false answer too, and in Chinese.
        fire(robot, "#exam-next");
        choose(robot, "False");
        robot.interact(() -> vm.langProperty().set(Lang.ZH));
        assertEquals("清除答案", text(robot, "#exam-clear-answer"));
        fire(robot, "#exam-clear-answer");
        vm.awaitWorker();
        assertTrue(vm.session().responses().isEmpty());
        fire(robot, "#exam-review");
        assertEquals(4, robot.from(robot.lookup(".exam-review-unanswered").queryAs(Node.class))
                .lookup(".hyperlink").queryAll().size());
    }

    private ExamViewModel startGraceExam(FxRobot robot) throws Exception {
        examDir = ExamFixtures.writeExam(examDir.resolveSibling("grace"), "grace", "grace");
        openLauncher(robot, context(), "grace");
        ExamViewModel vm = startPractice(robot, "grace");
        choose(robot, "LEFT JOIN");
        vm.awaitWorker();

        clock.advance(Duration.ofMinutes(10));
        robot.interact(vm::pulse);
        vm.awaitWorker();
        assertEquals(AttemptStatus.GRACE, vm.statusProperty().get());
        assertEquals("Submit within 01:00", text(robot, ".exam-clock"));
        assertTrue(robot.lookup(".exam-clock").query().getStyleClass().contains("exam-clock-danger"));
        assertEquals("Time is up. Answers are locked; submit your exam now.", text(robot, ".exam-notice"));
        assertEquals("Time is up: this answer can no longer change.", text(robot, ".exam-grace"));
        assertFalse(robot.lookup("#exam-clear-answer").query().isVisible());
        choose(robot, "INNER JOIN");
        fire(robot, "#exam-next");
        choose(robot, "False");
        vm.awaitWorker();
        assertEquals(java.util.Map.of("a1", campus.certification.model.Response.Choice.of("a")), vm.session().responses());
        assertEquals(1, vm.responses().size());
        assertTrue(vm.outcomeProperty().get() == null);

        clock.advance(Duration.ofSeconds(30));
        robot.interact(vm::pulse);
        assertEquals("Submit within 00:30", text(robot, ".exam-clock"));
        return vm;
    }

    @Test
    void inTheGracePeriodAnswersAreLockedTheCountdownShowsAndSubmitStillWorks(FxRobot robot) throws Exception {
        ExamViewModel vm = startGraceExam(robot);
        fire(robot, "#exam-review");
        fire(robot, "#exam-submit");
        fire(robot, "#exam-confirm-submit");
        waitUntil(() -> vm.outcomeProperty().get() != null && robot.lookup("#exam-verdict").tryQuery().isPresent());
        assertEquals(SubmitReason.CANDIDATE, vm.outcomeProperty().get().reason());
        assertEquals("Submitted by you.", text(robot, ".exam-result-reason"));
        assertEquals("1 of 4 points (25%) · 2 needed to pass", text(robot, "#exam-score"));
        assertEquals("Finished", text(robot, ".exam-clock"));
    }

    @Test
    void whenTheGracePeriodRunsOutTheExamSubmitsItself(FxRobot robot) throws Exception {
        ExamViewModel vm = startGraceExam(robot);
        clock.advance(Duration.ofSeconds(31));
        robot.interact(vm::pulse);
        waitUntil(() -> vm.outcomeProperty().get() != null && robot.lookup("#exam-verdict").tryQuery().isPresent());
        assertEquals(SubmitReason.GRACE_ENDED, vm.outcomeProperty().get().reason());
        assertEquals("Submitted automatically when the grace period ended.", text(robot, ".exam-result-reason"));
        assertEquals("1 of 4 points (25%) · 2 needed to pass", text(robot, "#exam-score"));

        Stage window = launcher.currentWindow().stage();
        assertEquals("Close", text(robot, "#exam-leave"));
        fire(robot, "#exam-leave");
        assertTrue(robot.lookup("#exam-overlay").tryQuery().isEmpty());
        assertFalse(window.isShowing());
    }
}
