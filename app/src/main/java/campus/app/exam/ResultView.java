package campus.app.exam;

import campus.app.quiz.PromptView;
import campus.app.quiz.Ui;
import campus.app.theme.ExamStyles;
import campus.app.theme.QuizStyles;
import campus.certification.attempt.AttemptStatus;
import campus.certification.attempt.ExamOutcome;
import campus.certification.attempt.PresentedQuestion;
import campus.certification.bank.Blueprint;
import campus.certification.grading.ExamResult;
import campus.certification.grading.QuestionGrade;
import campus.certification.grading.TopicScore;
import campus.i18n.Lang;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** After submit: score, pass or fail, the per-topic chart, and the review only when the outcome carries one. */
final class ResultView {

    private final VBox page = new VBox(14);

    /** @param blueprint for the topics' names: results hold topic ids */
    ResultView(ExamOutcome o, List<PresentedQuestion> questions, Blueprint blueprint, Lang lang, Runnable close) {
        page.getStyleClass().addAll(ExamStyles.PAGE, ExamStyles.Hook.RESULT);
        page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.result-title"), ExamStyles.PAGE_TITLE));
        if (o.result().isEmpty()) {
            page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.expired"), ExamStyles.RESULT_VERDICT, ExamStyles.RESULT_FAIL));
        } else {
            ExamResult r = o.result().get();
            Label verdict = Ui.label(Ui.t(lang, r.passed() ? "app.exam.passed" : "app.exam.failed"),
                    ExamStyles.RESULT_VERDICT, r.passed() ? ExamStyles.RESULT_PASS : ExamStyles.RESULT_FAIL);
            verdict.setId(ExamStyles.Id.VERDICT);
            Label score = Ui.label(Ui.t(lang, "app.exam.score", Ui.points(r.score()), Ui.points(r.max()),
                    Math.round(r.percent()), Ui.points(r.pointsNeeded())), ExamStyles.RESULT_SCORE);
            score.setId(ExamStyles.Id.SCORE);
            page.getChildren().addAll(verdict, score, topics(r, blueprint, lang));
        }
        page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.reason-" + o.reason().code()), ExamStyles.RESULT_REASON));
        page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.record-saved", String.valueOf(o.record())), ExamStyles.RESULT_RECORD));
        if (!o.review().isEmpty()) {
            page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.review-answers"), ExamStyles.PAGE_TITLE));
            for (ExamOutcome.QuestionReview qr : o.review()) {
                page.getChildren().add(review(qr, blueprint, lang));
            }
        } else if (o.status() == AttemptStatus.SUBMITTED) {
            page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.no-explanations"), ExamStyles.HINT));
        }
        Button done = Ui.button(Ui.t(lang, "app.exam.close"), close, "accent");
        done.setId(ExamStyles.Id.CLOSE);
        page.getChildren().add(done);
    }

    Node node() {
        return page;
    }

    private static Node topics(ExamResult r, Blueprint blueprint, Lang lang) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis(0, 100, 20);
        y.setLabel(Ui.t(lang, "app.exam.topic-percent"));
        BarChart<String, Number> chart = new BarChart<>(x, y) {
            @Override
            public String getUserAgentStylesheet() {
                return campus.app.theme.Theme.chartStylesheet();
            }
        };
        chart.setId(ExamStyles.Id.TOPICS);
        chart.getStyleClass().add(ExamStyles.TOPICS);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setTitle(Ui.t(lang, "app.exam.by-topic"));
        chart.setPrefHeight(260);
        chart.setMaxWidth(Math.max(320, 120 * r.topics().size() + 120));
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (TopicScore t : r.topics().values()) {
            series.getData().add(new XYChart.Data<>(blueprint.topicName(t.topic()).in(lang) + " (" + Ui.points(t.earned()) + "/" + Ui.points(t.max()) + ")",
                    Math.round(t.percent())));
        }
        chart.getData().add(series);
        // Several topics with long names do not fit side by side: the axis then turns its labels upright, and
        // they take their length from the chart's height. Grow the chart by that length so the bars keep theirs.
        int longest = series.getData().stream().mapToInt(d -> d.getXValue().length()).max().orElse(0);
        double perTopic = Math.max(320, 120 * r.topics().size() + 120) / Math.max(1.0, r.topics().size());
        if (longest * 7.5 > perTopic) {
            chart.setPrefHeight(260 + longest * 7.5);
            chart.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        return chart;
    }

    private static Node review(ExamOutcome.QuestionReview qr, Blueprint blueprint, Lang lang) {
        PresentedQuestion q = qr.question();
        QuestionGrade g = qr.grade();
        VBox card = new VBox(6);
        card.getStyleClass().addAll(ExamStyles.REVIEW_CARD, outcomeStyle(g.outcome()));
        card.getChildren().add(Ui.label(Ui.t(lang, "app.exam.review-question", q.number(), Ui.points(g.earned()),
                Ui.points(g.max())), ExamStyles.Hook.REVIEW_NUMBER));
        if (!qr.topics().isEmpty()) {
            card.getChildren().add(Ui.label(Ui.t(lang, "app.exam.review-topics", qr.topics().stream()
                    .map(t -> blueprint.topicName(t).in(lang)).collect(java.util.stream.Collectors.joining(" · "))),
                    ExamStyles.REVIEW_TOPICS));
        }
        card.getChildren().add(PromptView.of(q.prompt().in(lang), ExamStyles.PROMPT));
        card.getChildren().add(Ui.label(Ui.t(lang, "app.exam.your-answer",
                qr.response().map(r -> ResponseText.describe(q, r, lang)).orElse(Ui.t(lang, "app.exam.no-answer"))),
                ExamStyles.Hook.REVIEW_ANSWER));
        g.feedback().ifPresent(m -> card.getChildren().add(Ui.label(m.in(lang), ExamStyles.Hook.REVIEW_FEEDBACK)));
        g.answerFeedback().forEach(t -> card.getChildren().add(PromptView.of(t.in(lang), QuizStyles.ANSWER_FEEDBACK)));
        if (!g.correct()) {
            card.getChildren().add(Ui.label(Ui.t(lang, "app.quiz.correct-answer"), QuizStyles.FEEDBACK_HEADING));
            card.getChildren().add(PromptView.of(qr.correctAnswer().in(lang), QuizStyles.Hook.CORRECT_ANSWER));
        }
        if (!qr.explanation().in(lang).isBlank()) {
            card.getChildren().add(Ui.label(Ui.t(lang, "app.quiz.explanation"), QuizStyles.FEEDBACK_HEADING));
            card.getChildren().add(PromptView.of(qr.explanation().in(lang), QuizStyles.Hook.EXPLANATION));
        }
        return card;
    }

    private static String outcomeStyle(QuestionGrade.Outcome outcome) {
        switch (outcome) {
            case CORRECT:
                return ExamStyles.REVIEW_CORRECT;
            case PARTIAL:
                return ExamStyles.REVIEW_PARTIAL;
            case WRONG:
                return ExamStyles.REVIEW_WRONG;
            default:
                return ExamStyles.REVIEW_UNANSWERED;
        }
    }
}
