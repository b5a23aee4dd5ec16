package campus.app.exam;

import campus.app.quiz.PromptView;
import campus.app.quiz.QuestionInput;
import campus.app.quiz.SqlInput;
import campus.app.quiz.Ui;
import campus.app.theme.ExamStyles;
import campus.certification.attempt.AttemptStatus;
import campus.certification.attempt.ClockAnomaly;
import campus.certification.attempt.PresentedQuestion;
import campus.certification.bank.ExamMode;
import campus.i18n.Lang;
import java.time.Duration;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.collections.MapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
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
    private final ExamHeader header;
    private final ExamNavigator navigator;
    private final ExamDialogs dialogs;
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
        this.header = new ExamHeader(vm, this::askToLeave, this::commitInput);
        this.navigator = new ExamNavigator(vm, this::commitInput);
        this.dialogs = new ExamDialogs(vm, root, this::close, this::commitInput);
        frame.getStyleClass().add(ExamStyles.Hook.FRAME);
        root.getStyleClass().add(ExamStyles.ROOT);
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
        vm.remainingProperty().addListener((o, was, now) -> header.renderClock());
        vm.graceRemainingProperty().addListener((o, was, now) -> header.renderClock());
        vm.statusProperty().addListener((o, was, now) -> {
            header.renderClock();
            if (now == AttemptStatus.GRACE && vm.pageProperty().get() == ExamViewModel.Page.QUESTION) {
                renderPage();
            }
        });
        vm.outcomeProperty().addListener((o, was, now) -> {
            dialogs.closeOverlay();
            frame.setTop(header.build());
        });
        vm.noticeProperty().addListener((o, was, now) -> header.renderNotice());
        vm.anomalies().addListener((javafx.collections.ListChangeListener<ClockAnomaly>) c -> header.renderAnomaly());
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
        frame.setTop(header.build());
        renderNavigator();
        renderPage();
        header.renderClock();
        header.renderNotice();
        header.renderAnomaly();
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
        scroll.getStyleClass().add(ExamStyles.Hook.PAGE_SCROLL);
        frame.setCenter(scroll);
    }

    private Node questionPage() {
        Lang lang = lang();
        PresentedQuestion q = vm.currentQuestion();
        VBox page = new VBox(14);
        page.getStyleClass().add(ExamStyles.PAGE);
        Label number = Ui.label(Ui.t(lang, "app.exam.question-of", q.number(), vm.questions().size(), Ui.points(q.points())),
                ExamStyles.QUESTION_NUMBER);
        page.getChildren().addAll(number, PromptView.of(q.prompt().in(lang), ExamStyles.PROMPT));
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
            page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.grace-locked"), ExamStyles.GRACE));
        }
        ToggleButton flag = new ToggleButton(Ui.t(lang, "app.exam.flag"));
        flag.setId(ExamStyles.Id.FLAG);
        flag.getStyleClass().add(ExamStyles.FLAG);
        flag.setSelected(vm.flagged().contains(q.questionId()));
        flag.setOnAction(e -> vm.toggleFlag(q.questionId()));
        Button prev = Ui.button(Ui.t(lang, "app.exam.previous"), () -> {
            commitInput();
            vm.previous();
        }, ExamStyles.Hook.PREVIOUS);
        prev.setId(ExamStyles.Id.PREVIOUS);
        prev.setDisable(q.number() == 1);
        boolean last = q.number() == vm.questions().size();
        Button next = Ui.button(Ui.t(lang, last ? "app.exam.review" : "app.exam.next"), () -> {
            commitInput();
            if (last) {
                vm.review();
            } else {
                vm.next();
            }
        }, ExamStyles.Hook.NEXT, "accent");
        next.setId(ExamStyles.Id.NEXT);
        clearAnswer = Ui.button(Ui.t(lang, "app.exam.clear-answer"), () -> {
            typingPause.stop();
            vm.clearAnswer(q.questionId());
            renderPage();
        }, ExamStyles.Hook.CLEAR_ANSWER, "flat");
        clearAnswer.setId(ExamStyles.Id.CLEAR_ANSWER);
        updateClearButton();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(10, prev, flag, clearAnswer, spacer, next);
        actions.getStyleClass().add(ExamStyles.ACTIONS);
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
        page.getStyleClass().add(ExamStyles.PAGE);
        page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.review-title"), ExamStyles.PAGE_TITLE));
        List<PresentedQuestion> open = vm.unanswered();
        List<PresentedQuestion> flagged = vm.flaggedQuestions();
        page.getChildren().add(Ui.label(open.isEmpty() ? Ui.t(lang, "app.exam.all-answered")
                : Ui.t(lang, "app.exam.unanswered", open.size()), ExamStyles.Hook.REVIEW_HEADING));
        page.getChildren().add(links(open, ExamStyles.REVIEW_UNANSWERED));
        page.getChildren().add(Ui.label(flagged.isEmpty() ? Ui.t(lang, "app.exam.none-flagged")
                : Ui.t(lang, "app.exam.flagged", flagged.size()), ExamStyles.Hook.REVIEW_HEADING));
        page.getChildren().add(links(flagged, ExamStyles.Hook.REVIEW_FLAGGED));
        Button submit = Ui.button(Ui.t(lang, "app.exam.submit"), dialogs::confirmSubmit, ExamStyles.Hook.SUBMIT, "accent");
        submit.setId(ExamStyles.Id.SUBMIT);
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

    private void renderNavigator() {
        frame.setLeft(navigator.build());
    }

    private void askToLeave() {
        dialogs.askToLeave();
    }
}
