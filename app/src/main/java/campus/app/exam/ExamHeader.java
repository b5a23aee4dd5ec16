package campus.app.exam;

import campus.app.quiz.Ui;
import campus.app.theme.ExamStyles;
import campus.certification.attempt.AttemptStatus;
import campus.certification.bank.ExamMode;
import campus.i18n.Lang;
import java.time.Duration;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The exam window's header: the countdown (warning and danger colours as time runs out, the grace
 * period), notices for the candidate, and the discreet mark of clock anomalies.
 */
final class ExamHeader {

    private final ExamViewModel vm;
    private final Runnable leave;
    private final Runnable commitInput;
    private final Label clock = Ui.label("", ExamStyles.CLOCK);
    private final Label notice = Ui.label("", ExamStyles.NOTICE);
    private final Label anomaly = Ui.label("", ExamStyles.ANOMALY);

    /**
     * @param leave       what the leave (close, proctor) button does
     * @param commitInput saves a typed answer before the language switches
     */
    ExamHeader(ExamViewModel vm, Runnable leave, Runnable commitInput) {
        this.vm = vm;
        this.leave = leave;
        this.commitInput = commitInput;
    }

    private Lang lang() {
        return vm.langProperty().get();
    }

    /** The bar: title, mode, clock-anomaly mark, countdown, language, leave; the notice below it. */
    Node build() {
        Lang lang = lang();
        Label title = Ui.label(vm.session().blueprint().title().in(lang), ExamStyles.TITLE);
        Label mode = Ui.label(Ui.t(lang, vm.mode() == ExamMode.CERTIFICATION ? "app.exam.mode-certification"
                : "app.exam.mode-practice"), ExamStyles.MODE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToggleButton langToggle = new ToggleButton(lang == Lang.EN ? "中文" : "EN");
        langToggle.getStyleClass().add(ExamStyles.Hook.LANG);
        langToggle.setOnAction(e -> {
            commitInput.run();
            vm.langProperty().set(lang.other());
        });
        langToggle.setTooltip(new Tooltip(Ui.t(lang, "app.exam.switch-language")));
        boolean finished = vm.outcomeProperty().get() != null;
        Button leaveButton = Ui.button(Ui.t(lang, finished ? "app.exam.close" : vm.proctored() ? "app.exam.proctor" : "app.exam.leave"),
                leave, ExamStyles.Hook.LEAVE, "flat");
        leaveButton.setId(ExamStyles.Id.LEAVE);
        VBox titles = new VBox(2, title, mode);
        HBox bar = new HBox(16, titles, spacer, anomaly, clock, langToggle, leaveButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(ExamStyles.HEADER);
        VBox top = new VBox(bar, notice);
        notice.setMaxWidth(Double.MAX_VALUE);
        return top;
    }

    void renderClock() {
        Lang lang = lang();
        clock.getStyleClass().removeAll(ExamStyles.CLOCK_WARNING, ExamStyles.CLOCK_DANGER);
        if (vm.outcomeProperty().get() != null) {
            clock.setText(Ui.t(lang, "app.exam.finished"));
            return;
        }
        if (vm.statusProperty().get() == AttemptStatus.GRACE) {
            clock.setText(Ui.t(lang, "app.exam.grace-clock", format(vm.graceRemainingProperty().get())));
            clock.getStyleClass().add(ExamStyles.CLOCK_DANGER);
            return;
        }
        Duration left = vm.remainingProperty().get();
        clock.setText(Ui.t(lang, "app.exam.time-left", format(left)));
        if (left.compareTo(ExamClock.LAST_WARNING) <= 0) {
            clock.getStyleClass().add(ExamStyles.CLOCK_DANGER);
        } else if (left.compareTo(ExamClock.FIRST_WARNING) <= 0) {
            clock.getStyleClass().add(ExamStyles.CLOCK_WARNING);
        }
    }

    static String format(Duration d) {
        long s = Math.max(0, (d.toMillis() + 999) / 1000);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%02d:%02d", s / 60, s % 60);
    }

    void renderNotice() {
        boolean any = vm.noticeProperty().get() != null;
        notice.setText(any ? vm.noticeProperty().get().in(lang()) : "");
        notice.setVisible(any);
        notice.setManaged(any);
    }

    /** Discreet: a small mark with the details in a tooltip; the record keeps them for the proctor. */
    void renderAnomaly() {
        boolean any = !vm.anomalies().isEmpty();
        anomaly.setVisible(any);
        anomaly.setManaged(any);
        if (any) {
            anomaly.setText(Ui.t(lang(), "app.exam.clock-anomaly", vm.anomalies().size()));
            anomaly.setTooltip(new Tooltip(vm.anomalies().stream().map(a -> a.message().in(lang()))
                    .collect(Collectors.joining("\n"))));
        }
    }
}
