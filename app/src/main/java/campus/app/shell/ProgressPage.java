package campus.app.shell;

import campus.app.progress.ProgressModel;
import campus.app.theme.ShellStyles;
import campus.app.theme.Theme;
import campus.courses.Course;
import campus.progress.derived.ProgressSnapshot;
import campus.progress.derived.Syllabus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The progress page (Ctrl+P): a summary, each course's percentage, and four charts — activity over the last 30
 * days, lab success rate, quiz results by topic, exam history. It re-draws from the {@link ProgressModel} whenever
 * a new snapshot arrives (so it follows the learner's work live), and on a change of language, theme or zoom.
 * Drawing only reads the snapshot, a few dozen numbers; deriving them happened off the UI thread.
 */
final class ProgressPage {

    static final int DAYS = 30;

    private final ShellViewModel vm;
    private final ProgressModel model;
    private final Tr tr;
    private final VBox content = new VBox(14);
    private final ScrollPane root = new ScrollPane(content);
    private final InvalidationListener redraw = o -> draw();
    private final List<Observable> watched;
    private Stage stage;

    ProgressPage(ShellViewModel vm, ProgressModel model, Tr tr) {
        this.vm = vm;
        this.model = model;
        this.tr = tr;
        root.setId("progress-page");
        root.setFitToWidth(true);
        content.getStyleClass().add(ShellStyles.PROGRESS_PAGE);
        watched = List.of(model.snapshotProperty(), model.syllabusProperty(), vm.langProperty(), vm.darkProperty(),
                vm.courses());
    }

    /** Opens the page in its own window over {@code owner}, or brings it to the front if it is open. */
    void show(Window owner) {
        if (stage != null) {
            stage.toFront();
            stage.requestFocus();
            return;
        }
        stage = new Stage();
        stage.initOwner(owner);
        Scene scene = new Scene(root, 1000, 760);
        Theme.addStylesheets(scene);
        Theme.zoom(root, vm.zoomProperty().get());
        vm.zoomProperty().addListener(redraw);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), stage::close);
        stage.setScene(scene);
        stage.titleProperty().bind(tr.bind("app.progress.page.title"));
        watched.forEach(w -> w.addListener(redraw));
        stage.setOnHidden(e -> {
            watched.forEach(w -> w.removeListener(redraw));
            vm.zoomProperty().removeListener(redraw);
            stage = null;
        });
        draw();
        stage.show();
    }

    boolean isShowing() {
        return stage != null;
    }

    Stage stage() {
        return stage;
    }

    private void draw() {
        Theme.zoom(root, vm.zoomProperty().get());
        ProgressSnapshot s = model.snapshot();
        Syllabus syllabus = model.syllabus();
        List<Node> parts = new ArrayList<>();
        Label title = new Label(tr.get("app.progress.page.title"));
        title.getStyleClass().add(ShellStyles.PROGRESS_HEADING);
        parts.add(title);
        int lessonsDone = 0;
        for (Syllabus.CourseOutline c : syllabus.courses()) {
            lessonsDone += s.lessonsDone(c);
        }
        int[] ap = s.labAttemptsAndPasses();
        long labsPassed = s.labs().values().stream().filter(ProgressSnapshot.LabRecord::passed).count();
        ProgressSnapshot.Streak streak = s.streak(LocalDate.now());
        Label summary = new Label(tr.get("app.progress.page.summary", lessonsDone, labsPassed, streak.current(), streak.longest()));
        summary.setId("progress-summary");
        summary.setWrapText(true);
        parts.add(summary);
        parts.add(courses(s, syllabus));

        GridPane charts = new GridPane();
        charts.setHgap(14);
        charts.setVgap(14);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        charts.getColumnConstraints().addAll(half, half);
        charts.add(activity(s), 0, 0);
        charts.add(labs(s, ap), 1, 0);
        charts.add(quizzes(s, syllabus), 0, 1);
        charts.add(exams(s), 1, 1);
        parts.add(charts);
        content.getChildren().setAll(parts);
    }

    private Node courses(ProgressSnapshot s, Syllabus syllabus) {
        VBox box = new VBox(6);
        box.setId("progress-courses");
        for (Course c : vm.courses()) {
            syllabus.course(c.id()).ifPresent(o -> {
                ProgressBar bar = new ProgressBar(s.percent(o) / 100.0);
                bar.getStyleClass().add(ShellStyles.COURSE_PROGRESS);
                bar.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(bar, Priority.ALWAYS);
                Label name = new Label(c.title().in(tr.lang()));
                name.setMinWidth(260);
                name.setPrefWidth(260);
                Label pct = new Label(tr.get("app.progress.page.course", s.percent(o), s.lessonsDone(o), o.lessons().size()));
                pct.setMinWidth(Region.USE_PREF_SIZE);
                pct.getStyleClass().add(ShellStyles.COURSE_PERCENT);
                HBox row = new HBox(10, name, bar, pct);
                row.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().add(row);
            });
        }
        return box;
    }

    private Node activity(ProgressSnapshot s) {
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MM-dd");
        for (LocalDate d = today.minusDays(DAYS - 1); !d.isAfter(today); d = d.plusDays(1)) {
            series.getData().add(new XYChart.Data<>(f.format(d), s.activity().getOrDefault(d, 0)));
        }
        int total = series.getData().stream().mapToInt(d -> d.getYValue().intValue()).sum();
        return panel("progress-activity", tr.get("app.progress.page.activity", DAYS, total),
                total == 0 ? null : bars(series, tr.get("app.progress.page.events"), false));
    }

    private Node labs(ProgressSnapshot s, int[] attemptsAndPasses) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (ProgressSnapshot.LabRecord r : s.labs().values()) {
            if (r.attempts() > 0) {
                series.getData().add(new XYChart.Data<>(r.labId(), 100.0 * r.passes() / r.attempts()));
            }
        }
        int rate = attemptsAndPasses[0] == 0 ? 0 : Math.round(100f * attemptsAndPasses[1] / attemptsAndPasses[0]);
        return panel("progress-labs", tr.get("app.progress.page.labs", rate, attemptsAndPasses[0]),
                series.getData().isEmpty() ? null : bars(series, tr.get("app.progress.page.percentPassed"), true));
    }

    private Node quizzes(ProgressSnapshot s, Syllabus syllabus) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        List<ProgressSnapshot.TopicResult> topics = s.quizByTopic(syllabus);
        for (ProgressSnapshot.TopicResult t : topics) {
            series.getData().add(new XYChart.Data<>(t.topic(), 100.0 * t.correct() / Math.max(1, t.answered())));
        }
        int answered = topics.stream().mapToInt(ProgressSnapshot.TopicResult::answered).sum();
        int correct = topics.stream().mapToInt(ProgressSnapshot.TopicResult::correct).sum();
        return panel("progress-quizzes", tr.get("app.progress.page.quizzes", correct, answered),
                topics.isEmpty() ? null : bars(series, tr.get("app.progress.page.percentRight"), true));
    }

    private Node exams(ProgressSnapshot s) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());
        int passed = 0;
        for (ProgressSnapshot.ExamRecord e : s.exams()) {
            String label = (e.at() == null ? "?" : f.format(e.at())) + (e.passed() ? " ✓" : "");
            series.getData().add(new XYChart.Data<>(label, e.max() > 0 ? 100.0 * e.score() / e.max() : 0));
            passed += e.passed() ? 1 : 0;
        }
        Node chart = null;
        if (!s.exams().isEmpty()) {
            NumberAxis y = percentAxis(tr.get("app.progress.page.score"));
            LineChart<String, Number> line = new LineChart<>(new CategoryAxis(), y) {
                @Override
                public String getUserAgentStylesheet() {
                    return Theme.chartStylesheet();
                }
            };
            style(line);
            line.getData().add(series);
            chart = line;
        }
        return panel("progress-exams", tr.get("app.progress.page.exams", s.exams().size(), passed), chart);
    }

    private BarChart<String, Number> bars(XYChart.Series<String, Number> series, String yLabel, boolean percent) {
        NumberAxis y = percent ? percentAxis(yLabel) : new NumberAxis();
        if (!percent) {
            y.setLabel(yLabel);
            y.setMinorTickVisible(false);
        }
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), y) {
            @Override
            public String getUserAgentStylesheet() {
                return Theme.chartStylesheet();
            }
        };
        style(chart);
        chart.setBarGap(1);
        chart.setCategoryGap(percent ? 12 : 2);
        chart.getData().add(series);
        return chart;
    }

    private static NumberAxis percentAxis(String label) {
        NumberAxis y = new NumberAxis(0, 100, 25);
        y.setLabel(label);
        y.setMinorTickVisible(false);
        return y;
    }

    private static void style(XYChart<String, Number> chart) {
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(260);
        chart.setMinHeight(200);
    }

    /** A titled box with the chart, or a line saying there is nothing to show yet. */
    private Node panel(String id, String heading, Node chart) {
        Label h = new Label(heading);
        h.getStyleClass().add(ShellStyles.SIDEBAR_HEADER);
        h.setWrapText(true);
        Node body = chart;
        if (body == null) {
            Label none = new Label(tr.get("app.progress.page.nothingYet"));
            none.getStyleClass().add(ShellStyles.COURSE_PERCENT);
            none.setMinHeight(200);
            body = none;
        }
        VBox box = new VBox(6, h, body);
        box.setId(id);
        box.getStyleClass().add(ShellStyles.PROGRESS_CHART);
        return box;
    }

    /** For tests: the numbers a chart shows, by category. */
    static Map<String, Number> data(Node panel) {
        Map<String, Number> out = new java.util.LinkedHashMap<>();
        for (Node n : ((VBox) panel).getChildren()) {
            if (n instanceof XYChart<?, ?> c) {
                for (XYChart.Series<?, ?> series : c.getData()) {
                    for (XYChart.Data<?, ?> d : series.getData()) {
                        out.put(String.valueOf(d.getXValue()), (Number) d.getYValue());
                    }
                }
            }
        }
        return out;
    }
}
