package campus.app.quiz;

import campus.app.theme.QuizStyles;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A question prompt or explanation (Markdown) as nodes: paragraphs with {@code `code`} and
 * {@code **bold**}, and fenced code blocks. Question texts use little more; the lesson renderer
 * stays the place for full Markdown.
 */
public final class PromptView {

    private PromptView() {
    }

    public static Node of(String markdown, String styleClass) {
        VBox box = new VBox(6);
        box.getStyleClass().add(styleClass);
        List<String> para = new ArrayList<>();
        StringBuilder code = null;
        for (String line : markdown.replace("\r", "").split("\n", -1)) {
            if (line.trim().startsWith("```")) {
                if (code == null) {
                    flush(box, para);
                    code = new StringBuilder();
                } else {
                    Label block = new Label(code.toString().stripTrailing());
                    block.getStyleClass().add(QuizStyles.CODE_BLOCK);
                    block.setMaxWidth(Double.MAX_VALUE);
                    box.getChildren().add(block);
                    code = null;
                }
            } else if (code != null) {
                code.append(line).append('\n');
            } else if (line.isBlank()) {
                flush(box, para);
            } else {
                para.add(line.trim());
            }
        }
        flush(box, para);
        return box;
    }

    private static void flush(VBox box, List<String> para) {
        if (para.isEmpty()) {
            return;
        }
        box.getChildren().add(inline(String.join(" ", para)));
        para.clear();
    }

    /** {@code `code`} and {@code **bold**} inside one paragraph. */
    static TextFlow inline(String s) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(QuizStyles.Hook.TEXT);
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            String marker = s.startsWith("**", i) ? "**" : s.charAt(i) == '`' ? "`" : null;
            int end = marker == null ? -1 : s.indexOf(marker, i + marker.length());
            if (end > 0) {
                add(flow, plain.toString(), QuizStyles.TEXT_PLAIN);
                plain.setLength(0);
                add(flow, s.substring(i + marker.length(), end), marker.equals("`") ? QuizStyles.TEXT_CODE : QuizStyles.TEXT_BOLD);
                i = end + marker.length();
            } else {
                plain.append(s.charAt(i++));
            }
        }
        add(flow, plain.toString(), QuizStyles.TEXT_PLAIN);
        return flow;
    }

    private static void add(TextFlow flow, String s, String styleClass) {
        if (!s.isEmpty()) {
            Text t = new Text(s);
            t.getStyleClass().add(styleClass);
            flow.getChildren().add(t);
        }
    }
}
