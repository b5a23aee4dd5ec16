package campus.app.exam;

import campus.app.quiz.Ui;
import campus.app.theme.ExamStyles;
import campus.i18n.Lang;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The exam window's dialogs, drawn over it: submit, leave, and the proctor's code that a certification
 * attempt needs to suspend or end.
 */
final class ExamDialogs {

    private final ExamViewModel vm;
    private final StackPane root;
    private final Runnable closeWindow;
    private final Runnable commitInput;

    /**
     * @param root        the window's root, which the dialog covers
     * @param closeWindow closes the exam window (the attempt stays saved)
     * @param commitInput saves a typed answer before the candidate is asked
     */
    ExamDialogs(ExamViewModel vm, StackPane root, Runnable closeWindow, Runnable commitInput) {
        this.vm = vm;
        this.root = root;
        this.closeWindow = closeWindow;
        this.commitInput = commitInput;
    }

    private Lang lang() {
        return vm.langProperty().get();
    }

    /** Asks before submitting, saying how many questions are still open. */
    void confirmSubmit() {
        Lang lang = lang();
        int open = vm.unanswered().size();
        String text = open == 0 ? Ui.t(lang, "app.exam.confirm-submit") : Ui.t(lang, "app.exam.confirm-submit-open", open);
        Button yes = Ui.button(Ui.t(lang, "app.exam.submit-now"), () -> {
            closeOverlay();
            vm.submit();
        }, "accent");
        yes.setId(ExamStyles.Id.CONFIRM_SUBMIT);
        Button no = Ui.button(Ui.t(lang, "app.exam.cancel"), this::closeOverlay);
        overlay(Ui.label(text, ExamStyles.DIALOG_TEXT), new HBox(10, yes, no));
    }

    /**
     * Closing: at once when the exam is over; in practice mode after the candidate confirms; in certification mode
     * only with the proctor's code, which suspends (the window closes, the attempt resumes later) or ends the exam.
     */
    void askToLeave() {
        Lang lang = lang();
        if (vm.outcomeProperty().get() != null) {
            closeWindow.run();
            return;
        }
        commitInput.run();
        if (!vm.proctored()) {
            Button leave = Ui.button(Ui.t(lang, "app.exam.leave-now"), closeWindow, "accent");
            leave.setId(ExamStyles.Id.CONFIRM_LEAVE);
            Button stay = Ui.button(Ui.t(lang, "app.exam.stay"), this::closeOverlay);
            overlay(Ui.label(Ui.t(lang, "app.exam.leave-text"), ExamStyles.DIALOG_TEXT), new HBox(10, leave, stay));
            return;
        }
        PasswordField code = new PasswordField();
        code.setId(ExamStyles.Id.PROCTOR_CODE);
        code.setPromptText(Ui.t(lang, "app.exam.proctor-code"));
        Label error = Ui.label("", ExamStyles.ERROR);
        Button suspend = Ui.button(Ui.t(lang, "app.exam.suspend"), () -> {
            if (vm.proctorCodeMatches(code.getText())) {
                closeWindow.run();
            } else {
                error.setText(Ui.t(lang, "app.exam.proctor-wrong"));
            }
        }, "accent");
        suspend.setId(ExamStyles.Id.SUSPEND);
        Button end = Ui.button(Ui.t(lang, "app.exam.end-now"), () -> {
            if (vm.proctorCodeMatches(code.getText())) {
                closeOverlay();
                vm.submit();
            } else {
                error.setText(Ui.t(lang, "app.exam.proctor-wrong"));
            }
        }, "danger");
        end.setId(ExamStyles.Id.END_NOW);
        Button cancel = Ui.button(Ui.t(lang, "app.exam.cancel"), this::closeOverlay);
        overlay(Ui.label(Ui.t(lang, "app.exam.proctor-text"), ExamStyles.DIALOG_TEXT), code, error, new HBox(10, suspend, end, cancel));
        code.requestFocus();
    }

    /** Dialogs inside the exam window: separate windows could open behind a full-screen, always-on-top stage. */
    private void overlay(Node... content) {
        closeOverlay();
        VBox box = new VBox(12, content);
        box.getStyleClass().add(ExamStyles.DIALOG);
        box.setMaxSize(520, Region.USE_PREF_SIZE);
        StackPane shade = new StackPane(box);
        shade.getStyleClass().add(ExamStyles.DIALOG_SHADE);
        shade.setId(ExamStyles.Id.OVERLAY);
        root.getChildren().add(shade);
    }

    void closeOverlay() {
        root.getChildren().removeIf(n -> ExamStyles.Id.OVERLAY.equals(n.getId()));
    }
}
