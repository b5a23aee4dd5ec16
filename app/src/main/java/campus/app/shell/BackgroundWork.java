package campus.app.shell;

import campus.i18n.Msg;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Disk work of the shell: run on {@code background}, its result handed back on {@code ui}; counts what is
 * under way (the window's "loading" state) and turns an unexpected error into a sentence for the learner.
 */
final class BackgroundWork {

    private final Executor background;
    private final Executor ui;
    private final IntegerProperty pending = new SimpleIntegerProperty();
    private final BooleanBinding loading = pending.greaterThan(0);
    private final ObjectProperty<Msg> failure = new SimpleObjectProperty<>();

    BackgroundWork(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    Executor background() {
        return background;
    }

    Executor ui() {
        return ui;
    }

    /** Counts work started elsewhere (the preload) until {@link #finished()}. */
    void started() {
        pending.set(pending.get() + 1);
    }

    void finished() {
        pending.set(pending.get() - 1);
    }

    <T> void run(Supplier<T> work, Consumer<T> then) {
        started();
        background.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                ui.execute(() -> {
                    finished();
                    fail(e);
                });
                return;
            }
            ui.execute(() -> {
                finished();
                then.accept(result);
            });
        });
    }

    void fail(Throwable e) {
        // The learner sees a sentence; the details go to the terminal for whoever reports the bug.
        System.err.println("campus: unexpected error");
        e.printStackTrace();
        failure.set(Msg.of("app.error.unexpected", String.valueOf(e.getClass().getSimpleName())));
    }

    void clearFailure() {
        failure.set(null);
    }

    BooleanBinding loadingProperty() {
        return loading;
    }

    ReadOnlyObjectProperty<Msg> failureProperty() {
        return failure;
    }
}
