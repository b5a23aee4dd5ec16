package campus.app.exam;

import campus.app.quiz.Ui;
import campus.app.theme.ExamStyles;
import campus.certification.attempt.PresentedQuestion;
import campus.i18n.Lang;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The exam window's navigator: a button per question, marked answered, flagged or current. */
final class ExamNavigator {

    private final ExamViewModel vm;
    private final Runnable commitInput;
    private final FlowPane navigator = new FlowPane(6, 6);

    /** @param commitInput saves a typed answer before another question shows */
    ExamNavigator(ExamViewModel vm, Runnable commitInput) {
        this.vm = vm;
        this.commitInput = commitInput;
    }

    private Lang lang() {
        return vm.langProperty().get();
    }

    /** The side panel: question buttons, how many are answered, the legend, and the way to the review. */
    Node build() {
        Lang lang = lang();
        navigator.getChildren().clear();
        navigator.getStyleClass().setAll(ExamStyles.Hook.NAVIGATOR);
        navigator.setPrefWrapLength(200);
        boolean result = vm.pageProperty().get() == ExamViewModel.Page.RESULT;
        for (PresentedQuestion q : vm.questions()) {
            Button b = new Button(Integer.toString(q.number()));
            b.setId(ExamStyles.Id.NAV_ITEM_PREFIX + q.number());
            b.getStyleClass().add(ExamStyles.NAV_ITEM);
            if (vm.responses().containsKey(q.questionId())) {
                b.getStyleClass().add(ExamStyles.NAV_ANSWERED);
            }
            if (vm.flagged().contains(q.questionId())) {
                b.getStyleClass().add(ExamStyles.NAV_FLAGGED);
            }
            if (q.number() - 1 == vm.currentProperty().get() && vm.pageProperty().get() == ExamViewModel.Page.QUESTION) {
                b.getStyleClass().add(ExamStyles.NAV_CURRENT);
            }
            b.setDisable(result);
            b.setOnAction(e -> {
                commitInput.run();
                vm.go(q.number() - 1);
            });
            navigator.getChildren().add(b);
        }
        long answered = vm.questions().stream().filter(q -> vm.responses().containsKey(q.questionId())).count();
        Label progress = Ui.label(Ui.t(lang, "app.exam.answered-count", answered, vm.questions().size()), ExamStyles.PROGRESS);
        VBox legend = new VBox(4,
                legend(ExamStyles.NAV_ANSWERED, Ui.t(lang, "app.exam.legend-answered")),
                legend(ExamStyles.NAV_FLAGGED, Ui.t(lang, "app.exam.legend-flagged")),
                legend(ExamStyles.NAV_CURRENT, Ui.t(lang, "app.exam.legend-current")));
        legend.getStyleClass().add(ExamStyles.Hook.LEGEND);
        Button review = Ui.button(Ui.t(lang, "app.exam.review"), () -> {
            commitInput.run();
            vm.review();
        }, ExamStyles.Hook.REVIEW_BUTTON);
        review.setId(ExamStyles.Id.REVIEW);
        review.setMaxWidth(Double.MAX_VALUE);
        review.setDisable(result);
        VBox side = new VBox(12, Ui.label(Ui.t(lang, "app.exam.questions"), ExamStyles.SIDE_TITLE), navigator, progress, legend, review);
        side.getStyleClass().add(ExamStyles.SIDE);
        side.setPrefWidth(230);
        return side;
    }

    private Node legend(String styleClass, String text) {
        Label swatch = new Label();
        swatch.getStyleClass().addAll(ExamStyles.NAV_ITEM, ExamStyles.LEGEND_SWATCH, styleClass);
        HBox row = new HBox(6, swatch, Ui.label(text, ExamStyles.LEGEND_TEXT));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
