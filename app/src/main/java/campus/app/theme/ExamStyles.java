package campus.app.theme;

/**
 * Style classes and node ids of the exam window, its launcher and the result page ({@code
 * campus.app.exam}), all prefixed {@code exam-}. The constants of this class are the style classes {@code
 * exam.css} ({@link Theme#EXAM_CSS}) styles, and only those: the CSS stays the source of the look. {@link
 * Hook} are style classes no rule styles, by which tests and lookups find nodes; {@link Id} are node ids.
 * {@code AreaStylesTest} holds the three groups to the shipped CSS.
 */
public final class ExamStyles {

    public static final String ACTIONS = "exam-actions";
    public static final String ANOMALY = "exam-anomaly";
    public static final String CARD = "exam-card";
    public static final String CARD_FACTS = "exam-card-facts";
    public static final String CARD_TITLE = "exam-card-title";
    public static final String CLOCK = "exam-clock";
    public static final String CLOCK_DANGER = "exam-clock-danger";
    public static final String CLOCK_WARNING = "exam-clock-warning";
    public static final String DIALOG = "exam-dialog";
    public static final String DIALOG_SHADE = "exam-dialog-shade";
    public static final String DIALOG_TEXT = "exam-dialog-text";
    public static final String ERROR = "exam-error";
    public static final String FLAG = "exam-flag";
    public static final String GRACE = "exam-grace";
    public static final String HEADER = "exam-header";
    public static final String HINT = "exam-hint";
    public static final String LEGEND_SWATCH = "exam-legend-swatch";
    public static final String LEGEND_TEXT = "exam-legend-text";
    public static final String MODE = "exam-mode";
    public static final String NAV_ANSWERED = "exam-nav-answered";
    public static final String NAV_CURRENT = "exam-nav-current";
    public static final String NAV_FLAGGED = "exam-nav-flagged";
    public static final String NAV_ITEM = "exam-nav-item";
    public static final String NOTICE = "exam-notice";
    public static final String PAGE = "exam-page";
    public static final String PAGE_TITLE = "exam-page-title";
    public static final String PROGRESS = "exam-progress";
    public static final String PROMPT = "exam-prompt";
    public static final String QUESTION_NUMBER = "exam-question-number";
    public static final String RESULT_FAIL = "exam-result-fail";
    public static final String RESULT_PASS = "exam-result-pass";
    public static final String RESULT_REASON = "exam-result-reason";
    public static final String RESULT_RECORD = "exam-result-record";
    public static final String RESULT_SCORE = "exam-result-score";
    public static final String RESULT_VERDICT = "exam-result-verdict";
    public static final String REVIEW_CARD = "exam-review-card";
    public static final String REVIEW_CORRECT = "exam-review-correct";
    public static final String REVIEW_PARTIAL = "exam-review-partial";
    public static final String REVIEW_TOPICS = "exam-review-topics";
    public static final String REVIEW_UNANSWERED = "exam-review-unanswered";
    public static final String REVIEW_WRONG = "exam-review-wrong";
    public static final String ROOT = "exam-root";
    public static final String SECTION = "exam-section";
    public static final String SECTION_TITLE = "exam-section-title";
    public static final String SIDE = "exam-side";
    public static final String SIDE_TITLE = "exam-side-title";
    public static final String TITLE = "exam-title";
    public static final String TOPICS = "exam-topics";

    private ExamStyles() {
    }

    /** Style classes no rule in {@code exam.css} styles: names that tests and lookups find nodes by. */
    public static final class Hook {

        public static final String CARD_TEXT = "exam-card-text";
        public static final String CLEAR_ANSWER = "exam-clear-answer";
        public static final String FIELD_LABEL = "exam-field-label";
        public static final String FRAME = "exam-frame";
        public static final String LANG = "exam-lang";
        public static final String LAUNCHER = "exam-launcher";
        public static final String LEAVE = "exam-leave";
        public static final String LEGEND = "exam-legend";
        public static final String NAVIGATOR = "exam-navigator";
        public static final String NEXT = "exam-next";
        public static final String PACKAGE_FILE = "exam-package-file";
        public static final String PAGE_SCROLL = "exam-page-scroll";
        public static final String PREVIOUS = "exam-previous";
        public static final String RESULT = "exam-result";
        public static final String REVIEW_ANSWER = "exam-review-answer";
        public static final String REVIEW_BUTTON = "exam-review-button";
        public static final String REVIEW_FEEDBACK = "exam-review-feedback";
        public static final String REVIEW_FLAGGED = "exam-review-flagged";
        public static final String REVIEW_HEADING = "exam-review-heading";
        public static final String REVIEW_NUMBER = "exam-review-number";
        public static final String SUBMIT = "exam-submit";

        private Hook() {
        }
    }

    /** Node ids ({@code setId}); a {@code _PREFIX} is followed by the id of what the node shows. */
    public static final class Id {

        public static final String BUSY = "exam-busy";
        public static final String CANDIDATE = "exam-candidate";
        public static final String CLEAR_ANSWER = "exam-clear-answer";
        public static final String CLOSE = "exam-close";
        public static final String CONFIRM_LEAVE = "exam-confirm-leave";
        public static final String CONFIRM_SUBMIT = "exam-confirm-submit";
        public static final String END_NOW = "exam-end-now";
        public static final String FLAG = "exam-flag";
        public static final String LAUNCH_ERROR = "exam-launch-error";
        public static final String LEAVE = "exam-leave";
        public static final String NAV_ITEM_PREFIX = "exam-nav-";
        public static final String NEXT = "exam-next";
        public static final String OPEN_PACKAGE = "exam-open-package";
        public static final String OVERLAY = "exam-overlay";
        public static final String PREVIOUS = "exam-previous";
        public static final String PROCTOR_CODE = "exam-proctor-code";
        public static final String RESUME_PREFIX = "exam-resume-";
        public static final String REVIEW = "exam-review";
        public static final String SCORE = "exam-score";
        public static final String START_PREFIX = "exam-start-";
        public static final String SUBMIT = "exam-submit";
        public static final String SUSPEND = "exam-suspend";
        public static final String TOPICS = "exam-topics";
        public static final String UNLOCK = "exam-unlock";
        public static final String UNLOCK_CODE = "exam-unlock-code";
        public static final String VERDICT = "exam-verdict";

        private Id() {
        }
    }
}
