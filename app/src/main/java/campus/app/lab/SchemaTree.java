package campus.app.lab;

import campus.app.theme.LabStyles;
import campus.i18n.Lang;
import campus.i18n.Messages;
import campus.labs.sandbox.SchemaTable;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** The tables the learner can query, their columns and types and row counts; a double click inserts a name. */
final class SchemaTree {

    /** A row of the tree: what it shows, and the name a double click inserts. */
    record Entry(String name, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private SchemaTree() {
    }

    static TitledPane of(ObservableList<SchemaTable> schema, Lang lang, Consumer<String> insert) {
        TreeView<SchemaTree.Entry> tree = new TreeView<>(new TreeItem<>());
        tree.setId(LabStyles.Id.SCHEMA);
        tree.getStyleClass().add(LabStyles.SCHEMA);
        tree.setShowRoot(false);
        tree.setPrefHeight(200);
        fill(tree, schema, lang);
        schema.addListener((ListChangeListener<SchemaTable>) c -> fill(tree, schema, lang));
        tree.setOnMouseClicked(e -> {
            TreeItem<Entry> item = tree.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && item != null && item.getValue() != null) {
                insert.accept(item.getValue().name());
            }
        });
        TitledPane pane = new TitledPane(Messages.of(lang).get("app.lab.schema"), tree);
        pane.setId(LabStyles.Id.SCHEMA_PANE);
        pane.getStyleClass().add(LabStyles.Hook.SCHEMA_PANE);
        pane.setExpanded(false);
        pane.setAnimated(false);
        return pane;
    }

    private static void fill(TreeView<SchemaTree.Entry> tree, List<SchemaTable> schema, Lang lang) {
        tree.getRoot().getChildren().clear();
        for (SchemaTable t : schema) {
            TreeItem<Entry> table = item(Messages.of(lang).get("app.lab.tableRows", t.name(), t.rowCount()), t.name());
            for (SchemaTable.Column c : t.columns()) {
                table.getChildren().add(item(c.name() + "  " + c.sqlType() + (c.nullable() ? "" : " NOT NULL"), c.name()));
            }
            tree.getRoot().getChildren().add(table);
        }
    }

    private static TreeItem<Entry> item(String label, String name) {
        return new TreeItem<>(new Entry(name, label));
    }
}
