package campus.app.shell;

/** Style classes of the shell, all prefixed {@code campus-}; their looks live in shell.css. */
final class Css {

    static final String STYLESHEET = "/campus/app/shell/shell.css";

    static final String SHELL = "campus-shell";
    static final String SIDEBAR = "campus-sidebar";
    static final String SIDEBAR_PLACEHOLDER = "campus-sidebar-placeholder";
    static final String BARS_PLACEHOLDER = "campus-bars-placeholder";
    static final String COURSE_LIST = "campus-course-list";
    static final String COURSE_CELL = "campus-course-cell";
    static final String COURSE_TITLE = "campus-course-title";
    static final String COURSE_SUMMARY = "campus-course-summary";
    static final String LEVEL_BADGE = "campus-level";
    static final String LEVEL_PREFIX = "campus-level-";
    static final String PROGRESS_SLOT = "campus-progress-slot";
    static final String LESSON_TREE = "campus-lesson-tree";
    static final String LESSON_PAGE = "campus-lesson-page";
    static final String LESSON_SCROLL = "campus-lesson-scroll";
    static final String NOTICE = "campus-notice";
    static final String NAV_BAR = "campus-nav-bar";
    static final String NAV_PLACEHOLDER = "campus-nav-placeholder";
    static final String LOADING = "campus-loading";
    static final String EMPTY = "campus-empty";
    static final String PROBLEMS = "campus-problems";
    static final String STATUS_BAR = "campus-status-bar";
    static final String EMBED_CARD = "campus-embed-card";
    static final String EMBED_TITLE = "campus-embed-title";

    private Css() {
    }
}
