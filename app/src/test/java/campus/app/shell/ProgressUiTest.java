package campus.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.CampusParts;
import campus.app.LaunchOptions;
import campus.app.Preload;
import campus.app.theme.ShellStyles;
import campus.app.theme.Theme;
import campus.courses.Course;
import campus.i18n.Lang;
import campus.progress.LearningEvent;
import campus.progress.store.ProgressStore;
import campus.progress.store.StoredEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Progress in the window, headless, on a test course and a real progress store in a data folder. */
class ProgressUiTest {

    @TempDir
    Path data;
    @TempDir
    Path content;

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

    private void open(Optional<Lang> lang) throws Exception {
        campus.app.progress.ProgressContent.write(content);
        Preload preload = Preload.start(new LaunchOptions(List.of(content), lang, Optional.of(data)));
        fx(() -> {
            stage = new Stage();
            window = CampusParts.open(stage, preload, url -> { });
            return null;
        });
        waitFor(() -> window.viewModel().lessonProperty().get() != null && !window.viewModel().loadingProperty().get()
                && window.view().isComplete());
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void record(String kind, String subject, Map<String, Object> data) {
        window.events().record(LearningEvent.now(kind, subject, data));
    }

    private void selectCourse(String id) throws Exception {
        fx(() -> {
            Course c = window.viewModel().courses().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            window.viewModel().openCourse(c);
            return null;
        });
        waitFor(() -> window.viewModel().selectedCourseProperty().get().id().equals(id));
    }

    /** The percentage shown in the course list for a course, "" while not known. */
    private String percentShown(String courseId) throws Exception {
        fx(() -> {
            // The list makes cells only for the courses in view.
            ListView<?> list = robot.lookup("#course-list").queryListView();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (((Course) list.getItems().get(i)).id().equals(courseId)) {
                    list.scrollTo(i);
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            for (Node n : robot.lookup(".list-cell").queryAll()) {
                if (n instanceof ListCell<?> cell && cell.getItem() instanceof Course c && c.id().equals(courseId)) {
                    for (Node l : cell.lookupAll("." + ShellStyles.COURSE_PERCENT)) {
                        return ((Label) l).getText();
                    }
                }
            }
            return "";
        });
    }

    /** Lessons of the lesson tree that show a tick. */
    private List<String> ticked() throws Exception {
        return fx(() -> robot.lookup(".tree-cell").queryAll().stream()
                .filter(n -> n instanceof TreeCell<?> c && c.getGraphic() instanceof Label l && l.getText().equals("✓"))
                .map(n -> ((TreeCell<?>) n).getText()).sorted().toList());
    }

    private List<StoredEvent> stored() {
        window.events().flush();
        return window.events().eventsAfter(0, 10_000);
    }

    @Test
    void ticksAndPercentagesComeFromTheStoreAndFollowTheLearnersWork() throws Exception {
        try (ProgressStore s = ProgressStore.open(data)) {
            s.record(LearningEvent.now(LearningEvent.LESSON_COMPLETED, "ptest/01-one", Map.of()));
            s.record(LearningEvent.now(LearningEvent.LAB_ATTEMPT, "ptest-lab-1", Map.of("passed", true, "score", 10)));
            s.record(LearningEvent.now(LearningEvent.LESSON_COMPLETED, "ptest/02-two", Map.of()));
        }
        open(Optional.empty());
        selectCourse("ptest");
        waitFor(() -> percentShown("ptest").equals("50%"));
        waitFor(() -> ticked().equals(List.of("Lesson 01-one")));

        // The second lesson is read; its lab passes now: tick and percentage follow without a restart.
        record(LearningEvent.LAB_ATTEMPT, "ptest-lab-2", Map.of("passed", true, "score", 10));
        waitFor(() -> percentShown("ptest").equals("100%"));
        waitFor(() -> ticked().equals(List.of("Lesson 01-one", "Lesson 02-two")));
    }

    @Test
    void openingALessonAndReadingItToTheEndAreRecorded() throws Exception {
        open(Optional.empty());
        selectCourse("ptest");
        fx(() -> {
            Course c = window.viewModel().selectedCourseProperty().get();
            window.viewModel().openLesson(c, "02-two", "");
            return null;
        });
        waitFor(() -> window.viewModel().lessonProperty().get().lesson().slug().equals("02-two")
                && !window.viewModel().loadingProperty().get());
        waitFor(() -> stored().stream().anyMatch(e -> e.kind().equals(LearningEvent.LESSON_OPENED)
                && e.subject().equals("ptest/02-two")));
        // (the first lesson, shown when the course opened, is short enough to be read to the end at once)
        assertTrue(stored().stream().noneMatch(e -> e.kind().equals(LearningEvent.LESSON_COMPLETED)
                && e.subject().equals("ptest/02-two")), () -> "not read to the end yet: " + stored());
        fx(() -> {
            window.view().lessonPane().scrollPane().setVvalue(1);
            return null;
        });
        waitFor(() -> stored().stream().anyMatch(e -> e.kind().equals(LearningEvent.LESSON_COMPLETED)
                && e.subject().equals("ptest/02-two")));
        // the event is recorded once per lesson: reading the end again adds nothing
        waitFor(() -> window.view().progress().snapshot().lessonRead("ptest", "02-two"));
        fx(() -> {
            window.view().lessonPane().scrollPane().setVvalue(0);
            window.viewModel().openLesson(window.viewModel().selectedCourseProperty().get(), "02-two", "");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            window.view().lessonPane().scrollPane().setVvalue(1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // (counted for this lesson only: whether the short first lesson was laid out, and so read, before the
        // second one replaced it depends on the timing of the pulses)
        assertEquals(1, stored().stream().filter(e -> e.kind().equals(LearningEvent.LESSON_COMPLETED)
                && e.subject().equals("ptest/02-two")).count(), () -> "recorded: " + stored());
    }

    @Test
    void aPreferenceChangeIsRecorded() throws Exception {
        open(Optional.empty());
        fx(() -> {
            window.viewModel().zoomIn();
            return null;
        });
        waitFor(() -> stored().stream().anyMatch(e -> e.kind().equals(LearningEvent.PREFERENCE_CHANGED)
                && e.subject().equals("zoom") && e.data().equals("{\"value\":\"110\"}")));
    }

    @Test
    void theProgressPageShowsChartsAndFollowsNewEvents() throws Exception {
        try (ProgressStore s = ProgressStore.open(data)) {
            // Read already: the window opens on this short lesson, read to the end as soon as it is laid out, which
            // may come before or after the summary is read below (sooner in a warm JVM, after other window tests).
            s.record(LearningEvent.now(LearningEvent.LESSON_COMPLETED, "ptest/01-one", Map.of()));
            s.record(LearningEvent.now(LearningEvent.LAB_ATTEMPT, "ptest-lab-1", Map.of("passed", false, "score", 0)));
            s.record(LearningEvent.now(LearningEvent.LAB_ATTEMPT, "ptest-lab-1", Map.of("passed", true, "score", 10)));
            s.record(LearningEvent.now(LearningEvent.QUIZ_ANSWER, "ptest-q1",
                    Map.of("quizId", "ptest-quiz", "correct", true)));
            s.record(LearningEvent.now(LearningEvent.EXAM_RESULT, "pcta-practice",
                    Map.of("score", 15.0, "max", 20.0, "passed", true, "mode", "practice", "counted", true)));
        }
        open(Optional.empty());
        waitFor(() -> window.view().progress().snapshot().events() >= 5 && !window.view().progress().syllabus().courses().isEmpty());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.P).release(javafx.scene.input.KeyCode.P,
                javafx.scene.input.KeyCode.CONTROL);
        waitFor(() -> window.progressPage().isShowing());
        Node page = window.progressPage().stage().getScene().getRoot();
        assertEquals("Your progress", fx(() -> window.progressPage().stage().getTitle()));
        assertEquals(Map.of("ptest-lab-1", 50.0), fx(() -> ProgressPage.data(page.lookup("#progress-labs"))));
        assertEquals(Map.of("ptest-quiz", 100.0), fx(() -> ProgressPage.data(page.lookup("#progress-quizzes"))));
        assertEquals(75.0, fx(() -> ProgressPage.data(page.lookup("#progress-exams")).values().iterator().next()));
        assertEquals("Lab success rate: 50% of 2 attempts passed", fx(() -> heading(page.lookup("#progress-labs"))));
        assertEquals("Lessons done: 1   ·   Labs passed: 1   ·   Streak: 1 days in a row (longest: 1)",
                fx(() -> ((Label) page.lookup("#progress-summary")).getText()));
        int todayBefore = fx(() -> lastValue(page.lookup("#progress-activity")));

        // Live: a new attempt shows on the open page.
        record(LearningEvent.LAB_ATTEMPT, "ptest-lab-2", Map.of("passed", true, "score", 10));
        waitFor(() -> ProgressPage.data(window.progressPage().stage().getScene().getRoot().lookup("#progress-labs"))
                .equals(Map.of("ptest-lab-1", 50.0, "ptest-lab-2", 100.0)));
        Node now = window.progressPage().stage().getScene().getRoot();
        assertEquals(todayBefore + 1, (int) fx(() -> lastValue(now.lookup("#progress-activity"))));

        // Both languages: the page re-draws in Chinese at once.
        fx(() -> {
            window.viewModel().toggleLang();
            return null;
        });
        waitFor(() -> window.progressPage().stage().getTitle().equals("你的学习进度"));
        Node zh = window.progressPage().stage().getScene().getRoot();
        assertEquals("实验通过率：3 次尝试中通过 67%", fx(() -> heading(zh.lookup("#progress-labs"))));
        assertEquals("已完成课程：1   ·   已通过实验：2   ·   连续学习：1 天（最长：1 天）",
                fx(() -> ((Label) zh.lookup("#progress-summary")).getText()));
        // Dark theme: the page follows the app-wide theme, charts with the dark chart sheet.
        fx(() -> {
            window.viewModel().toggleDark();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node dark = window.progressPage().stage().getScene().getRoot();
        assertTrue(fx(() -> ((javafx.scene.chart.XYChart<?, ?>) ((javafx.scene.layout.VBox) dark.lookup("#progress-labs"))
                .getChildren().get(1)).getUserAgentStylesheet().endsWith(Theme.CHARTS_DARK)));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        waitFor(() -> !window.progressPage().isShowing());
    }

    private static String heading(Node panel) {
        return ((Label) ((javafx.scene.layout.VBox) panel).getChildren().get(0)).getText();
    }

    private static int lastValue(Node panel) {
        List<Number> values = List.copyOf(ProgressPage.data(panel).values());
        return values.get(values.size() - 1).intValue();
    }
}
