package campus.app.lab;

import campus.app.quiz.SqlInput;
import campus.app.sql.SqlHighlighter;
import campus.app.sql.SqlSpan;
import campus.app.theme.LabStyles;
import campus.labs.sandbox.SchemaTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The SQL editor of labs (and of SQL questions, as a {@link SqlInput}): a RichTextFX code area with
 * line numbers, highlighting, bracket matching, auto-indent, spaces for Tab, undo/redo and completion.
 *
 * <p>Highlighting is incremental: the lexer state at the start of each line is cached; edits mark
 * the lines they touch, and one {@code Platform.runLater} per burst of edits re-lexes from the first
 * touched line until the line-start state agrees with the cache again, so typing into a long script
 * restyles a line or two, not the whole text.
 */
public final class SqlEditor implements SqlInput {

    static final String TAB = "    ";

    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
    private final List<campus.labs.sql.SqlLexer.State> lineStates = new ArrayList<>();
    private int dirtyFrom = Integer.MAX_VALUE;
    private int dirtyTo = -1;
    private boolean pending;
    private int[] bracket = new int[0];
    private int[] marked = new int[0];
    /** Lines holding a bracket or error decoration: an edit restyles them, which removes it. */
    private final List<Integer> decorated = new ArrayList<>();
    private Runnable onChange = () -> { };
    private Runnable onRun = () -> { };
    private Runnable onCheck = () -> { };
    private final Completion completion;
    /** Lines restyled since creation: tests check that highlighting stays incremental. */
    private long restyledLines;

    public SqlEditor() {
        this(List::of);
    }

