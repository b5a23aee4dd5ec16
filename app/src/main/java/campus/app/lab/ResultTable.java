package campus.app.lab;

import campus.app.theme.LabStyles;
import campus.i18n.Lang;
import campus.i18n.Messages;
import campus.labs.sandbox.ResultColumn;
import campus.labs.sandbox.StatementResult;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** A result set as a table: a column per result column, numbers right-aligned, NULL visible, copyable as TSV. */
final class ResultTable {

    private static final Set<String> NUMERIC = Set.of("TINYINT", "SMALLINT", "INTEGER", "INT", "BIGINT", "NUMERIC",
            "DECIMAL", "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT", "DECFLOAT");

    private ResultTable() {
    }

    static TableView<List<Object>> of(StatementResult r, Lang lang) {
        TableView<List<Object>> table = new TableView<>();
        table.setId(LabStyles.Id.RESULT_TABLE);
        table.getStyleClass().add(LabStyles.RESULT_TABLE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        for (int k = 0; k < r.columns().size(); k++) {
            ResultColumn c = r.columns().get(k);
            int index = k;
            TableColumn<List<Object>, Object> col = new TableColumn<>(c.name());
            col.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().get(index)));
            boolean numeric = isNumeric(c);
            col.setCellFactory(x -> new ValueCell(numeric));
            col.setComparator(ResultTable::compare);
            col.setPrefWidth(width(c.name(), r.rows(), index));
            table.getColumns().add(col);
        }
        table.getItems().setAll(r.rows());
        MenuItem copy = new MenuItem(Messages.of(lang).get("app.lab.copy"));
        copy.setOnAction(e -> copy(table));
        table.setContextMenu(new ContextMenu(copy));
        KeyCombination ctrlC = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.setOnKeyPressed(e -> {
            if (ctrlC.match(e)) {
                copy(table);
                e.consume();
            }
        });
        table.setFixedCellSize(26);
        table.setPrefHeight(Math.min(12, Math.max(3, r.rows().size() + 1)) * 26.0 + 8);
        return table;
    }

    /** A width that fits the header and the first rows' values, within reason. */
    private static double width(String header, List<List<Object>> rows, int index) {
        int chars = header.length();
        for (int k = 0; k < Math.min(50, rows.size()); k++) {
            Object v = rows.get(k).get(index);
            chars = Math.max(chars, v == null ? 4 : format(v).length());
        }
        return Math.max(70, Math.min(360, 8.5 * chars + 30));
    }

    static boolean isNumeric(ResultColumn c) {
        String t = c.sqlType().toUpperCase(java.util.Locale.ROOT);
        int paren = t.indexOf('(');
        return NUMERIC.contains(paren < 0 ? t.trim() : t.substring(0, paren).trim());
    }

    /** The selected rows (all rows when none is selected) as tab-separated text with a header line. */
    static String tsv(TableView<List<Object>> table) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < table.getColumns().size(); k++) {
            b.append(k == 0 ? "" : "\t").append(table.getColumns().get(k).getText());
        }
        b.append('\n');
        List<List<Object>> rows = table.getSelectionModel().getSelectedItems().isEmpty()
                ? table.getItems() : table.getSelectionModel().getSelectedItems();
        for (List<Object> row : rows) {
            for (int k = 0; k < row.size(); k++) {
                b.append(k == 0 ? "" : "\t").append(row.get(k) == null ? "NULL" : format(row.get(k)).replace('\t', ' ').replace('\n', ' '));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static void copy(TableView<List<Object>> table) {
        ClipboardContent c = new ClipboardContent();
        c.putString(tsv(table));
        Clipboard.getSystemClipboard().setContent(c);
    }

    static String format(Object v) {
        if (v instanceof byte[]) {
            StringBuilder b = new StringBuilder("X'");
            for (byte x : (byte[]) v) {
                b.append(String.format("%02X", x));
            }
            return b.append('\'').toString();
        }
        if (v instanceof java.math.BigDecimal) {
            return campus.labs.sandbox.Values.plain((java.math.BigDecimal) v);
        }
        return String.valueOf(v);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number && b instanceof Number) {
            return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        if (a instanceof Comparable && a.getClass() == b.getClass()) {
            return ((Comparable) a).compareTo(b);
        }
        return format(a).compareTo(format(b));
    }

    private static final class ValueCell extends TableCell<List<Object>, Object> {
        private final boolean numeric;

        ValueCell(boolean numeric) {
            this.numeric = numeric;
            if (numeric) {
                getStyleClass().add(LabStyles.CELL_NUMBER);
            }
        }

        @Override
        protected void updateItem(Object v, boolean empty) {
            super.updateItem(v, empty);
            getStyleClass().remove(LabStyles.CELL_NULL);
            if (empty) {
                setText(null);
            } else if (v == null) {
                setText("NULL");
                getStyleClass().add(LabStyles.CELL_NULL);
            } else {
                setText(format(v));
            }
        }
    }
}
