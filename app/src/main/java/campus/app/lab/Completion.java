package campus.app.lab;

import campus.app.theme.LabStyles;
import campus.labs.sandbox.SchemaTable;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyEvent;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;

/**
 * Ctrl+Space in the editor: a small list of keywords, table and column names that start with the
 * word before the caret. Enter or Tab (or a double click) puts the choice in, Esc closes.
 */
final class Completion {

    private final CodeArea area;
    private final Supplier<List<SchemaTable>> schema;
    private final Set<String> keywords;
    private final Popup popup = new Popup();
    private final ListView<String> list = new ListView<>();
    private final EventHandler<KeyEvent> keys = this::key;

    Completion(CodeArea area, Supplier<List<SchemaTable>> schema, Set<String> keywords) {
        this.area = area;
        this.schema = schema;
        this.keywords = keywords;
        list.getStyleClass().add(LabStyles.COMPLETION);
        list.setId(LabStyles.Id.COMPLETION);
        list.setPrefSize(240, 180);
        list.getStylesheets().add(LabPane.STYLESHEET);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                accept();
            }
        });
        // the popup's window may take the keys (it does on some platforms): it handles them the same way
        list.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        popup.getContent().add(list);
        popup.setAutoHide(true);
        popup.setOnHidden(e -> area.removeEventFilter(KeyEvent.KEY_PRESSED, keys));
    }

    void show() {
        EditorLogic.Range word = EditorLogic.wordBefore(area.getText(), area.getCaretPosition());
        String prefix = area.getText().substring(word.start(), word.end());
        List<String> options = EditorLogic.completions(prefix, schema.get(), keywords);
        if (options.isEmpty()) {
            hide();
            return;
        }
        list.getItems().setAll(options);
        list.getSelectionModel().select(0);
        if (!popup.isShowing()) {
            Bounds b = area.getCaretBounds().orElse(area.localToScreen(area.getBoundsInLocal()));
            popup.show(area, b.getMinX(), b.getMaxY());
            area.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    List<String> items() {
        return List.copyOf(list.getItems());
    }

    void hide() {
        popup.hide();
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case ENTER:
            case TAB:
                accept();
                e.consume();
                break;
            case ESCAPE:
                hide();
                e.consume();
                break;
            case DOWN:
                list.getSelectionModel().selectNext();
                list.scrollTo(list.getSelectionModel().getSelectedIndex());
                e.consume();
                break;
            case UP:
                list.getSelectionModel().selectPrevious();
                list.scrollTo(list.getSelectionModel().getSelectedIndex());
                e.consume();
                break;
            default:
                // typing goes on in the editor; the list follows the new word
                javafx.application.Platform.runLater(() -> {
                    if (popup.isShowing()) {
                        show();
                    }
                });
        }
    }

    private void accept() {
        String choice = list.getSelectionModel().getSelectedItem();
        hide();
        if (choice != null) {
            EditorLogic.Range word = EditorLogic.wordBefore(area.getText(), area.getCaretPosition());
            area.replaceText(word.start(), word.end(), choice);
        }
    }
}