    /** @param schema the tables completion offers, asked each time the popup opens */
    public SqlEditor(Supplier<List<SchemaTable>> schema) {
        area.getStyleClass().add(LabStyles.EDITOR);
        area.getStylesheets().add(LabPane.STYLESHEET);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        scroll.getStyleClass().add(LabStyles.EDITOR_SCROLL);
        // A wheel turn the editor cannot use (its text fits, or it is at the end already) scrolls
        // the lesson around it: a short query must not trap the learner's wheel inside the lab.
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            double y = area.getEstimatedScrollY();
            double max = area.getTotalHeightEstimate() - area.getHeight();
            boolean canScroll = e.getDeltaY() > 0 ? y > 0.5 : e.getDeltaY() < 0 && y < max - 0.5;
            javafx.scene.Parent outer = scroll.getParent();
            if (!canScroll && e.getDeltaX() == 0 && outer != null) {
                e.consume();
                javafx.event.Event.fireEvent(outer, e.copyFor(outer, outer));
            }
        });
        lineStates.add(campus.labs.sql.SqlLexer.State.NORMAL);
        completion = new Completion(area, schema, SqlHighlighter.keywords());
        area.plainTextChanges().subscribe(this::changed);
        area.caretPositionProperty().addListener((o, was, now) -> matchBrackets());
        Nodes.addInputMap(area, InputMap.sequence(
                InputMap.consume(org.fxmisc.wellbehaved.event.EventPattern.keyPressed(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)), e -> onCheck.run()),
                InputMap.consume(org.fxmisc.wellbehaved.event.EventPattern.keyPressed(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN)), e -> onRun.run()),
                InputMap.consume(org.fxmisc.wellbehaved.event.EventPattern.keyPressed(new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN)), e -> completion.show()),
                InputMap.consume(org.fxmisc.wellbehaved.event.EventPattern.keyPressed(KeyCode.ENTER), e -> newLine()),
                InputMap.consume(org.fxmisc.wellbehaved.event.EventPattern.keyPressed(KeyCode.TAB), e -> area.replaceSelection(TAB))));
    }

    // --- SqlInput ------------------------------------------------------------------------------

    @Override
    public Node node() {
        return scroll;
    }

    @Override
    public String text() {
        return area.getText();
    }

    /** Replaces the text as a fresh start: undo does not go back past it. */
    @Override
    public void setText(String sql) {
        area.replaceText(sql);
        area.moveTo(0);
        area.getUndoManager().forgetHistory();
        flush();
    }

    /** Replaces the text as an edit the learner can undo. */
    void setTextUndoable(String sql) {
        area.replaceText(sql);
        area.requestFocus();
    }

    @Override
    public void setOnChange(Runnable r) {
        onChange = r;
    }

    // --- lab actions ---------------------------------------------------------------------------

    void setOnRun(Runnable r) {
        onRun = r;
    }

    void setOnCheck(Runnable r) {
        onCheck = r;
    }

    public CodeArea area() {
        return area;
    }

    /** Text for "run": the selection if there is one, else the statement at the caret; with its start. */
    EditorLogic.Range runRange() {
        if (area.getSelection().getLength() > 0) {
            return new EditorLogic.Range(area.getSelection().getStart(), area.getSelection().getEnd());
        }
        return EditorLogic.statementAt(area.getText(), area.getCaretPosition()).orElse(new EditorLogic.Range(0, 0));
    }

    /** Underlines an error from {@code offset} to the end of its word (or its line), moving the caret there. */
    void markError(int offset) {
        clearMark();
        String t = area.getText();
        if (offset < 0 || offset > t.length()) {
            return;
        }
        int end = offset;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
            end++;
        }
        int start = offset;
        if (end == start) { // at the end of the text or a blank: mark the line instead
            start = t.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
            end = Math.max(offset, start);
        }
        if (end > start) {
            addClass(start, end, LabStyles.ERROR_MARK);
            marked = new int[] {start, end};
        }
        area.moveTo(offset);
        area.requestFollowCaret();
    }

    void clearMark() {
        if (marked.length == 2 && marked[1] <= area.getLength()) {
            removeClass(marked[0], marked[1], LabStyles.ERROR_MARK);
        }
        marked = new int[0];
    }

    Completion completion() {
        return completion;
    }

    long restyledLines() {
        return restyledLines;
    }

    // --- editing -------------------------------------------------------------------------------

    private void newLine() {
        String indent = EditorLogic.indentAt(area.getText(), area.getCaretPosition());
        area.replaceSelection("\n" + indent);
        area.requestFollowCaret();
    }

    private void changed(PlainTextChange c) {
        marked = new int[0];
        bracket = new int[0];
        int line = area.offsetToPosition(c.getPosition(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        int removed = count(c.getRemoved());
        int inserted = count(c.getInserted());
        // line-start states after `line` shift with the lines the edit removed and inserted
        for (int k = 0; k < removed && line + 1 < lineStates.size(); k++) {
            lineStates.remove(line + 1);
        }
        for (int k = 0; k < inserted; k++) {
            lineStates.add(Math.min(line + 1, lineStates.size()), null);
        }
        if (dirtyTo > line) {
            dirtyTo = Math.max(line, dirtyTo + inserted - removed);
        }
        dirtyFrom = Math.min(dirtyFrom, line);
        dirtyTo = Math.max(dirtyTo, line + inserted);
        for (int d : decorated) {
            int now = d <= line ? d : d <= line + removed ? line : d + inserted - removed;
            dirtyFrom = Math.min(dirtyFrom, now);
            dirtyTo = Math.max(dirtyTo, now);
        }
        decorated.clear();
        if (!pending) {
            pending = true;
            Platform.runLater(this::flush);
        }
        onChange.run();
    }

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Restyles the dirty lines, and the following ones until the lexer state settles. */
    void flush() {
        pending = false;
        int lines = area.getParagraphs().size();
        while (lineStates.size() < lines) {
            lineStates.add(null);
        }
        while (lineStates.size() > lines) {
            lineStates.remove(lineStates.size() - 1);
        }
        if (dirtyTo < 0) {
            return;
        }
        int p = Math.max(0, Math.min(dirtyFrom, lines - 1));
        campus.labs.sql.SqlLexer.State state = p == 0 ? campus.labs.sql.SqlLexer.State.NORMAL : lineStates.get(p);
        if (state == null) {
            p = 0;
            state = campus.labs.sql.SqlLexer.State.NORMAL;
        }
        List<SqlSpan> spans = new ArrayList<>();
        for (; p < lines; p++) {
            lineStates.set(p, state);
            String text = area.getParagraph(p).getText();
            spans.clear();
            campus.labs.sql.SqlLexer.State end = SqlHighlighter.lex(text, 0, text.length(), state, spans);
            if (!text.isEmpty()) {
                area.setStyleSpans(p, 0, styles(spans, text.length()));
            }
            restyledLines++;
            state = end;
            if (p >= dirtyTo && p + 1 < lines && state.equals(lineStates.get(p + 1))) {
                break;
            }
        }
        dirtyFrom = Integer.MAX_VALUE;
        dirtyTo = -1;
        matchBrackets();
    }

    static StyleSpans<Collection<String>> styles(List<SqlSpan> spans, int length) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int at = 0;
        for (SqlSpan s : spans) {
            if (s.start() > at) {
                b.add(Collections.emptyList(), s.start() - at);
            }
            b.add(List.of(styleOf(s)), s.length());
            at = s.end();
        }
        b.add(Collections.emptyList(), Math.max(0, length - at));
        return b.create();
    }

    static String styleOf(SqlSpan s) {
        switch (s.kind()) {
            case KEYWORD:
                return LabStyles.SQL_KEYWORD;
            case STRING:
                return LabStyles.SQL_STRING;
            case NUMBER:
                return LabStyles.SQL_NUMBER;
            case COMMENT:
                return LabStyles.SQL_COMMENT;
            case QUOTED_IDENTIFIER:
                return LabStyles.SQL_QUOTED;
            case OPERATOR:
                return LabStyles.SQL_OPERATOR;
            default:
                return LabStyles.Hook.SQL_IDENTIFIER;
        }
    }

    private void matchBrackets() {
        if (pending) {
            return; // styles are about to be rebuilt; flush() calls back
        }
        for (int i : bracket) {
            if (i >= 0 && i < area.getLength()) {
                removeClass(i, i + 1, LabStyles.BRACKET);
            }
        }
        bracket = new int[0];
        EditorLogic.matchingBracket(area.getText(), area.getCaretPosition()).ifPresent(m -> {
            bracket = m;
            for (int i : m) {
                if (i >= 0) {
                    addClass(i, i + 1, m[1] < 0 ? LabStyles.BRACKET_UNMATCHED : LabStyles.BRACKET);
                }
            }
            if (m[1] < 0) {
                bracket = new int[] {m[0]};
            }
        });
    }

    /** Positions of the highlighted bracket pair (tests). */
    int[] bracketMarks() {
        return bracket.clone();
    }

    private void addClass(int from, int to, String cls) {
        decorated.add(area.offsetToPosition(from, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor());
        decorated.add(area.offsetToPosition(to, org.fxmisc.richtext.model.TwoDimensional.Bias.Backward).getMajor());
        for (int i = from; i < to; i++) {
            Collection<String> now = area.getStyleOfChar(i);
            if (!now.contains(cls)) {
                List<String> more = new ArrayList<>(now);
                more.add(cls);
                area.setStyle(i, i + 1, more);
            }
        }
    }

    private void removeClass(int from, int to, String cls) {
        for (int i = from; i < to && i < area.getLength(); i++) {
            Collection<String> now = area.getStyleOfChar(i);
            if (now.contains(cls)) {
                List<String> less = new ArrayList<>(now);
                less.remove(cls);
                area.setStyle(i, i + 1, less);
            }
        }
    }

    /** Style classes at a position (tests). */
    Set<String> classesAt(int offset) {
        return Set.copyOf(area.getStyleOfChar(offset));
    }
}
