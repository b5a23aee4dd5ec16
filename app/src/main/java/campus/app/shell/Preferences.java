package campus.app.shell;

import campus.app.state.AppState;
import campus.app.state.StateStore;
import campus.i18n.Lang;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The learner's preferences (language, light or dark, zoom, window geometry) and the saving of the app's
 * state: each change is followed by {@code onChange}, which the shell's view model points at its own
 * save, as only it knows what is open. Writes run on {@code stateWriter}, never on the UI thread.
 */
final class Preferences {

    static final int[] ZOOM_STEPS = {70, 80, 90, 100, 110, 125, 150, 175, 200, 250};

    private final StateStore store;
    private final Executor stateWriter;
    private final ObjectProperty<Lang> lang = new SimpleObjectProperty<>(Lang.EN);
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final IntegerProperty zoom = new SimpleIntegerProperty(100);
    private AppState state;
    private Runnable onChange = () -> { };

    Preferences(StateStore store, AppState initial, Executor stateWriter) {
        this.store = store;
        this.stateWriter = stateWriter;
        this.state = initial;
        lang.set(initial.lang());
        dark.set(initial.dark());
        zoom.set(initial.zoom());
    }

    void setOnChange(Runnable r) {
        onChange = r;
    }

    /** {@code false} when {@code l} is the language already. */
    boolean setLang(Lang l) {
        if (l == lang.get()) {
            return false;
        }
        lang.set(l);
        return true;
    }

    void toggleDark() {
        dark.set(!dark.get());
        onChange.run();
    }

    void setDark(boolean on) {
        if (on != dark.get()) {
            toggleDark();
        }
    }

    void zoomIn() {
        for (int z : ZOOM_STEPS) {
            if (z > zoom.get()) {
                setZoom(z);
                return;
            }
        }
    }

    void zoomOut() {
        for (int i = ZOOM_STEPS.length - 1; i >= 0; i--) {
            if (ZOOM_STEPS[i] < zoom.get()) {
                setZoom(ZOOM_STEPS[i]);
                return;
            }
        }
    }

    /** One of the zoom steps (70 to 250 %); another value is taken to the nearest step. */
    void setZoom(int z) {
        int best = ZOOM_STEPS[0];
        for (int step : ZOOM_STEPS) {
            if (Math.abs(step - z) < Math.abs(best - z)) {
                best = step;
            }
        }
        z = best;
        if (z == zoom.get()) {
            return;
        }
        zoom.set(z);
        onChange.run();
    }

    AppState state() {
        return state;
    }

    void setWindow(double x, double y, double w, double h, boolean maximized) {
        state = state.withWindow(x, y, w, h, maximized);
    }

    /**
     * Records the preferences, and what {@code content} adds (open folders, reading position), and
     * writes the state in the background.
     */
    void save(UnaryOperator<AppState> content) {
        AppState s = content.apply(state.withLang(lang.get()).withLook(dark.get(), zoom.get()));
        state = s;
        try {
            stateWriter.execute(() -> {
                try {
                    store.save(s);
                } catch (IOException | RuntimeException e) {
                    System.err.println("campus: could not save " + store.file() + ": " + e);
                }
            });
        } catch (RejectedExecutionException e) {
            // The window has closed and its last state is already written.
        }
    }

    ReadOnlyObjectProperty<Lang> langProperty() {
        return lang;
    }

    ReadOnlyBooleanProperty darkProperty() {
        return dark;
    }

    ReadOnlyIntegerProperty zoomProperty() {
        return zoom;
    }
}
