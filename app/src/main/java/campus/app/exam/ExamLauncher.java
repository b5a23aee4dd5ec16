package campus.app.exam;

import campus.app.quiz.Ui;
import campus.app.theme.ExamStyles;
import campus.app.theme.Theme;
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

    static final String STYLESHEET = Theme.stylesheet(Theme.EXAM_CSS);

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
        page.getStyleClass().addAll(ExamStyles.Hook.LAUNCHER, ExamStyles.PAGE);
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
        VBox box = new VBox(10, Ui.label(Ui.t(lang, "app.exam.practice-title"), ExamStyles.SECTION_TITLE),
                Ui.label(Ui.t(lang, "app.exam.practice-text"), ExamStyles.HINT), practiceBox);
        box.getStyleClass().add(ExamStyles.SECTION);
        return box;
    }

    private void renderPractice() {
        practiceBox.getChildren().clear();
        for (LoadedExam e : vm.practice()) {
            Label title = Ui.label(e.blueprint().title().in(lang), ExamStyles.CARD_TITLE);
            Label text = Ui.label(e.blueprint().description().in(lang), ExamStyles.Hook.CARD_TEXT);
            Label facts = Ui.label(Ui.t(lang, "app.exam.facts", e.blueprint().questionCount(),
                    e.blueprint().timeLimit().toMinutes()), ExamStyles.CARD_FACTS);
            Button start = Ui.button(Ui.t(lang, "app.exam.start-practice"), () -> vm.startPractice(e), "accent");
            start.setId(ExamStyles.Id.START_PREFIX + e.id());
            start.disableProperty().bind(vm.busyProperty());
            VBox card = new VBox(6, title, text, facts, start);
            card.getStyleClass().add(ExamStyles.CARD);
            practiceBox.getChildren().add(card);
        }
    }

    private Node certificationSection() {
        TextField who = new TextField();
        who.setId(ExamStyles.Id.CANDIDATE);
        who.textProperty().bindBidirectional(vm.candidateProperty());
        who.setPromptText(Ui.t(lang, "app.exam.candidate"));
        Label file = Ui.label("", ExamStyles.Hook.PACKAGE_FILE);
        file.textProperty().bind(vm.packageFileProperty().map(p -> p.getFileName().toString())
                .orElse(Ui.t(lang, "app.exam.no-package")));
        Button choose = Ui.button(Ui.t(lang, "app.exam.open-package"), this::choosePackage);
        choose.setId(ExamStyles.Id.OPEN_PACKAGE);
        code.setId(ExamStyles.Id.UNLOCK_CODE);
        code.setPromptText(Ui.t(lang, "app.exam.unlock-code"));
        code.setOnAction(e -> vm.unlock(code.getText()));
        Button unlock = Ui.button(Ui.t(lang, "app.exam.unlock"), () -> vm.unlock(code.getText()), "accent");
        unlock.setId(ExamStyles.Id.UNLOCK);
        unlock.disableProperty().bind(vm.busyProperty().or(vm.packageFileProperty().isNull()));
        HBox fileRow = new HBox(10, choose, file);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        HBox codeRow = new HBox(10, code, unlock);
        codeRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, Ui.label(Ui.t(lang, "app.exam.certification-title"), ExamStyles.SECTION_TITLE),
                Ui.label(Ui.t(lang, "app.exam.certification-text"), ExamStyles.HINT),
                labelled(Ui.t(lang, "app.exam.candidate"), who), fileRow, codeRow);
        box.getStyleClass().add(ExamStyles.SECTION);
        return box;
    }

    private Node labelled(String text, Node field) {
        Label l = Ui.label(text, ExamStyles.Hook.FIELD_LABEL);
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

    /** What the file chooser does, for tests. */
    void selectPackage(Path file) {
        vm.packageFileProperty().set(file);
    }

    /**
     * Chooses a package given on the command line (a double-clicked {@code .campusexam}), once its header is checked
     * off the UI thread; a file that is not a readable package leaves none chosen and shows why. Call on the UI thread.
     */
    public void openPackage(Path file) {
        vm.openPackage(file);
    }

    private Node resumeSection() {
        VBox box = new VBox(10, Ui.label(Ui.t(lang, "app.exam.resume-title"), ExamStyles.SECTION_TITLE),
                Ui.label(Ui.t(lang, "app.exam.resume-text"), ExamStyles.HINT), resumeBox);
        box.getStyleClass().add(ExamStyles.SECTION);
        renderResume();
        return box;
    }

    private void renderResume() {
        resumeBox.getChildren().clear();
        if (vm.unfinished().isEmpty()) {
            resumeBox.getChildren().add(Ui.label(Ui.t(lang, "app.exam.nothing-to-resume"), ExamStyles.HINT));
            return;
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(lang.locale())
                .withZone(ZoneId.systemDefault());
        int n = 0;
        for (Attempt a : vm.unfinished()) {
            String mode = Ui.t(lang, a.mode() == ExamMode.CERTIFICATION ? "app.exam.mode-certification" : "app.exam.mode-practice");
            Label text = Ui.label(Ui.t(lang, "app.exam.attempt-line", a.examId(), mode, when.format(a.startedAt()),
                    a.responses().size(), a.form().items().size()), ExamStyles.Hook.CARD_TEXT);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            Button resume = Ui.button(Ui.t(lang, a.mode() == ExamMode.CERTIFICATION ? "app.exam.resume-with-code"
                    : "app.exam.resume"), () -> {
                        vm.selectAttempt(a);
                        vm.resume(a, code.getText());
                    });
            resume.setId(ExamStyles.Id.RESUME_PREFIX + n++);
            resume.disableProperty().bind(vm.busyProperty());
            HBox row = new HBox(10, text, resume);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(ExamStyles.CARD);
            resumeBox.getChildren().add(row);
            vm.selectAttempt(a);
        }
    }

    private Node status() {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId(ExamStyles.Id.BUSY);
        busy.setPrefSize(28, 28);
        busy.visibleProperty().bind(vm.busyProperty());
        Label working = Ui.label(Ui.t(lang, "app.exam.working"), ExamStyles.HINT);
        working.visibleProperty().bind(vm.busyProperty());
        Label error = Ui.label("", ExamStyles.ERROR);
        error.setId(ExamStyles.Id.LAUNCH_ERROR);
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
