package campus.app.exam;

import campus.app.quiz.PromptView;
import campus.app.quiz.QuestionInput;
import campus.app.quiz.SqlInput;
import campus.app.quiz.Ui;
import campus.certification.attempt.AttemptStatus;
import campus.certification.attempt.ClockAnomaly;
import campus.certification.attempt.ExamOutcome;
import campus.certification.attempt.PresentedQuestion;
import campus.certification.bank.ExamMode;
import campus.i18n.Lang;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.collections.MapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The exam window: header with the countdown, a navigator, one question at a time, a review page
 * and the result. Certification mode runs it as a kiosk ({@link ExamKiosk}); closing it is never a
 * way out: in certification mode the proctor's code suspends or ends the attempt, in practice mode
 * the candidate confirms, and either way the attempt stays saved and resumable.
 */
final class ExamWindow {

    private final ExamViewModel vm;
    private final Stage stage = new Stage();
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final Label clock = Ui.label("", "exam-clock");
    private final Label notice = Ui.label("", "exam-notice");
    private final Label anomaly = Ui.label("", "exam-anomaly");
    private final FlowPane navigator = new FlowPane(6, 6);
    private final SqlInput.Factory sqlInput;
    private final Runnable onClosed;
    private ExamKiosk kiosk;
    private QuestionInput input;
    private String inputQuestion;
    private Button clearAnswer;
    private final PauseTransition typingPause = new PauseTransition(javafx.util.Duration.millis(700));

