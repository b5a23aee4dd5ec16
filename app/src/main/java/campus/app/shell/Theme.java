package campus.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Light or dark (AtlantaFX Primer), the shell and lesson stylesheets, and the zoomed font size. */
public final class Theme {

    /** AtlantaFX Primer's base font size, which zoom scales. */
    static final double BASE_FONT_PX = 14;

    private Theme() {
    }

    static void apply(boolean dark) {
        Application.setUserAgentStylesheet(userAgentStylesheet(dark));
    }

    /**
     * The theme as the build trims it (src/build/java/ThemeTrim.java: without the rules of controls the
     * app does not use, which halves the CSS work of the first frame), in binary form (no CSS parser at
     * start-up); AtlantaFX's own when the trimmed one is missing (classes compiled without the build step).
     */
    static String userAgentStylesheet(boolean dark) {
        var trimmed = Theme.class.getResource(dark ? TRIMMED_DARK : TRIMMED_LIGHT);
        if (trimmed != null) {
            return trimmed.toExternalForm();
        }
        return dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
    }

    static final String TRIMMED_LIGHT = "/campus/app/theme/atlantafx-primer-light.bss";
    static final String TRIMMED_DARK = "/campus/app/theme/atlantafx-primer-dark.bss";
    static final String CHARTS_LIGHT = "/campus/app/theme/atlantafx-primer-light-charts.bss";
    static final String CHARTS_DARK = "/campus/app/theme/atlantafx-primer-dark-charts.bss";

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

    static void addStylesheets(Scene scene) {
        scene.getStylesheets().add(campus.app.render.MarkdownRenderer.STYLESHEET);
        add(scene, Css.STYLESHEET);
        add(scene, "/campus/app/theme/lab.css");
    }

    private static void add(Scene scene, String resource) {
        var url = Theme.class.getResource(resource);
        if (url != null) {
            scene.getStylesheets().add(url.toExternalForm());
        }
    }

    static void zoom(Parent root, int percent) {
        // At 100 % the theme's own .root size (14px) applies: no inline style, so no CSS parser at start-up
        // (an inline style is parsed as CSS text even where the stylesheets are binary).
        root.setStyle(percent == 100 ? ""
                : String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * percent / 100.0));
    }
}
