package campus.app.exam;

import campus.app.quiz.Ui;
import campus.certification.attempt.Attempt;
import campus.certification.bank.ExamMode;
import campus.certification.bank.LoadedExam;
import campus.i18n.Lang;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * The "Certification exam…" window: shipped practice exams, an exam package opened with the
 * proctor's unlock code, and unfinished attempts to resume. Starting one hides this window and opens
 * the exam window; when that closes (submitted or suspended) this window comes back.
 */
public final class ExamLauncher {

    static final String STYLESHEET = ExamLauncher.class.getResource("/campus/app/theme/exam.css").toExternalForm();

    private final ExamContext ctx;
    private final Stage stage = new Stage();
    private final Lang lang;
    private final ExamLauncherViewModel vm;
    private final VBox practiceBox = new VBox(10);
    private final VBox resumeBox = new VBox(8);
    private final PasswordField code = new PasswordField();
    private ExamWindow exam;
    private ExamViewModel examModel;

    private ExamLauncher(Stage owner, ExamContext ctx) {
        this.ctx = ctx;
        this.lang = ctx.language();
        this.vm = new ExamLauncherViewModel(ctx, this::openExam);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(Ui.t(lang, "app.exam.launcher-title"));
        VBox page = new VBox(18, practiceSection(), certificationSection(), resumeSection(), status());
        page.getStyleClass().addAll("exam-launcher", "exam-page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 760, 680);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        vm.practice().addListener((ListChangeListener<LoadedExam>) c -> renderPractice());
        vm.unfinished().addListener((ListChangeListener<Attempt>) c -> renderResume());
    }

    /**
     * Opens the launcher over the main window. Call on the UI thread; the menu item
     * "Certification exam…" calls it with the main stage and the context the shell made once.
     */
    public static ExamLauncher open(Stage owner, ExamContext ctx) {
        ExamLauncher l = new ExamLauncher(owner, ctx);
        l.stage.show();
        l.vm.load();
        return l;
    }

    public Stage stage() {
        return stage;
    }

    ExamLauncherViewModel viewModel() {
        return vm;
    }

    /** The exam on screen, if any (tests). */
    ExamViewModel currentExam() {
        return examModel;
    }

    ExamWindow currentWindow() {
        return exam;
    }

    private Node practiceSection() {
        VBox box = new VBox(10, Ui.label(Ui.t(lang, "app.exam.practice-title"), "exam-section-title"),
                Ui.label(Ui.t(lang, "app.exam.practice-text"), "exam-hint"), practiceBox);
        box.getStyleClass().add("exam-section");
        return box;
    }

    private void renderPractice() {
        practiceBox.getChildren().clear();
        for (LoadedExam e : vm.practice()) {
            Label title = Ui.label(e.blueprint().title().in(lang), "exam-card-title");
            Label text = Ui.label(e.blueprint().description().in(lang), "exam-card-text");
            Label facts = Ui.label(Ui.t(lang, "app.exam.facts", e.blueprint().questionCount(),
                    e.blueprint().timeLimit().toMinutes()), "exam-card-facts");
            Button start = Ui.button(Ui.t(lang, "app.exam.start-practice"), () -> vm.startPractice(e), "accent");
            start.setId("exam-start-" + e.id());
            start.disableProperty().bind(vm.busyProperty());
            VBox card = new VBox(6, title, text, facts, start);
            card.getStyleClass().add("exam-card");
            practiceBox.getChildren().add(card);
        }
    }

    private Node certificationSection() {
        TextField who = new TextField();
        who.setId("exam-candidate");
        who.textProperty().bindBidirectional(vm.candidateProperty());
        who.setPromptText(Ui.t(lang, "app.exam.candidate"));
        Label file = Ui.label("", "exam-package-file");
        file.textProperty().bind(vm.packageFileProperty().map(p -> p.getFileName().toString())
                .orElse(Ui.t(lang, "app.exam.no-package")));
        Button choose = Ui.button(Ui.t(lang, "app.exam.open-package"), this::choosePackage);
        choose.setId("exam-open-package");
        code.setId("exam-unlock-code");
        code.setPromptText(Ui.t(lang, "app.exam.unlock-code"));
        code.setOnAction(e -> vm.unlock(code.getText()));
        Button unlock = Ui.button(Ui.t(lang, "app.exam.unlock"), () -> vm.unlock(code.getText()), "accent");
        unlock.setId("exam-unlock");
        unlock.disableProperty().bind(vm.busyProperty().or(vm.packageFileProperty().isNull()));
        HBox fileRow = new HBox(10, choose, file);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        HBox codeRow = new HBox(10, code, unlock);
        codeRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, Ui.label(Ui.t(lang, "app.exam.certification-title"), "exam-section-title"),
                Ui.label(Ui.t(lang, "app.exam.certification-text"), "exam-hint"),
                labelled(Ui.t(lang, "app.exam.candidate"), who), fileRow, codeRow);
        box.getStyleClass().add("exam-section");
        return box;
    }

