package campus.app.exam;

import campus.app.quiz.PromptView;
import campus.app.quiz.Ui;
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
        page.getStyleClass().addAll("exam-page", "exam-result");
        page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.result-title"), "exam-page-title"));
        if (o.result().isEmpty()) {
            page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.expired"), "exam-result-verdict", "exam-result-fail"));
        } else {
            ExamResult r = o.result().get();
            Label verdict = Ui.label(Ui.t(lang, r.passed() ? "app.exam.passed" : "app.exam.failed"),
                    "exam-result-verdict", r.passed() ? "exam-result-pass" : "exam-result-fail");
            verdict.setId("exam-verdict");
            Label score = Ui.label(Ui.t(lang, "app.exam.score", Ui.points(r.score()), Ui.points(r.max()),
                    Math.round(r.percent()), Ui.points(r.pointsNeeded())), "exam-result-score");
            score.setId("exam-score");
            page.getChildren().addAll(verdict, score, topics(r, blueprint, lang));
        }
        page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.reason-" + o.reason().code()), "exam-result-reason"));
        page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.record-saved", String.valueOf(o.record())), "exam-result-record"));
        if (!o.review().isEmpty()) {
            page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.review-answers"), "exam-page-title"));
            for (ExamOutcome.QuestionReview qr : o.review()) {
                page.getChildren().add(review(qr, blueprint, lang));
            }
        } else if (o.status() == AttemptStatus.SUBMITTED) {
            page.getChildren().add(Ui.label(Ui.t(lang, "app.exam.no-explanations"), "exam-hint"));
        }
        Button done = Ui.button(Ui.t(lang, "app.exam.close"), close, "accent");
        done.setId("exam-close");
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
                return campus.app.shell.Theme.chartStylesheet();
            }
        };
        chart.setId("exam-topics");
        chart.getStyleClass().add("exam-topics");
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
        return chart;
    }

    private static Node review(ExamOutcome.QuestionReview qr, Blueprint blueprint, Lang lang) {
        PresentedQuestion q = qr.question();
        QuestionGrade g = qr.grade();
        VBox card = new VBox(6);
        card.getStyleClass().addAll("exam-review-card", "exam-review-" + g.outcome().name().toLowerCase(java.util.Locale.ROOT));
        card.getChildren().add(Ui.label(Ui.t(lang, "app.exam.review-question", q.number(), Ui.points(g.earned()),
                Ui.points(g.max())), "exam-review-number"));
        if (!qr.topics().isEmpty()) {
            card.getChildren().add(Ui.label(Ui.t(lang, "app.exam.review-topics", qr.topics().stream()
                    .map(t -> blueprint.topicName(t).in(lang)).collect(java.util.stream.Collectors.joining(" · "))),
                    "exam-review-topics"));
        }
        card.getChildren().add(PromptView.of(q.prompt().in(lang), "exam-prompt"));
        card.getChildren().add(Ui.label(Ui.t(lang, "app.exam.your-answer",
                qr.response().map(r -> ResponseText.describe(q, r, lang)).orElse(Ui.t(lang, "app.exam.no-answer"))),
                "exam-review-answer"));
        g.feedback().ifPresent(m -> card.getChildren().add(Ui.label(m.in(lang), "exam-review-feedback")));
        if (!g.correct()) {
            card.getChildren().add(Ui.label(Ui.t(lang, "app.quiz.correct-answer"), "quiz-feedback-heading"));
            card.getChildren().add(PromptView.of(qr.correctAnswer().in(lang), "quiz-correct-answer"));
        }
        if (!qr.explanation().in(lang).isBlank()) {
            card.getChildren().add(Ui.label(Ui.t(lang, "app.quiz.explanation"), "quiz-feedback-heading"));
            card.getChildren().add(PromptView.of(qr.explanation().in(lang), "quiz-explanation"));
        }
        return card;
    }
}