    ExamWindow(ExamViewModel vm, SqlInput.Factory sqlInput, Runnable onClosed) {
        this.vm = vm;
        this.sqlInput = sqlInput;
        this.onClosed = onClosed;
        frame.getStyleClass().add("exam-frame");
        root.getStyleClass().add("exam-root");
        root.getChildren().add(frame);
        Scene scene = new Scene(root, 1200, 800);
        scene.getStylesheets().add(ExamLauncher.STYLESHEET);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            e.consume();
            askToLeave();
        });
        typingPause.setOnFinished(e -> commitInput());
        vm.langProperty().addListener((o, was, now) -> renderAll());
        vm.currentProperty().addListener((o, was, now) -> renderPage());
        vm.pageProperty().addListener((o, was, now) -> renderPage());
        vm.responses().addListener((MapChangeListener<String, Object>) c -> {
            renderNavigator();
            updateClearButton();
        });
        vm.flagged().addListener((SetChangeListener<String>) c -> renderNavigator());
        vm.remainingProperty().addListener((o, was, now) -> renderClock());
        vm.graceRemainingProperty().addListener((o, was, now) -> renderClock());
        vm.statusProperty().addListener((o, was, now) -> {
            renderClock();
            if (now == AttemptStatus.GRACE && vm.pageProperty().get() == ExamViewModel.Page.QUESTION) {
                renderPage();
            }
        });
        vm.outcomeProperty().addListener((o, was, now) -> {
            closeOverlay();
            frame.setTop(header());
        });
        vm.noticeProperty().addListener((o, was, now) -> renderNotice());
        vm.anomalies().addListener((javafx.collections.ListChangeListener<ClockAnomaly>) c -> renderAnomaly());
        renderAll();
    }

    Stage stage() {
        return stage;
    }

    void show() {
        Lang lang = vm.langProperty().get();
        stage.setTitle(vm.session().blueprint().title().in(lang));
        if (vm.mode() == ExamMode.CERTIFICATION && vm.outcomeProperty().get() == null) {
            kiosk = new ExamKiosk(stage);
            stage.show();
            kiosk.lock();
            // The kiosk cannot stop the operating system's task switcher; it can make leaving visible.
            stage.focusedProperty().addListener((o, was, now) -> vm.windowFocus(now));
        } else {
            stage.setMaximized(true);
            stage.show();
        }
        vm.start();
    }

    /** Closes the window; the attempt stays saved as it is. */
    void close() {
        commitInput();
        vm.stop();
        if (kiosk != null) {
            kiosk.unlock();
        }
        stage.hide();
        onClosed.run();
    }

    private Lang lang() {
        return vm.langProperty().get();
    }

    private void renderAll() {
        frame.setTop(header());
        renderNavigator();
        renderPage();
        renderClock();
        renderNotice();
        renderAnomaly();
    }

    private Node header() {
        Lang lang = lang();
        Label title = Ui.label(vm.session().blueprint().title().in(lang), "exam-title");
        Label mode = Ui.label(Ui.t(lang, vm.mode() == ExamMode.CERTIFICATION ? "app.exam.mode-certification"
                : "app.exam.mode-practice"), "exam-mode");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToggleButton langToggle = new ToggleButton(lang == Lang.EN ? "中文" : "EN");
        langToggle.getStyleClass().add("exam-lang");
        langToggle.setOnAction(e -> {
            commitInput();
            vm.langProperty().set(lang.other());
        });
        langToggle.setTooltip(new Tooltip(Ui.t(lang, "app.exam.switch-language")));
        boolean finished = vm.outcomeProperty().get() != null;
        Button leave = Ui.button(Ui.t(lang, finished ? "app.exam.close" : vm.proctored() ? "app.exam.proctor" : "app.exam.leave"),
                this::askToLeave, "exam-leave", "flat");
        leave.setId("exam-leave");
        VBox titles = new VBox(2, title, mode);
        HBox bar = new HBox(16, titles, spacer, anomaly, clock, langToggle, leave);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("exam-header");
        VBox top = new VBox(bar, notice);
        notice.setMaxWidth(Double.MAX_VALUE);
        return top;
    }

    private void renderClock() {
        Lang lang = lang();
        clock.getStyleClass().removeAll("exam-clock-warning", "exam-clock-danger");
        if (vm.outcomeProperty().get() != null) {
            clock.setText(Ui.t(lang, "app.exam.finished"));
            return;
        }
        if (vm.statusProperty().get() == AttemptStatus.GRACE) {
            clock.setText(Ui.t(lang, "app.exam.grace-clock", format(vm.graceRemainingProperty().get())));
            clock.getStyleClass().add("exam-clock-danger");
            return;
        }
        Duration left = vm.remainingProperty().get();
        clock.setText(Ui.t(lang, "app.exam.time-left", format(left)));
        if (left.compareTo(ExamViewModel.LAST_WARNING) <= 0) {
            clock.getStyleClass().add("exam-clock-danger");
        } else if (left.compareTo(ExamViewModel.FIRST_WARNING) <= 0) {
            clock.getStyleClass().add("exam-clock-warning");
        }
    }

    static String format(Duration d) {
        long s = Math.max(0, (d.toMillis() + 999) / 1000);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%02d:%02d", s / 60, s % 60);
    }

    private void renderNotice() {
        boolean any = vm.noticeProperty().get() != null;
        notice.setText(any ? vm.noticeProperty().get().in(lang()) : "");
        notice.setVisible(any);
        notice.setManaged(any);
    }

    /** Discreet: a small mark with the details in a tooltip; the record keeps them for the proctor. */
    private void renderAnomaly() {
        boolean any = !vm.anomalies().isEmpty();
        anomaly.setVisible(any);
        anomaly.setManaged(any);
        if (any) {
            anomaly.setText(Ui.t(lang(), "app.exam.clock-anomaly", vm.anomalies().size()));
            anomaly.setTooltip(new Tooltip(vm.anomalies().stream().map(a -> a.message().in(lang()))
                    .collect(Collectors.joining("\n"))));
        }
    }

    private void renderNavigator() {
        Lang lang = lang();
        navigator.getChildren().clear();
        navigator.getStyleClass().setAll("exam-navigator");
        navigator.setPrefWrapLength(200);
        boolean result = vm.pageProperty().get() == ExamViewModel.Page.RESULT;
        for (PresentedQuestion q : vm.questions()) {
            Button b = new Button(Integer.toString(q.number()));
            b.setId("exam-nav-" + q.number());
            b.getStyleClass().add("exam-nav-item");
            if (vm.responses().containsKey(q.questionId())) {
                b.getStyleClass().add("exam-nav-answered");
            }
            if (vm.flagged().contains(q.questionId())) {
                b.getStyleClass().add("exam-nav-flagged");
            }
            if (q.number() - 1 == vm.currentProperty().get() && vm.pageProperty().get() == ExamViewModel.Page.QUESTION) {
                b.getStyleClass().add("exam-nav-current");
            }
            b.setDisable(result);
            b.setOnAction(e -> {
                commitInput();
                vm.go(q.number() - 1);
            });
            navigator.getChildren().add(b);
        }
        long answered = vm.questions().stream().filter(q -> vm.responses().containsKey(q.questionId())).count();
        Label progress = Ui.label(Ui.t(lang, "app.exam.answered-count", answered, vm.questions().size()), "exam-progress");
        VBox legend = new VBox(4,
                legend("exam-nav-answered", Ui.t(lang, "app.exam.legend-answered")),
                legend("exam-nav-flagged", Ui.t(lang, "app.exam.legend-flagged")),
                legend("exam-nav-current", Ui.t(lang, "app.exam.legend-current")));
        legend.getStyleClass().add("exam-legend");
        Button review = Ui.button(Ui.t(lang, "app.exam.review"), () -> {
            commitInput();
            vm.review();
        }, "exam-review-button");
        review.setId("exam-review");
        review.setMaxWidth(Double.MAX_VALUE);
        review.setDisable(result);
        VBox side = new VBox(12, Ui.label(Ui.t(lang, "app.exam.questions"), "exam-side-title"), navigator, progress, legend, review);
        side.getStyleClass().add("exam-side");
        side.setPrefWidth(230);
        frame.setLeft(side);
    }

    private Node legend(String styleClass, String text) {
        Label swatch = new Label();
        swatch.getStyleClass().addAll("exam-nav-item", "exam-legend-swatch", styleClass);
        HBox row = new HBox(6, swatch, Ui.label(text, "exam-legend-text"));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void renderPage() {
        renderNavigator();
        Node page;
        switch (vm.pageProperty().get()) {
            case REVIEW:
                page = reviewPage();
                break;
            case RESULT:
                page = new ResultView(vm.outcomeProperty().get(), vm.questions(), vm.session().blueprint(), lang(),
                        this::close).node();
                break;
            default:
                page = questionPage();
                break;
        }
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("exam-page-scroll");
        frame.setCenter(scroll);
    }

    private Node questionPage() {
        Lang lang = lang();
        PresentedQuestion q = vm.currentQuestion();
        VBox page = new VBox(14);
        page.getStyleClass().add("exam-page");
        Label number = Ui.label(Ui.t(lang, "app.exam.question-of", q.number(), vm.questions().size(), Ui.points(q.points())),
                "exam-question-number");
        page.getChildren().addAll(number, PromptView.of(q.prompt().in(lang), "exam-prompt"));
        input = new QuestionInput(q, lang, java.util.Optional.ofNullable(vm.responses().get(q.questionId())), sqlInput);
        inputQuestion = q.questionId();
        input.setEditable(vm.answersOpen());
        QuestionInput shown = input;
        input.setOnChange(() -> {
            if (shown.textual()) {
                typingPause.playFromStart();
            } else {
                vm.answer(q.questionId(), shown.response());
            }
        });
        page.getChildren().add(input.node());
        if (vm.statusProperty().get() == AttemptStatus.GRACE) {
            page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.grace-locked"), "exam-grace"));
        }
        ToggleButton flag = new ToggleButton(Ui.t(lang, "app.exam.flag"));
        flag.setId("exam-flag");
        flag.getStyleClass().add("exam-flag");
        flag.setSelected(vm.flagged().contains(q.questionId()));
        flag.setOnAction(e -> vm.toggleFlag(q.questionId()));
        Button prev = Ui.button(Ui.t(lang, "app.exam.previous"), () -> {
            commitInput();
            vm.previous();
        }, "exam-previous");
        prev.setId("exam-previous");
        prev.setDisable(q.number() == 1);
        boolean last = q.number() == vm.questions().size();
        Button next = Ui.button(Ui.t(lang, last ? "app.exam.review" : "app.exam.next"), () -> {
            commitInput();
            if (last) {
                vm.review();
            } else {
                vm.next();
            }
        }, "exam-next", "accent");
        next.setId("exam-next");
        clearAnswer = Ui.button(Ui.t(lang, "app.exam.clear-answer"), () -> {
            typingPause.stop();
            vm.clearAnswer(q.questionId());
            renderPage();
        }, "exam-clear-answer", "flat");
        clearAnswer.setId("exam-clear-answer");
        updateClearButton();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(10, prev, flag, clearAnswer, spacer, next);
        actions.getStyleClass().add("exam-actions");
        page.getChildren().add(actions);
        return page;
    }

    /** "Clear answer" shows on the question page while its question has an answer that may still change. */
    private void updateClearButton() {
        if (clearAnswer == null) {
            return;
        }
        boolean show = vm.pageProperty().get() == ExamViewModel.Page.QUESTION && vm.answersOpen()
                && vm.responses().containsKey(vm.currentQuestion().questionId());
        clearAnswer.setVisible(show);
        clearAnswer.setManaged(show);
    }

    /** Saves a typed answer now (navigation, language switch, close) instead of after the pause. */
    private void commitInput() {
        typingPause.stop();
        if (input != null && inputQuestion != null && vm.answersOpen() && vm.pageProperty().get() == ExamViewModel.Page.QUESTION) {
            vm.answer(inputQuestion, input.response());
        }
    }

    private Node reviewPage() {
        Lang lang = lang();
        input = null;
        VBox page = new VBox(14);
        page.getStyleClass().add("exam-page");
        page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.review-title"), "exam-page-title"));
        List<PresentedQuestion> open = vm.unanswered();
        List<PresentedQuestion> flagged = vm.flaggedQuestions();
        page.getChildren().add(Ui.label(open.isEmpty() ? Ui.t(lang, "app.exam.all-answered")
                : Ui.t(lang, "app.exam.unanswered", open.size()), "exam-review-heading"));
        page.getChildren().add(links(open, "exam-review-unanswered"));
        page.getChildren().add(Ui.label(flagged.isEmpty() ? Ui.t(lang, "app.exam.none-flagged")
                : Ui.t(lang, "app.exam.flagged", flagged.size()), "exam-review-heading"));
        page.getChildren().add(links(flagged, "exam-review-flagged"));
        Button submit = Ui.button(Ui.t(lang, "app.exam.submit"), this::confirmSubmit, "exam-submit", "accent");
        submit.setId("exam-submit");
        page.getChildren().add(submit);
        return page;
    }

    private Node links(List<PresentedQuestion> qs, String styleClass) {
        FlowPane p = new FlowPane(8, 6);
        p.getStyleClass().add(styleClass);
        for (PresentedQuestion q : qs) {
            Hyperlink l = new Hyperlink(Ui.t(lang(), "app.exam.question-link", q.number()));
            l.setOnAction(e -> vm.go(q.number() - 1));
            p.getChildren().add(l);
        }
        return p;
    }

    private void confirmSubmit() {
        Lang lang = lang();
        int open = vm.unanswered().size();
        String text = open == 0 ? Ui.t(lang, "app.exam.confirm-submit") : Ui.t(lang, "app.exam.confirm-submit-open", open);
        Button yes = Ui.button(Ui.t(lang, "app.exam.submit-now"), () -> {
            closeOverlay();
            vm.submit();
        }, "accent");
        yes.setId("exam-confirm-submit");
        Button no = Ui.button(Ui.t(lang, "app.exam.cancel"), this::closeOverlay);
        overlay(Ui.label(text, "exam-dialog-text"), new HBox(10, yes, no));
    }

    private void askToLeave() {
        Lang lang = lang();
        if (vm.outcomeProperty().get() != null) {
            close();
            return;
        }
        commitInput();
        if (!vm.proctored()) {
            Button leave = Ui.button(Ui.t(lang, "app.exam.leave-now"), this::close, "accent");
            leave.setId("exam-confirm-leave");
            Button stay = Ui.button(Ui.t(lang, "app.exam.stay"), this::closeOverlay);
            overlay(Ui.label(Ui.t(lang, "app.exam.leave-text"), "exam-dialog-text"), new HBox(10, leave, stay));
            return;
        }
        PasswordField code = new PasswordField();
        code.setId("exam-proctor-code");
        code.setPromptText(Ui.t(lang, "app.exam.proctor-code"));
        Label error = Ui.label("", "exam-error");
        Button suspend = Ui.button(Ui.t(lang, "app.exam.suspend"), () -> {
            if (vm.proctorCodeMatches(code.getText())) {
                close();
            } else {
                error.setText(Ui.t(lang, "app.exam.proctor-wrong"));
            }
        }, "accent");
        suspend.setId("exam-suspend");
        Button end = Ui.button(Ui.t(lang, "app.exam.end-now"), () -> {
            if (vm.proctorCodeMatches(code.getText())) {
                closeOverlay();
                vm.submit();
            } else {
                error.setText(Ui.t(lang, "app.exam.proctor-wrong"));
            }
        }, "danger");
        end.setId("exam-end-now");
        Button cancel = Ui.button(Ui.t(lang, "app.exam.cancel"), this::closeOverlay);
        overlay(Ui.label(Ui.t(lang, "app.exam.proctor-text"), "exam-dialog-text"), code, error, new HBox(10, suspend, end, cancel));
        code.requestFocus();
    }

    /** Dialogs inside the exam window: separate windows could open behind a full-screen, always-on-top stage. */
    private void overlay(Node... content) {
        closeOverlay();
        VBox box = new VBox(12, content);
        box.getStyleClass().add("exam-dialog");
        box.setMaxSize(520, Region.USE_PREF_SIZE);
        StackPane shade = new StackPane(box);
        shade.getStyleClass().add("exam-dialog-shade");
        shade.setId("exam-overlay");
        root.getChildren().add(shade);
    }

    private void closeOverlay() {
        root.getChildren().removeIf(n -> "exam-overlay".equals(n.getId()));
    }
}
