package campus.app.exam;

import campus.certification.grading.Grader;
import campus.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * Opens the exam launcher on the shipped practice exam, for looking at the screens by hand:
 * {@code java … campus.app.exam.ExamDemo [en|zh] [dark]}. Data goes to a fresh temporary folder.
 */
public final class ExamDemo {

    /** The main class must not extend Application when JavaFX is on the class path, not the module path. */
    public static final class App extends Application {

    @Override
    public void start(Stage stage) throws Exception {
        boolean dark = getParameters().getRaw().contains("dark");
        Application.setUserAgentStylesheet(dark ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Lang lang = getParameters().getRaw().contains("zh") ? Lang.ZH : Lang.EN;
        stage.setScene(new Scene(new Label("Campus"), 300, 200));
        stage.show();
        Path data = Files.createTempDirectory("campus-exam-demo");
        ExamLauncher launcher = ExamLauncher.open(stage, ExamContext.of(data, "demo", Grader.withoutSql(), e -> { }, () -> lang)
                .candidate("Demo"));
        if (getParameters().getRaw().contains("script")) {
            script(launcher);
        }
    }

    /** Walks through the screens on a timer (for screenshots): start, answer, flag, navigate, review, submit. */
    private static void script(ExamLauncher launcher) {
        // the PCTA practice exam: the demo has no SQL grader, and the other practice exams hold SQL tasks
        step(4, () -> launcher.viewModel().startPractice(launcher.viewModel().practice().stream()
                .filter(e -> e.id().equals("pcta-practice")).findFirst().orElseThrow()));
        step(6, () -> {
            ExamViewModel vm = launcher.currentExam();
            for (int i = 0; i < 4; i++) {
                var q = vm.questions().get(i);
                vm.answer(q.questionId(), java.util.Optional.of(campus.certification.model.Response.Choice.of(q.parts().get(i % 2).id())));
            }
            vm.toggleFlag(vm.questions().get(1).questionId());
            vm.toggleFlag(vm.questions().get(5).questionId());
            vm.go(5);
        });
        step(12, () -> launcher.currentExam().review());
        step(16, () -> launcher.currentExam().submit());
    }

    private static void step(double seconds, Runnable r) {
        javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(seconds));
        p.setOnFinished(e -> r.run());
        p.play();
    }

    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
