package campus.app.exam;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Locks the screen to the exam window as far as JavaFX can: full screen without an exit key,
 * always on top, every other Campus window hidden until the exam window closes, and the window put
 * back in full screen if the platform takes it out. It cannot stop the operating system (task
 * switcher, other programs, a second monitor): that is the proctor's job.
 */
final class ExamKiosk {

    private final Stage exam;
    private final List<Window> hidden = new ArrayList<>();
    private boolean locked;

    ExamKiosk(Stage exam) {
        this.exam = exam;
    }

    void lock() {
        locked = true;
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != exam && w.isShowing()) {
                hidden.add(w);
                w.hide();
            }
        }
        exam.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        exam.setFullScreenExitHint("");
        exam.setAlwaysOnTop(true);
        exam.setFullScreen(true);
        exam.fullScreenProperty().addListener((o, was, now) -> {
            if (locked && !now) {
                Platform.runLater(() -> exam.setFullScreen(true));
            }
        });
        exam.iconifiedProperty().addListener((o, was, now) -> {
            if (locked && now) {
                Platform.runLater(() -> exam.setIconified(false));
            }
        });
    }

    /** Shows again what {@link #lock()} hid. */
    void unlock() {
        locked = false;
        exam.setAlwaysOnTop(false);
        for (Window w : hidden) {
            if (w instanceof Stage s) {
                s.show();
            }
        }
        hidden.clear();
    }
}
