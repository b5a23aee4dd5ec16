package campus.app.quiz;

import campus.i18n.Lang;
import campus.i18n.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** Small helpers shared by the quiz and exam screens: bundle lookups and labelled controls. */
public final class Ui {

    private Ui() {
    }

    public static String t(Lang lang, String key, Object... args) {
        return Messages.of(lang).get(key, args);
    }

    public static Label label(String text, String... styleClasses) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    public static Button button(String text, Runnable action, String... styleClasses) {
        Button b = new Button(text);
        b.getStyleClass().addAll(styleClasses);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Points without a pointless ".0". */
    public static String points(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : String.format(java.util.Locale.ROOT, "%.2f", p);
    }
}
