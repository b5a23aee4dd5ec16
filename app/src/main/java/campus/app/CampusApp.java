package campus.app;

import campus.app.shell.CampusWindow;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window. Started by {@link Main}. */
public final class CampusApp extends Application {

    private static volatile Preload preloaded;

    static void preload(Preload p) {
        preloaded = p;
    }

    @Override
    public void start(Stage stage) {
        Preload p = preloaded;
        if (p == null) {
            p = Preload.start(LaunchOptions.parse(getParameters().getRaw()));
        }
        CampusWindow.open(stage, p, url -> getHostServices().showDocument(url));
    }
}
