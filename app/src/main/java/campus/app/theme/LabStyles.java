package campus.app.theme;

/**
 * Style classes and node ids of labs ({@code campus.app.lab}: the lab pane, SQL editor, results, schema),
 * all prefixed {@code lab-}. The constants of this class are the style classes {@code lab.css} ({@link
 * Theme#LAB_CSS}) styles, and only those: the CSS stays the source of the look. {@link Hook} are style
 * classes no rule styles, by which tests and lookups find nodes; {@link Id} are node ids. {@code
 * AreaStylesTest} holds the three groups to the shipped CSS.
 */
public final class LabStyles {

    public static final String BRACKET = "lab-bracket";
    public static final String BRACKET_UNMATCHED = "lab-bracket-unmatched";
    public static final String CELL_NULL = "lab-cell-null";
    public static final String CELL_NUMBER = "lab-cell-number";
    public static final String COMPLETION = "lab-completion";
    public static final String CONFIRM = "lab-confirm";
    public static final String EDITOR = "lab-editor";
    public static final String EDITOR_SCROLL = "lab-editor-scroll";
    public static final String ERROR = "lab-error";
    public static final String ERROR_MARK = "lab-error-mark";
    public static final String HINT = "lab-hint";
    public static final String MUTED = "lab-muted";
    public static final String PANE = "lab-pane";
    public static final String PLAN = "lab-plan";
    public static final String POINTS = "lab-points";
    public static final String PROBLEM = "lab-problem";
    public static final String RESULT_TABLE = "lab-result-table";
    public static final String ROW_COUNT = "lab-row-count";
    public static final String SCHEMA = "lab-schema";
    public static final String SECTION_TITLE = "lab-section-title";
    public static final String SOLUTION = "lab-solution";
    public static final String SOLUTION_TEXT = "lab-solution-text";
    public static final String SQL_COMMENT = "lab-sql-comment";
    public static final String SQL_KEYWORD = "lab-sql-keyword";
    public static final String SQL_NUMBER = "lab-sql-number";
    public static final String SQL_OPERATOR = "lab-sql-operator";
    public static final String SQL_QUOTED = "lab-sql-quoted";
    public static final String SQL_STRING = "lab-sql-string";
    public static final String STATEMENT_SUMMARY = "lab-statement-summary";
    public static final String TITLE = "lab-title";
    public static final String VERDICT = "lab-verdict";
    public static final String VERDICT_FAILED = "lab-verdict-failed";
    public static final String VERDICT_PASSED = "lab-verdict-passed";
    public static final String VERDICT_TITLE = "lab-verdict-title";

    private LabStyles() {
    }

    /** Style classes no rule in {@code lab.css} styles: names that tests and lookups find nodes by. */
    public static final class Hook {

        public static final String ACTIONS = "lab-actions";
        public static final String RESULTS = "lab-results";
        public static final String SCHEMA_PANE = "lab-schema-pane";
        public static final String SQL_IDENTIFIER = "lab-sql-identifier";
        public static final String TASK = "lab-task";
        public static final String VERDICT_MESSAGE = "lab-verdict-message";

        private Hook() {
        }
    }

    /** Node ids ({@code setId}); a {@code _PREFIX} is followed by the id of what the node shows. */
    public static final class Id {

        public static final String BUSY_TEXT = "lab-busy-text";
        public static final String CANCEL = "lab-cancel";
        public static final String CHECK = "lab-check";
        public static final String COMPLETION = "lab-completion";
        public static final String CONFIRM_NO = "lab-confirm-no";
        public static final String CONFIRM_YES = "lab-confirm-yes";
        public static final String COPY_SOLUTION = "lab-copy-solution";
        public static final String DATASET_NOTICE = "lab-dataset-notice";
        public static final String EDITOR = "lab-editor";
        public static final String ERROR = "lab-error";
        public static final String EXPLAIN = "lab-explain";
        public static final String HINT = "lab-hint";
        public static final String HINTS = "lab-hints";
        public static final String LOAD_PROGRESS = "lab-load-progress";
        public static final String PANE_PREFIX = "lab-";
        public static final String PLAN = "lab-plan";
        public static final String PROBLEM = "lab-problem";
        public static final String PROGRESS = "lab-progress";
        public static final String RESET = "lab-reset";
        public static final String RESULTS = "lab-results";
        public static final String RESULT_TABLE = "lab-result-table";
        public static final String ROW_COUNT = "lab-row-count";
        public static final String RUN = "lab-run";
        public static final String SCHEMA = "lab-schema";
        public static final String SCHEMA_PANE = "lab-schema-pane";
        public static final String SOLUTION = "lab-solution";
        public static final String SOLUTION_BOX = "lab-solution-box";
        public static final String SOLUTION_TEXT = "lab-solution-text";
        public static final String VERDICT = "lab-verdict";
        public static final String VERDICT_TITLE = "lab-verdict-title";

        private Id() {
        }
    }
}
