package campus.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window. Started by {@link Main}. */
public final class CampusApp extends Application {

    private static volatile Preload preloaded;

    static void preload(Preload p) {
        preloaded = p;
    }

    /** On the launcher thread, the toolkit started: the fonts load on a thread of their own meanwhile. */
    @Override
    public void init() {
        Preload p = preloaded;
        campus.i18n.Lang lang = campus.i18n.Lang.EN;
        if (p != null && p.state().isDone() && !p.state().isCompletedExceptionally()) {
            lang = p.state().join().lang();
        } else if (p != null) {
            lang = p.options().lang().orElse(lang);
        }
        campus.app.shell.FontWarmUp.start(lang, p != null ? p.milestones() : Measuring.milestones());
    }

    @Override
    public void start(Stage stage) {
        Preload p = preloaded;
        if (p == null) {
            p = Preload.start(LaunchOptions.parse(getParameters().getRaw()), Measuring.milestones());
        }
        CampusParts.open(stage, p, url -> getHostServices().showDocument(url));
    }
}
