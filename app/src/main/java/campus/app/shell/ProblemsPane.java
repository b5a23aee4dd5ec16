package campus.app.shell;

import campus.app.theme.ShellStyles;
import campus.i18n.Problem;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Every problem found in the content on screen, as {@code path:line: message} in the current
 * language: the library's, plus those of the open lesson. Selectable, so an author can copy a line.
 */
final class ProblemsPane extends BorderPane {

    private final ListView<Problem> list;

    ProblemsPane(ShellViewModel vm, Tr tr, Runnable close) {
        getStyleClass().add(ShellStyles.PROBLEMS);
        setId("problems");
        Label title = new Label();
        title.textProperty().bind(Bindings.createStringBinding(
                () -> tr.get("app.problems.title", vm.problems().size()), vm.langProperty(), vm.problems()));
        title.getStyleClass().add(ShellStyles.PROBLEMS_TITLE);
        Button hide = new Button();
        hide.textProperty().bind(tr.bind("app.problems.close"));
        hide.setOnAction(e -> close.run());
        hide.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, hide);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add(ShellStyles.PROBLEMS_HEAD);

        list = new ListView<>(vm.problems());
        list.setId("problem-list");
        Label none = new Label();
        none.textProperty().bind(tr.bind("app.problems.none"));
        list.setPlaceholder(none);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.format(tr.lang()));
            }
        });
        vm.langProperty().addListener((o, a, b) -> list.refresh());
        list.setPrefHeight(180);
        setTop(head);
        setCenter(list);
    }

    ListView<Problem> list() {
        return list;
    }
}
