package campus.app.theme;

/**
 * Every CSS style class the lesson renderer sets, in one place: {@code theme/lesson.css} styles them and
 * tests look nodes up by them. All share the {@code md-} prefix so they never collide with the shell's.
 */
public final class MdStyles {

    private MdStyles() {
    }

    /** The root: fills the viewport and centres the column. */
    public static final String PAGE = "md-page";
    /** The reading column, of bounded width. */
    public static final String LESSON = "md-lesson";

    public static final String HEADING = "md-heading";
    public static final String PARAGRAPH = "md-paragraph";
    /** Every selectable block of text (paragraph, heading, list item text, cell, code…). */
    public static final String FLOW = "md-flow";
    /** The highlight drawn behind selected text. */
    public static final String SELECTION = "md-selection";
    /** Find in lesson: every match, and the current one on top. */
    public static final String FIND_MATCH = "md-find-match";
    public static final String FIND_CURRENT = "md-find-current";

    /** Every run of text; modifiers below are added to it. */
    public static final String TEXT = "md-text";
    public static final String EM = "md-em";
    public static final String STRONG = "md-strong";
    public static final String STRIKE = "md-strike";
    public static final String CODE_INLINE = "md-code-inline";
    public static final String LINK = "md-link";
    public static final String LINK_BROKEN = "md-link-broken";
    public static final String RAW_HTML = "md-raw-html";

    public static final String IMAGE = "md-image";
    public static final String IMAGE_MISSING = "md-image-missing";

    public static final String LIST_BULLET = "md-list-bullet";
    public static final String LIST_ORDERED = "md-list-ordered";
    public static final String LIST_ITEM = "md-list-item";
    public static final String LIST_MARKER = "md-list-marker";
    public static final String LIST_BODY = "md-list-body";
    public static final String TASK_MARKER = "md-task-marker";
    public static final String TASK_OPEN = "md-task-open";
    public static final String TASK_DONE = "md-task-done";

    public static final String FOOTNOTE_REF = "md-footnote-ref";
    public static final String FOOTNOTES = "md-footnotes";
    public static final String FOOTNOTE = "md-footnote";
    public static final String FOOTNOTE_BACK = "md-footnote-back";

    public static final String BLOCKQUOTE = "md-blockquote";
    public static final String RULE = "md-rule";

    public static final String TABLE = "md-table";
    public static final String TABLE_CELL = "md-table-cell";
    public static final String TABLE_HEADER = "md-table-header";
    public static final String TABLE_ROW_ODD = "md-table-row-odd";

    public static final String ADMONITION = "md-admonition";
    public static final String ADMONITION_NOTE = "md-admonition-note";
    public static final String ADMONITION_TIP = "md-admonition-tip";
    public static final String ADMONITION_WARNING = "md-admonition-warning";
    public static final String ADMONITION_TITLE = "md-admonition-title";
    public static final String ADMONITION_ICON = "md-admonition-icon";

    public static final String CODE_BLOCK = "md-code-block";
    public static final String CODE = "md-code";
    public static final String CODE_HEADER = "md-code-header";
    public static final String CODE_LANGUAGE = "md-code-language";
    public static final String CODE_COPY = "md-code-copy";
    /** Added to the copy button for a moment after it copied. */
    public static final String COPIED = "md-copied";

    /** SQL in a code block, by token kind; identifiers and operators keep the code's own colour. */
    public static final String SQL_KEYWORD = "md-sql-keyword";
    public static final String SQL_STRING = "md-sql-string";
    public static final String SQL_NUMBER = "md-sql-number";
    public static final String SQL_COMMENT = "md-sql-comment";
    public static final String SQL_QUOTED_IDENTIFIER = "md-sql-quoted-identifier";

    public static final String EMBED = "md-embed";
    public static final String EMBED_LAB = "md-embed-lab";
    public static final String EMBED_QUIZ = "md-embed-quiz";

    /** {@code md-heading-1} … {@code md-heading-6}. */
    public static String heading(int level) {
        return HEADING + "-" + Math.max(1, Math.min(6, level));
    }
}
