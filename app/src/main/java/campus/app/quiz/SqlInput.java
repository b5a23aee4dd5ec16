package campus.app.quiz;

import campus.app.theme.QuizStyles;
import javafx.scene.Node;
import javafx.scene.control.TextArea;

/**
 * Where a learner types SQL for a SQL question. The plain text area below stands in until the lab's
 * SQL editor is wired in through {@link Factory}; quiz and exam screens only use this interface.
 */
public interface SqlInput {

    Node node();

    String text();

    void setText(String sql);

    /** Called on every edit, on the UI thread. */
    void setOnChange(Runnable onChange);

    @FunctionalInterface
    interface Factory {
        SqlInput create();
    }

    /** A monospace text area. */
    static SqlInput textArea() {
        TextArea area = new TextArea();
        area.getStyleClass().add(QuizStyles.SQL_INPUT);
        area.setPrefRowCount(5);
        area.setWrapText(false);
        return new SqlInput() {
            private Runnable onChange = () -> { };

            {
                area.textProperty().addListener((o, was, now) -> onChange.run());
            }

            @Override
            public Node node() {
                return area;
            }

            @Override
            public String text() {
                return area.getText();
            }

            @Override
            public void setText(String sql) {
                area.setText(sql);
            }

            @Override
            public void setOnChange(Runnable r) {
                onChange = r;
            }
        };
    }
}
