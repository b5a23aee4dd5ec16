package campus.app.lab;

import campus.app.theme.LabStyles;
import campus.app.theme.Theme;
import campus.i18n.Lang;
import campus.i18n.Messages;
import campus.i18n.Msg;
import campus.i18n.Text;
import campus.labs.Verdict;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A lab inside a lesson: task, SQL editor, run/check/explain, progress and cancel, verdict, hints,
 * solution, reset, schema and results. Built in one language (the renderer builds a new pane when the
 * language changes); everything the learner did lives in the {@link LabViewModel}, so a new pane shows it.
 */
public final class LabPane extends VBox {

    static final String STYLESHEET = Theme.stylesheet(Theme.LAB_CSS);

    private final String labId;
    private final Lang lang;

    LabPane(String labId, Lang lang) {
        super(8);
        this.labId = labId;
        this.lang = lang;
        getStyleClass().add(LabStyles.PANE);
        getStylesheets().add(STYLESHEET);
        setId(LabStyles.Id.PANE_PREFIX + labId);
        getChildren().setAll(muted(t("app.lab.loading", labId)));
    }

    private String t(String key, Object... args) {
        return Messages.of(lang).get(key, args);
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(LabStyles.MUTED);
        return l;
    }

    /** A clear card instead of the lab: the id is unknown, or its files are malformed ({@code why}). */
    void showMissing(Msg why) {
        problem(why == null ? t("app.lab.missing", labId) : t("app.lab.malformed", labId, why.in(lang)));
    }

    void showFailure(String why) {
        problem(t("app.lab.malformed", labId, why));
    }

    private void problem(String text) {
        getStyleClass().add(LabStyles.PROBLEM);
        Label l = new Label(text);
        l.setId(LabStyles.Id.PROBLEM);
        l.setWrapText(true);
        getChildren().setAll(l);
    }

    void show(LabViewModel vm) {
        Label title = new Label(vm.lab().title().in(lang));
        title.getStyleClass().add(LabStyles.TITLE);
        title.setWrapText(true);
        Label points = new Label(t("app.lab.points", vm.lab().points()));
        points.getStyleClass().add(LabStyles.POINTS);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, points);
        head.setAlignment(Pos.BASELINE_LEFT);
        Label task = new Label(vm.lab().task().in(lang));
        task.getStyleClass().add(LabStyles.Hook.TASK);
        task.setWrapText(true);

        SqlEditor editor = new SqlEditor(vm::schema);
        editor.setText(vm.text());
        editor.node().setId(LabStyles.Id.EDITOR);
        ((Region) editor.node()).setPrefHeight(170);
        ((Region) editor.node()).setMinHeight(90);
        editor.setOnChange(() -> vm.setText(editor.text()));
        vm.loadDraft(editor::setText);
        editor.area().focusedProperty().addListener((o, was, now) -> {
            if (now) {
                vm.prepare();
            }
        });
        Runnable run = () -> {
            EditorLogic.Range r = editor.runRange();
            String sql = editor.text().substring(r.start(), r.end());
            if (!sql.isBlank()) {
                vm.run(sql, r.start());
            }
        };
        Runnable explain = () -> {
            EditorLogic.Range r = editor.runRange();
            String sql = editor.text().substring(r.start(), r.end());
            if (!sql.isBlank()) {
                vm.explain(sql, r.start());
            }
        };
        editor.setOnRun(run);
        editor.setOnCheck(vm::check);

