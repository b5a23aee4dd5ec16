package campus.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import java.util.Objects;
import javafx.scene.Scene;

/**
 * Light or dark (AtlantaFX Primer), the app's stylesheets, and the zoomed font size. The style classes the
 * stylesheets style are constants beside this class, one class per area ({@link LabStyles},
 * {@link ExamStyles}, {@link QuizStyles}); the CSS files stay the source of the look.
 */
public final class Theme {

    /** AtlantaFX Primer's base font size, which zoom scales. */
    public static final double BASE_FONT_PX = 14;

    private Theme() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(userAgentStylesheet(dark));
    }

    /**
     * The theme as the build trims it (src/build/java/ThemeTrim.java: without the rules of controls the
     * app does not use, which halves the CSS work of the first frame), in binary form (no CSS parser at
     * start-up); AtlantaFX's own when the trimmed one is missing (classes compiled without the build step).
     */
    public static String userAgentStylesheet(boolean dark) {
        var trimmed = Theme.class.getResource(dark ? TRIMMED_DARK : TRIMMED_LIGHT);
        if (trimmed != null) {
            return trimmed.toExternalForm();
        }
        return dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
    }

    public static final String TRIMMED_LIGHT = "/campus/app/theme/atlantafx-primer-light.bss";
    public static final String TRIMMED_DARK = "/campus/app/theme/atlantafx-primer-dark.bss";
    public static final String CHARTS_LIGHT = "/campus/app/theme/atlantafx-primer-light-charts.bss";
    public static final String CHARTS_DARK = "/campus/app/theme/atlantafx-primer-dark-charts.bss";

    /**
     * The theme's chart rules, which the build moves out of the app-wide theme (see
     * {@link #userAgentStylesheet}): a chart returns this from {@code getUserAgentStylesheet()}, so it
     * looks as with the whole theme. Light or dark as the app-wide theme is; {@code null} (no sheet of its
     * own) when the app runs on AtlantaFX's whole theme, which has the chart rules already.
     */
    public static String chartStylesheet() {
        String app = Application.getUserAgentStylesheet();
        String charts = app == null ? null
                : app.endsWith(TRIMMED_DARK) ? CHARTS_DARK
                : app.endsWith(TRIMMED_LIGHT) ? CHARTS_LIGHT
                : null;
        var url = charts == null ? null : Theme.class.getResource(charts);
        return url == null ? null : url.toExternalForm();
    }

    /** The lesson theme (Markdown renderer's {@code md-} classes). */
    public static final String LESSON_CSS = "/campus/app/theme/lesson.css";
    /** The shell: sidebar, lesson page, bars, progress page. */
    public static final String SHELL_CSS = "/campus/app/shell/shell.css";
    /** Labs: {@link LabStyles}. */
    public static final String LAB_CSS = "/campus/app/theme/lab.css";
    /** The exam window and launcher ({@link ExamStyles}) and quizzes ({@link QuizStyles}). */
    public static final String EXAM_CSS = "/campus/app/theme/exam.css";

    /** A stylesheet of the app (one of the {@code *_CSS} paths), for {@code getStylesheets().add(…)}. */
    public static String stylesheet(String resource) {
        return Objects.requireNonNull(Theme.class.getResource(resource), resource).toExternalForm();
    }

    /** The sheets of a window that shows lessons: lesson, shell and lab, in that order. */
    public static void addStylesheets(Scene scene) {
        scene.getStylesheets().add(stylesheet(LESSON_CSS));
        add(scene, SHELL_CSS);
        add(scene, LAB_CSS);
    }

    private static void add(Scene scene, String resource) {
        var url = Theme.class.getResource(resource);
        if (url != null) {
            scene.getStylesheets().add(url.toExternalForm());
        }
    }

    public static void zoom(Parent root, int percent) {
        // At 100 % the theme's own .root size (14px) applies: no inline style, so no CSS parser at start-up
        // (an inline style is parsed as CSS text even where the stylesheets are binary).
        root.setStyle(percent == 100 ? ""
                : String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * percent / 100.0));
    }
}