    private Node labelled(String text, Node field) {
        Label l = Ui.label(text, "exam-field-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, l, field);
        HBox.setHgrow(field, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void choosePackage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Ui.t(lang, "app.exam.open-package"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(Ui.t(lang, "app.exam.package-files"), "*.campusexam", "*.cxp", "*.bin"),
                new FileChooser.ExtensionFilter(Ui.t(lang, "app.exam.all-files"), "*.*"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            vm.packageFileProperty().set(f.toPath());
        }
    }

    /** What the file chooser does, for tests and for the shell (e.g. a package passed on the command line). */
    void selectPackage(Path file) {
        vm.packageFileProperty().set(file);
    }

    private Node resumeSection() {
        VBox box = new VBox(10, Ui.label(Ui.t(lang, "app.exam.resume-title"), "exam-section-title"),
                Ui.label(Ui.t(lang, "app.exam.resume-text"), "exam-hint"), resumeBox);
        box.getStyleClass().add("exam-section");
        renderResume();
        return box;
    }

    private void renderResume() {
        resumeBox.getChildren().clear();
        if (vm.unfinished().isEmpty()) {
            resumeBox.getChildren().add(Ui.label(Ui.t(lang, "app.exam.nothing-to-resume"), "exam-hint"));
            return;
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(lang.locale())
                .withZone(ZoneId.systemDefault());
        int n = 0;
        for (Attempt a : vm.unfinished()) {
            String mode = Ui.t(lang, a.mode() == ExamMode.CERTIFICATION ? "app.exam.mode-certification" : "app.exam.mode-practice");
            Label text = Ui.label(Ui.t(lang, "app.exam.attempt-line", a.examId(), mode, when.format(a.startedAt()),
                    a.responses().size(), a.form().items().size()), "exam-card-text");
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            Button resume = Ui.button(Ui.t(lang, a.mode() == ExamMode.CERTIFICATION ? "app.exam.resume-with-code"
                    : "app.exam.resume"), () -> {
                        vm.selectAttempt(a);
                        vm.resume(a, code.getText());
                    });
            resume.setId("exam-resume-" + n++);
            resume.disableProperty().bind(vm.busyProperty());
            HBox row = new HBox(10, text, resume);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("exam-card");
            resumeBox.getChildren().add(row);
            vm.selectAttempt(a);
        }
    }

    private Node status() {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("exam-busy");
        busy.setPrefSize(28, 28);
        busy.visibleProperty().bind(vm.busyProperty());
        Label working = Ui.label(Ui.t(lang, "app.exam.working"), "exam-hint");
        working.visibleProperty().bind(vm.busyProperty());
        Label error = Ui.label("", "exam-error");
        error.setId("exam-launch-error");
        error.textProperty().bind(vm.errorProperty().map(m -> m.in(lang)).orElse(""));
        HBox row = new HBox(10, busy, working, error);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void openExam(ExamLauncherViewModel.Ready ready) {
        code.clear();
        examModel = new ExamViewModel(ready.session(), ready.mode(), ready.proctorCode(), ctx.language());
        exam = new ExamWindow(examModel, ctx.sqlInput(), this::examClosed);
        stage.hide();
        exam.show();
    }

    private void examClosed() {
        exam = null;
        examModel = null;
        stage.show();
        vm.load();
    }
}
