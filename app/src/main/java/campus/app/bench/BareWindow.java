package campus.app.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The yardstick of the start-up benchmark: the least a JavaFX app does to show a window with text.
 * Prints {@code first-paint-ms=<n>} (since the process started) at the first pulse after showing,
 * the same moment Campus measures for its first lesson, then exits.
 */
public final class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        StartClock.mark("toolkit started");
        Scene scene = new Scene(new StackPane(new Label("Hello, bare JavaFX window")), 1200, 800);
        stage.setScene(scene);
        stage.setTitle("Bare window");
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            System.out.println("first-paint-ms=" + StartClock.sinceProcessStartMs());
            System.out.println("first-paint-cpu-ms=" + StartClock.processCpuMs());
            Platform.runLater(() -> System.exit(0));
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.show();
    }

    /** A plain main so it starts from the class path exactly like the app's own entry point. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
