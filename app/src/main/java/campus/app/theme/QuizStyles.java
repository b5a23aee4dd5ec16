package campus.app.theme;

/**
 * Style classes and node ids of quizzes in a lesson and the questions of an exam ({@code campus.app.quiz}),
 * all prefixed {@code quiz-}. The constants of this class are the style classes {@code exam.css} ({@link
 * Theme#EXAM_CSS}) styles, and only those: the CSS stays the source of the look. {@link Hook} are style
 * classes no rule styles, by which tests and lookups find nodes; {@link Id} are node ids. {@code
 * AreaStylesTest} holds the three groups to the shipped CSS.
 */
public final class QuizStyles {

    public static final String ANSWER_FEEDBACK = "quiz-answer-feedback";
    public static final String CODE_BLOCK = "quiz-code-block";
    public static final String ERROR = "quiz-error";
    public static final String FEEDBACK = "quiz-feedback";
    public static final String FEEDBACK_HEADING = "quiz-feedback-heading";
    public static final String HINT = "quiz-hint";
    public static final String MISSING = "quiz-missing";
    public static final String OPTION = "quiz-option";
    public static final String ORDERING_ITEM = "quiz-ordering-item";
    public static final String PANE = "quiz-pane";
    public static final String QUESTION = "quiz-question";
    public static final String QUESTION_NUMBER = "quiz-question-number";
    public static final String SCORE = "quiz-score";
    public static final String SQL_INPUT = "quiz-sql-input";
    public static final String TEXT_BOLD = "quiz-text-bold";
    public static final String TEXT_CODE = "quiz-text-code";
    public static final String TEXT_PLAIN = "quiz-text-plain";
    public static final String TITLE = "quiz-title";
    public static final String VERDICT = "quiz-verdict";
    public static final String VERDICT_CORRECT = "quiz-verdict-correct";
    public static final String VERDICT_PARTIAL = "quiz-verdict-partial";
    public static final String VERDICT_WRONG = "quiz-verdict-wrong";

    private QuizStyles() {
    }

    /** Style classes no rule in {@code exam.css} styles: names that tests and lookups find nodes by. */
    public static final class Hook {

        public static final String ACTIONS = "quiz-actions";
        public static final String CHECK = "quiz-check";
        public static final String CHECKER_FEEDBACK = "quiz-checker-feedback";
        public static final String CORRECT_ANSWER = "quiz-correct-answer";
        public static final String EXPLANATION = "quiz-explanation";
        public static final String FILL_IN = "quiz-fill-in";
        public static final String INPUT = "quiz-input";
        public static final String INPUT_TYPE_PREFIX = "quiz-input-";
        public static final String MATCHING = "quiz-matching";
        public static final String MATCHING_CHOICE = "quiz-matching-choice";
        public static final String MATCHING_LEFT = "quiz-matching-left";
        public static final String ORDERING = "quiz-ordering";
        public static final String ORDERING_DOWN = "quiz-ordering-down";
        public static final String ORDERING_TEXT = "quiz-ordering-text";
        public static final String ORDERING_UP = "quiz-ordering-up";
        public static final String PROMPT = "quiz-prompt";
        public static final String RETRY = "quiz-retry";
        public static final String TEXT = "quiz-text";

        private Hook() {
        }
    }

    /** Node ids ({@code setId}); a {@code _PREFIX} is followed by the id of what the node shows. */
    public static final class Id {

        public static final String QUESTION_PREFIX = "quiz-question-";

        private Id() {
        }
    }
}