        Button runB = button(LabStyles.Id.RUN, "app.lab.run", run, "accent");
        runB.setTooltip(new Tooltip(t("app.lab.tip.run")));
        Button checkB = button(LabStyles.Id.CHECK, "app.lab.check", vm::check, "success");
        checkB.setTooltip(new Tooltip(t("app.lab.tip.check")));
        Button explainB = button(LabStyles.Id.EXPLAIN, "app.lab.explain", explain);
        Button hintB = button(LabStyles.Id.HINT, "app.lab.hint", vm::nextHint);
        hintB.disableProperty().bind(vm.hintsLeftProperty().not().or(vm.workingProperty()));
        VBox confirm = new VBox(4);
        confirm.getStyleClass().add(LabStyles.CONFIRM);
        confirm.managedProperty().bind(confirm.visibleProperty());
        confirm.setVisible(false);
        Button solutionB = button(LabStyles.Id.SOLUTION, "app.lab.solution",
                () -> ask(confirm, "app.lab.solutionConfirm", "app.lab.solutionShow", vm::revealSolution));
        solutionB.disableProperty().bind(vm.solutionAllowedProperty().not().or(vm.workingProperty()));
        Button resetB = button(LabStyles.Id.RESET, "app.lab.reset",
                () -> ask(confirm, "app.lab.resetConfirm", "app.lab.resetDo", vm::resetDataset));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId(LabStyles.Id.PROGRESS);
        spinner.setPrefSize(18, 18);
        Label busyText = new Label();
        busyText.setId(LabStyles.Id.BUSY_TEXT);
        busyText.getStyleClass().add(LabStyles.MUTED);
        Button cancelB = button(LabStyles.Id.CANCEL, "app.lab.cancel", vm::cancel, "danger");
        // While the dataset opens: a bar with the fraction done (generating a big dataset the first time takes a while;
        // opening its saved copy later takes a moment, shown as a bar that moves without a fraction).
        javafx.scene.control.ProgressBar loadBar = new javafx.scene.control.ProgressBar();
        loadBar.setId(LabStyles.Id.LOAD_PROGRESS);
        loadBar.setPrefWidth(160);
        loadBar.setMinWidth(120); // the busy text wraps and would otherwise squeeze the bar to nothing
        loadBar.managedProperty().bind(loadBar.visibleProperty());
        loadBar.visibleProperty().bind(vm.loadingProperty().isNotNull());
        loadBar.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            var l = vm.loadingProperty().get();
            return l == null || l.fraction() < 0 ? javafx.scene.control.ProgressIndicator.INDETERMINATE_PROGRESS : l.fraction();
        }, vm.loadingProperty()));
        spinner.managedProperty().bind(spinner.visibleProperty());
        spinner.visibleProperty().bind(vm.loadingProperty().isNull());
        HBox busy = new HBox(6, spinner, loadBar, busyText, cancelB);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.managedProperty().bind(busy.visibleProperty());
        busy.visibleProperty().bind(vm.busyProperty().isNotNull());
        busyText.setWrapText(true);
        busyText.textProperty().bind(Bindings.createStringBinding(() -> {
            var l = vm.loadingProperty().get();
            if (l != null) {
                return l.what().in(lang) + (l.fraction() >= 0 ? " " + Math.round(l.fraction() * 100) + " %" : "");
            }
            return vm.busyProperty().get() == null ? "" : vm.busyProperty().get().in(lang);
        }, vm.busyProperty(), vm.loadingProperty()));
        Label notice = new Label();
        notice.setId(LabStyles.Id.DATASET_NOTICE);
        notice.getStyleClass().add(LabStyles.MUTED);
        notice.setWrapText(true);
        notice.managedProperty().bind(notice.visibleProperty());
        notice.visibleProperty().bind(vm.datasetNoticeProperty().isNotNull());
        notice.textProperty().bind(Bindings.createStringBinding(() -> vm.datasetNoticeProperty().get() == null ? ""
                : vm.datasetNoticeProperty().get().in(lang), vm.datasetNoticeProperty()));
        // Cancel stops a statement: shown while one runs (Run, Explain, Check), not for a hint, the solution or a reset.
        cancelB.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.workingProperty().get()
                && java.util.Set.of("app.lab.running", "app.lab.checking").contains(vm.busyProperty().get().key()),
                vm.workingProperty(), vm.busyProperty()));
        // Disabled while the session works on what was asked, not while it only opens: a press then waits for it.
        for (Button b : new Button[] {runB, checkB, explainB, resetB}) {
            b.disableProperty().bind(vm.workingProperty());
        }
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox actions = new HBox(6, runB, checkB, explainB, gap2, hintB, solutionB, resetB);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add(LabStyles.Hook.ACTIONS);

        VBox hints = new VBox(4);
        hints.setId(LabStyles.Id.HINTS);
        Runnable showHints = () -> {
            hints.getChildren().clear();
            int n = 0;
            for (Text h : vm.hints()) {
                Label l = new Label(t("app.lab.hintN", ++n, h.in(lang)));
                l.setWrapText(true);
                l.getStyleClass().add(LabStyles.HINT);
                hints.getChildren().add(l);
            }
        };
        vm.hints().addListener((ListChangeListener<Text>) c -> showHints.run());
        showHints.run();

        VBox solution = new VBox(4);
        solution.setId(LabStyles.Id.SOLUTION_BOX);
        solution.getStyleClass().add(LabStyles.SOLUTION);
        solution.managedProperty().bind(solution.visibleProperty());
        Runnable showSolution = () -> {
            String sql = vm.solutionProperty().get();
            solution.setVisible(sql != null);
            if (sql != null) {
                TextArea ref = new TextArea(sql);
                ref.setId(LabStyles.Id.SOLUTION_TEXT);
                ref.setEditable(false);
                ref.getStyleClass().add(LabStyles.SOLUTION_TEXT);
                ref.setPrefRowCount(Math.min(10, (int) sql.chars().filter(c -> c == '\n').count() + 2));
                Button copy = button(LabStyles.Id.COPY_SOLUTION, "app.lab.copyToEditor", () -> editor.setTextUndoable(sql));
                Label head2 = new Label(t("app.lab.solutionTitle"));
                head2.getStyleClass().add(LabStyles.SECTION_TITLE);
                solution.getChildren().setAll(head2, ref, copy);
            }
        };
        vm.solutionProperty().addListener((o, was, now) -> showSolution.run());
        showSolution.run();

        VBox verdict = new VBox(4);
        verdict.setId(LabStyles.Id.VERDICT);
        verdict.managedProperty().bind(verdict.visibleProperty());
        Runnable showVerdict = () -> showVerdict(verdict, vm.verdictProperty().get());
        vm.verdictProperty().addListener((o, was, now) -> showVerdict.run());
        showVerdict.run();

        Label error = new Label();
        error.setId(LabStyles.Id.ERROR);
        error.getStyleClass().add(LabStyles.ERROR);
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        Runnable showMark = () -> {
            LabViewModel.Mark m = vm.markProperty().get();
            error.setVisible(m != null);
            if (m != null) {
                // the sandbox's message already names the line and column
                error.setText(m.problem().message().in(lang));
                if (m.offset() >= 0) {
                    editor.markError(m.offset());
                }
            } else {
                editor.clearMark();
            }
        };
        vm.markProperty().addListener((o, was, now) -> showMark.run());
        vm.draftLoadedProperty().addListener((o, was, now) -> showMark.run());
        showMark.run();

        ResultsView results = new ResultsView(lang);
        results.show(vm.shownProperty().get());
        vm.shownProperty().addListener((o, was, now) -> {
            results.show(now);
            if (now != null) {
                // What the learner just asked for: the error, else the verdict, else the rows, scrolled into view.
                // (later: the mark and verdict of the same outcome are set right after the rows)
                javafx.application.Platform.runLater(() ->
                        ScrollReveal.reveal(error.isVisible() ? error : verdict.isVisible() ? verdict : results));
            }
        });

        getChildren().setAll(head, task, editor.node(), actions, busy, notice, confirm, hints, solution, verdict, error,
                SchemaTree.of(vm.schema(), lang, name -> {
                    editor.area().replaceSelection(name);
                    editor.area().requestFocus();
                }), results);
        vm.unavailableProperty().addListener((o, was, now) -> unavailable(now));
        unavailable(vm.unavailableProperty().get());
    }

    private void unavailable(Msg why) {
        if (why != null) {
            problem(t("app.lab.unavailable", why.in(lang)));
        }
    }

    private void ask(VBox confirm, String question, String yes, Runnable action) {
        Label q = new Label(t(question));
        q.setWrapText(true);
        Button ok = button(LabStyles.Id.CONFIRM_YES, yes, () -> {
            confirm.setVisible(false);
            action.run();
        }, "danger");
        Button no = button(LabStyles.Id.CONFIRM_NO, "app.lab.cancel", () -> confirm.setVisible(false));
        HBox buttons = new HBox(6, ok, no);
        confirm.getChildren().setAll(q, buttons);
        confirm.setVisible(true);
    }

    private void showVerdict(VBox box, Verdict v) {
        box.setVisible(v != null);
        box.getStyleClass().removeAll(LabStyles.VERDICT_PASSED, LabStyles.VERDICT_FAILED);
        if (v == null) {
            box.getChildren().clear();
            return;
        }
        box.getStyleClass().addAll(LabStyles.VERDICT, v.passed() ? LabStyles.VERDICT_PASSED : LabStyles.VERDICT_FAILED);
        Label head = new Label(t(v.passed() ? "app.lab.passed" : "app.lab.notYet", v.score(), v.maxScore()));
        head.setId(LabStyles.Id.VERDICT_TITLE);
        head.getStyleClass().add(LabStyles.VERDICT_TITLE);
        box.getChildren().setAll(head);
        for (Msg m : v.messages()) {
            if (v.passed() || !v.problem().isPresent() || !m.equals(v.problem().get().message())) {
                Label l = new Label(m.in(lang));
                l.setWrapText(true);
                l.getStyleClass().add(LabStyles.Hook.VERDICT_MESSAGE);
                box.getChildren().add(l);
            }
        }
    }

    private Button button(String id, String key, Runnable action, String... classes) {
        Button b = new Button(t(key));
        b.setId(id);
        b.getStyleClass().addAll(classes);
        b.setOnAction(e -> action.run());
        return b;
    }
}
