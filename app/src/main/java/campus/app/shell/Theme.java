package campus.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Light or dark (AtlantaFX Primer), the shell and lesson stylesheets, and the zoomed font size. */
final class Theme {

    /** AtlantaFX Primer's base font size, which zoom scales. */
    static final double BASE_FONT_PX = 14;

    private Theme() {
    }

    static void apply(boolean dark) {
        // The binary form skips parsing 170 KB of CSS at start-up.
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
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
