package campus.app.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import campus.app.LaunchOptions;
import campus.certification.grading.Grader;
import campus.certification.integrity.ExamPackage;
import campus.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code campus FILE.campusexam}, what a double-click on an exam package runs: the path from the command line is
 * opened in the exam launcher, which chooses it and waits for the unlock code; a file that is no package says so in
 * the learner's language and nothing is chosen.
 */
@ExtendWith(ApplicationExtension.class)
class ExamPackageArgumentTest {

    @TempDir
    Path tmp;

    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = ExamFixtures.showMainWindow(stage);
    }

    @AfterEach
    void closeLaunchers(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != owner).forEach(Window::hide));
    }

    /** Opens the launcher as the shell does for {@code campus ARGS}, on the package the command line names. */
    private void open(FxRobot robot, Lang lang, String... args) throws Exception {
        Path pkg = LaunchOptions.parse(List.of(args)).examPackage().orElseThrow();
        ExamContext ctx = ExamContext.of(tmp.resolve("data"), "app-sha", Grader.withoutSql(), e -> { }, () -> lang)
                .practiceExamFolders(List.of());
        ExamLauncher[] launcher = new ExamLauncher[1];
        robot.interact(() -> {
            launcher[0] = ExamLauncher.open(owner, ctx);
            launcher[0].openPackage(pkg);
        });
        // the header is checked off the UI thread: then the package is chosen, or an error says why not
        ExamLauncherViewModel vm = launcher[0].viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> vm.packageFileProperty().get() != null || vm.errorProperty().get() != null).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aPackageGivenOnTheCommandLineIsChosen(FxRobot robot) throws Exception {
        Path exam = ExamFixtures.writeExam(tmp.resolve("tiny"), "tiny", "auto-submit");
        Path pkg = Files.write(tmp.resolve("final exam.campusexam"), ExamPackage.pack(exam, ExamModeTest.CODE, 10_000));
        open(robot, Lang.EN, pkg.toString(), "--lang", "en");
        assertEquals("final exam.campusexam", text(robot, ".exam-package-file"));
        assertEquals("", text(robot, "#exam-launch-error"));
        assertFalse(robot.lookup("#exam-unlock").queryAs(Button.class).isDisabled(), "ready for the code");
    }

    @Test
    void aFileThatIsNoPackageIsRefusedClearly(FxRobot robot) throws Exception {
        Path bad = Files.writeString(tmp.resolve("notes.campusexam"), "not an exam");
        open(robot, Lang.EN, bad.toString());
        assertEquals("notes.campusexam is not a Campus exam package", text(robot, "#exam-launch-error"));
        assertEquals("No package chosen", text(robot, ".exam-package-file"));
        assertEquals(true, robot.lookup("#exam-unlock").queryAs(Button.class).isDisabled());
    }

    @Test
    void theRefusalIsInTheLearnersLanguage(FxRobot robot) throws Exception {
        Path exam = ExamFixtures.writeExam(tmp.resolve("tiny"), "tiny", "auto-submit");
        byte[] whole = ExamPackage.pack(exam, ExamModeTest.CODE, 10_000);
        Path cut = Files.write(tmp.resolve("cut.campusexam"), java.util.Arrays.copyOf(whole, 20));
        open(robot, Lang.ZH, cut.toString(), "--lang", "zh");
        assertEquals("cut.campusexam 不完整（被截断）。请向监考老师索取新的副本。", text(robot, "#exam-launch-error"));
        assertEquals("尚未选择考试包", text(robot, ".exam-package-file"));
    }

    @Test
    void aMissingFileIsRefusedClearly(FxRobot robot) throws Exception {
        Path gone = tmp.resolve("gone.campusexam");
        open(robot, Lang.EN, gone.toString());
        assertEquals("Cannot read the exam package " + gone + ": " + gone, text(robot, "#exam-launch-error"));
        assertEquals("No package chosen", text(robot, ".exam-package-file"));
    }
}
