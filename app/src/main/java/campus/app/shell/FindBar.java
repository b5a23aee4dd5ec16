package campus.app.shell;

import campus.app.theme.ShellStyles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/**
 * The find-in-lesson bar above the lesson: a query field, "3 of 12", previous/next and close. Typing searches at
 * once; Enter and Shift+Enter step through the matches (F3 and Shift+F3 too); Esc closes the bar and removes the
 * highlights. What a search does is the lesson pane's business: this class only reports what the learner asked.
 */
final class FindBar extends HBox {

    /** What the lesson pane does for the bar. */
    interface Actions {
        /** @return the number of matches, and the current one (0-based, -1 for none) */
        int[] search(String query);

        int[] step(boolean forward);

        void closed();
    }

    private final TextField field = new TextField();
    private final Label count = new Label();
    private final Tr tr;
    private final Actions actions;
    private int[] last = {0, -1};

    FindBar(Tr tr, Actions actions) {
        this.tr = tr;
        this.actions = actions;
        getStyleClass().add(ShellStyles.FIND_BAR);
        setId("find-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        field.setId("find-field");
        field.promptTextProperty().bind(tr.bind("app.find.prompt"));
        field.setPrefColumnCount(24);
        count.setId("find-count");
        count.getStyleClass().add(ShellStyles.FIND_COUNT);
        Button previous = button("find-previous", "▲", "app.find.previous", () -> show(actions.step(false)));
        Button next = button("find-next", "▼", "app.find.next", () -> show(actions.step(true)));
        Button close = button("find-close", "✕", "app.find.close", () -> close(actions));
        field.textProperty().addListener((o, was, now) -> show(actions.search(now)));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F3) {
                show(actions.step(!e.isShiftDown()));
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close(actions);
                e.consume();
            }
        });
        getChildren().addAll(field, count, previous, next, close);
        setVisible(false);
        managedProperty().bind(visibleProperty());
        tr.langProperty().addListener((o, was, now) -> show(last));
    }

    private Button button(String id, String glyph, String tooltipKey, Runnable action) {
        Button b = new Button(glyph);
        b.setId(id);
        b.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
        b.setFocusTraversable(false);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(tr.bind(tooltipKey));
        b.setTooltip(tip);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(Bindings.createBooleanBinding(() -> field.getText().isBlank(), field.textProperty()));
        if (id.equals("find-close")) {
            b.disableProperty().unbind();
        }
        return b;
    }

    /**
     * Shows the bar with the field focused and its text selected, so typing replaces the last query. Reopened with a
     * query still in it, the bar searches again (closing removed the highlights).
     */
    void open() {
        boolean wasOpen = isVisible();
        setVisible(true);
        field.requestFocus();
        field.selectAll();
        if (!wasOpen && !field.getText().isBlank()) {
            show(actions.search(field.getText()));
        }
    }

    boolean isOpen() {
        return isVisible();
    }

    String query() {
        return field.getText();
    }

    /** Shows a result that came from elsewhere (the lesson changed under an open bar). */
    void show(int[] result) {
        last = result;
        if (field.getText().isBlank()) {
            count.setText("");
        } else if (result[0] == 0) {
            count.setText(tr.get("app.find.none"));
        } else {
            count.setText(tr.get("app.find.count", result[1] + 1, result[0]));
        }
        count.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("none"),
                !field.getText().isBlank() && result[0] == 0);
    }

    private void close(Actions actions) {
        setVisible(false);
        actions.closed();
    }
}
