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

    /** One list entry; it holds blocks because items may contain paragraphs, code and nested lists. */
    record ListItem(int line, List<Block> blocks) { }

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

    /** Raw HTML is not rendered (no WebView); it is kept as text so nothing silently disappears. */
    record RawHtml(int line, String html) implements Block { }
}
