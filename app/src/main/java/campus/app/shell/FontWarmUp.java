package campus.app.shell;

import campus.app.theme.Theme;
import campus.app.trace.Milestones;
import campus.i18n.Lang;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Loads, on a thread of its own, the font faces the first lesson is drawn with, while the UI thread
 * builds the window. The first use of each face costs: the font library and fontconfig on the
 * first, then each face's file (bold, italic, monospaced, and the CJK fallback for Chinese). Left
 * to the first CSS pass, all of it would be on the UI thread before the first frame; here it runs on
 * the second core. JavaFX allows fonts and detached text nodes on any thread; the UI thread, when it
 * gets there first, simply does the same work itself.
 */
public final class FontWarmUp {

    private FontWarmUp() {
    }

    /** Starts the warm-up; needs the toolkit started (call from {@code Application.init()} or later). */
    public static void start(Lang lang, Milestones milestones) {
        campus.app.concurrent.DaemonThreads.named("campus-fonts").lowPriority().start(() -> {
            if (run(lang)) {
                milestones.reached("fonts warmed up");
            }
        });
    }

    /** The warm-up itself, on the calling thread; false when the toolkit refused (the UI thread then does it). */
    static boolean run(Lang lang) {
        try {
            double size = Theme.BASE_FONT_PX;
            String sample = lang == Lang.ZH ? "Aa 中文，数据库" : "Aa SELECT";
            Font[] faces = {
                Font.getDefault(),
                Font.font("System", FontWeight.BOLD, size),
                Font.font("System", FontPosture.ITALIC, size),
                Font.font("Monospaced", size),
                Font.font("Monospaced", FontWeight.BOLD, size),
            };
            for (Font f : faces) {
                Text text = new Text(sample);
                text.setFont(f);
                text.getLayoutBounds();   // shapes the sample: the face, and the CJK fallback for Chinese
            }
            return true;
        } catch (RuntimeException | Error e) {
            // Only a head start: the UI thread loads whatever is missing when it needs it.
            return false;
        }
    }
}
