package campus.app.theme;

/**
 * Style classes of the shell (sidebar, lesson page, bars, problems, progress page), all prefixed
 * {@code campus-}. The constants of this class are the style classes {@code shell.css} ({@link
 * Theme#SHELL_CSS}) styles, and only those (a {@code _PREFIX} is followed by a course's level); {@link
 * Hook} are style classes no rule styles, by which tests and lookups find nodes. {@code AreaStylesTest}
 * holds both groups to the shipped CSS.
 */
public final class ShellStyles {

    public static final String BARS_PLACEHOLDER = "campus-bars-placeholder";
    public static final String COURSE_CELL = "campus-course-cell";
    public static final String COURSE_LIST = "campus-course-list";
    public static final String COURSE_PERCENT = "campus-course-percent";
    public static final String COURSE_PROGRESS = "campus-course-progress";
    public static final String COURSE_SUMMARY = "campus-course-summary";
    public static final String COURSE_TITLE = "campus-course-title";
    public static final String EMBED_CARD = "campus-embed-card";
    public static final String EMBED_TITLE = "campus-embed-title";
    public static final String EMPTY = "campus-empty";
    public static final String FIND_BAR = "campus-find-bar";
    public static final String FIND_COUNT = "campus-find-count";
    public static final String LESSON_DONE = "campus-lesson-done";
    public static final String LESSON_ERROR = "campus-lesson-error";
    public static final String LESSON_PAGE = "campus-lesson-page";
    public static final String LESSON_SCROLL = "campus-lesson-scroll";
    public static final String LESSON_TREE = "campus-lesson-tree";
    public static final String LEVEL_BADGE = "campus-level";
    public static final String LEVEL_PREFIX = "campus-level-";
    public static final String LOADING = "campus-loading";
    public static final String NAV_BAR = "campus-nav-bar";
    public static final String NAV_PLACEHOLDER = "campus-nav-placeholder";
    public static final String NOTICE = "campus-notice";
    public static final String NOTICE_INFO = "campus-notice-info";
    public static final String NOTICE_WARNING = "campus-notice-warning";
    public static final String PROBLEMS = "campus-problems";
    public static final String PROBLEMS_HEAD = "campus-problems-head";
    public static final String PROBLEMS_TITLE = "campus-problems-title";
    public static final String PROGRESS_CHART = "campus-progress-chart";
    public static final String PROGRESS_HEADING = "campus-progress-heading";
    public static final String PROGRESS_PAGE = "campus-progress-page";
    public static final String SHELL = "campus-shell";
    public static final String SIDEBAR_HEADER = "campus-sidebar-header";
    public static final String SIDEBAR_PLACEHOLDER = "campus-sidebar-placeholder";
    public static final String STATUS_BAR = "campus-status-bar";

    private ShellStyles() {
    }

    /** Style classes no rule in {@code shell.css} styles: names that tests and lookups find nodes by. */
    public static final class Hook {

        public static final String NOTICES = "campus-notices";
        public static final String PROBLEMS_BUTTON = "campus-problems-button";
        public static final String PROGRESS_SLOT = "campus-progress-slot";
        /** What stands in a lesson for a quiz while the quizzes are read. */
        public static final String QUIZ_HOLDER = "campus-quiz-holder";
        public static final String SIDEBAR = "campus-sidebar";

        private Hook() {
        }
    }
}
