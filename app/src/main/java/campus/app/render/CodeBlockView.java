package campus.app.render;

import campus.app.sql.SqlHighlighter;
import campus.app.sql.SqlSpan;
import campus.app.theme.MdStyles;
import java.util.Locale;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A fenced code block: a header with the language and a Copy button, and the code as a selectable
 * flow, SQL highlighted. The highlighter's ranges become {@code Text} runs only here, at the edge.
 */
final class CodeBlockView {

    /** Fence languages highlighted as SQL. */
    static final Set<String> SQL_LANGUAGES = Set.of("sql", "mysql", "h2", "tidb", "mariadb", "postgresql", "sqlite", "plsql");

    private static final Duration FEEDBACK = Duration.seconds(1.5);

    private CodeBlockView() {
    }

    static Node create(String language, String code, RenderStrings strings, LessonSelection selection) {
        SelectableFlow flow = new SelectableFlow(MdStyles.CODE);
        if (SQL_LANGUAGES.contains(language)) {
            highlighted(code, flow);
        } else {
            flow.addText(code);
        }
        selection.register(flow);

        Label lang = new Label(language.toUpperCase(Locale.ROOT));
        lang.getStyleClass().add(MdStyles.CODE_LANGUAGE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copy = new Button(strings.copy());
        copy.getStyleClass().add(MdStyles.CODE_COPY);
        copy.setFocusTraversable(false);
        copy.setTooltip(new Tooltip(strings.copyCode()));
        copy.setOnAction(e -> copyToClipboard(code, copy, strings));
        HBox header = new HBox(lang, spacer, copy);
        header.getStyleClass().add(MdStyles.CODE_HEADER);

        VBox box = new VBox(header, flow);
        box.getStyleClass().add(MdStyles.CODE_BLOCK);
        return box;
    }

    private static void copyToClipboard(String code, Button button, RenderStrings strings) {
        ClipboardContent content = new ClipboardContent();
        content.putString(code);
        Clipboard.getSystemClipboard().setContent(content);
        button.setText(strings.copied());
        if (!button.getStyleClass().contains(MdStyles.COPIED)) {
            button.getStyleClass().add(MdStyles.COPIED);
        }
        PauseTransition back = new PauseTransition(FEEDBACK);
        back.setOnFinished(e -> {
            button.setText(strings.copy());
            button.getStyleClass().remove(MdStyles.COPIED);
        });
        back.play();
    }

    /** Plain stretches (whitespace, identifiers, operators) are merged so only coloured tokens get their own node. */
    private static void highlighted(String code, SelectableFlow flow) {
        int plainFrom = 0;
        for (SqlSpan s : SqlHighlighter.spans(code)) {
            String cls = styleOf(s);
            if (cls == null) {
                continue;
            }
            if (s.start() > plainFrom) {
                flow.addText(code.substring(plainFrom, s.start()));
            }
            flow.addText(code.substring(s.start(), s.end()), cls);
            plainFrom = s.end();
        }
        if (plainFrom < code.length()) {
            flow.addText(code.substring(plainFrom));
        }
    }

    private static String styleOf(SqlSpan s) {
        return switch (s.kind()) {
            case KEYWORD -> MdStyles.SQL_KEYWORD;
            case STRING -> MdStyles.SQL_STRING;
            case NUMBER -> MdStyles.SQL_NUMBER;
            case COMMENT -> MdStyles.SQL_COMMENT;
            case QUOTED_IDENTIFIER -> MdStyles.SQL_QUOTED_IDENTIFIER;
            case IDENTIFIER, OPERATOR -> null;
        };
    }
}
