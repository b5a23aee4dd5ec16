package campus.courses.doc;

import java.util.List;

/**
 * A block of a lesson, independent of any UI toolkit. {@code line} is the 1-based source line in the
 * lesson file, used for problem messages and to keep the reading position when the language changes.
 */
public sealed interface Block {

    int line();

    record Heading(int line, int level, String anchor, List<Inline> content) implements Block { }

    record Paragraph(int line, List<Inline> content) implements Block { }

    record BulletList(int line, List<ListItem> items) implements Block { }

    record OrderedList(int line, int start, List<ListItem> items) implements Block { }

    /**
     * One list entry; it holds blocks because items may contain paragraphs, code and nested lists.
     * {@code task} is {@link Task#OPEN} or {@link Task#DONE} for a task list item ({@code - [ ]},
     * {@code - [x]}), {@link Task#NONE} otherwise.
     */
    record ListItem(int line, List<Block> blocks, Task task) {

        public ListItem(int line, List<Block> blocks) {
            this(line, blocks, Task.NONE);
        }
    }

    /** Whether a list item is a task, and whether it is ticked. */
    enum Task { NONE, OPEN, DONE }

    record BlockQuote(int line, List<Block> blocks) implements Block { }

    /** A fenced or indented code block; {@code language} is empty when the author gave none. */
    record CodeBlock(int line, String language, String code) implements Block { }

    record Table(int line, List<Align> columns, List<List<Cell>> header, List<List<Cell>> body) implements Block { }

    enum Align { LEFT, CENTER, RIGHT, NONE }

    record Cell(List<Inline> content) { }

    record ThematicBreak(int line) implements Block { }

    /** {@code !!! note "Title"}: a highlighted aside. {@code title} is empty for the kind's default title. */
    record Admonition(int line, AdmonitionKind kind, String title, List<Block> blocks) implements Block { }

    enum AdmonitionKind { NOTE, TIP, WARNING }

    /** A fenced block {@code ```lab <id>```}: the lab's pane goes here. */
    record LabEmbed(int line, String labId) implements Block { }

    /** A fenced block {@code ```quiz <id>```}: the quiz goes here. */
    record QuizEmbed(int line, String quizId) implements Block { }

    /**
     * The lesson's footnotes ({@code [^label]: text}), gathered at its end in the order they are
     * first referenced, wherever the author wrote them.
     */
    record Footnotes(int line, List<Footnote> notes) implements Block { }

    /** One footnote: {@code number} is what its references show; {@code line} is where it is defined. */
    record Footnote(int line, String label, int number, List<Block> blocks) { }

    /** Raw HTML is not rendered (no WebView); it is kept as text so nothing silently disappears. */
    record RawHtml(int line, String html) implements Block { }
}
