package campus.app.lab;

import campus.app.theme.LabStyles;
import campus.i18n.Lang;
import campus.i18n.Messages;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.StatementResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/**
 * The results area of a lab: a summary line for each statement but the last result set, then that
 * result set as a table with its row count and time, or an EXPLAIN plan as wrapped monospace text.
 */
final class ResultsView extends VBox {

    private final Lang lang;

    ResultsView(Lang lang) {
        super(6);
        this.lang = lang;
        getStyleClass().add(LabStyles.Hook.RESULTS);
        setId(LabStyles.Id.RESULTS);
        empty();
    }

    private String t(String key, Object... args) {
        return Messages.of(lang).get(key, args);
    }

    void empty() {
        Label l = new Label(t("app.lab.noResult"));
        l.getStyleClass().add(LabStyles.MUTED);
        getChildren().setAll(l);
    }

    void show(LabViewModel.Shown s) {
        getChildren().clear();
        if (s == null) {
            empty();
            return;
        }
        RunResult run = s.run();
        Optional<StatementResult> last = run.lastQuery();
        if (s.explain() || last.isPresent() && isPlan(last.get())) {
            showPlan(run);
            return;
        }
        List<StatementResult> all = run.statements();
        for (int k = 0; k < all.size(); k++) {
            StatementResult r = all.get(k);
            if (last.isPresent() && r == last.get()) {
                continue;
            }
            if (all.size() > 1 || !r.isQuery()) {
                Label l = new Label(t("app.lab.statement", k + 1, r.isQuery()
                        ? t("app.lab.stmtRows", r.totalRows()) : t("app.lab.stmtUpdated", r.updateCount()))
                        + " · " + ms(r.elapsedNanos()));
                l.getStyleClass().add(LabStyles.STATEMENT_SUMMARY);
                getChildren().add(l);
            }
        }
        if (last.isPresent()) {
            StatementResult r = last.get();
            Label count = new Label(countText(r));
            count.setId(LabStyles.Id.ROW_COUNT);
            count.getStyleClass().add(LabStyles.ROW_COUNT);
            getChildren().addAll(ResultTable.of(r, lang), count);
        } else if (all.isEmpty() && run.ok()) {
            empty();
        }
    }

    String countText(StatementResult r) {
        String time = ms(r.elapsedNanos());
        if (r.totalIsLowerBound()) {
            return t("app.lab.rowsAtLeast", r.rows().size(), r.totalRows(), time);
        }
        if (r.truncated()) {
            return t("app.lab.rowsTruncated", r.rows().size(), r.totalRows(), time);
        }
        return t("app.lab.rows", r.totalRows(), time);
    }

    private static boolean isPlan(StatementResult r) {
        return r.columns().size() == 1 && "PLAN".equalsIgnoreCase(r.columns().get(0).name());
    }

    private void showPlan(RunResult run) {
        StringBuilder b = new StringBuilder();
        for (StatementResult r : run.statements()) {
            for (List<Object> row : r.rows()) {
                if (b.length() > 0) {
                    b.append("\n\n");
                }
                b.append(row.isEmpty() ? "" : String.valueOf(row.get(0)));
            }
        }
        Label title = new Label(t("app.lab.plan"));
        title.getStyleClass().add(LabStyles.SECTION_TITLE);
        TextArea plan = new TextArea(b.toString());
        plan.setId(LabStyles.Id.PLAN);
        plan.getStyleClass().add(LabStyles.PLAN);
        plan.setEditable(false);
        plan.setWrapText(true);
        plan.setPrefRowCount(Math.min(14, Math.max(3, (int) b.chars().filter(c -> c == '\n').count() + 2)));
        getChildren().setAll(title, plan);
    }

    static String ms(long nanos) {
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.1f ms" : "%.0f ms", ms);
    }
}
