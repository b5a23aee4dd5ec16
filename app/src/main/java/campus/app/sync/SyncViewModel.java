package campus.app.sync;

import campus.i18n.Msg;
import campus.progress.sync.AutoSync;
import campus.progress.sync.SyncFailure;
import campus.progress.sync.SyncState;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The sync as the window sees it: the latest {@link SyncState} as a property on the UI thread, and sign-in,
 * sign-out and "sync now", each answered on the UI thread. Every network and disk step runs on the sync's own
 * thread ({@link AutoSync}); states arriving in a burst reach the UI as one update.
 */
public final class SyncViewModel implements AutoCloseable {

    private final AutoSync sync;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<SyncState> state;
    private final AtomicReference<SyncState> pending = new AtomicReference<>();

    public SyncViewModel(AutoSync sync, Executor ui) {
        this.sync = sync;
        this.ui = ui;
        this.state = new ReadOnlyObjectWrapper<>(sync.state());
        sync.addListener(s -> {
            if (pending.getAndSet(s) == null) {
                ui.execute(() -> state.set(pending.getAndSet(null)));
            }
        });
    }

    public void start() {
        sync.start();
    }

    public ReadOnlyObjectProperty<SyncState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public boolean signedIn() {
        return state.get().phase() != SyncState.Phase.SIGNED_OUT;
    }

    /** Signs in; {@code done} gets null on success or the reason it failed, on the UI thread. */
    public void signIn(String server, String user, String password, Consumer<Msg> done) {
        answer(sync.signIn(server, user, password), done);
    }

    /** Signs out; {@code done} gets null, or a note that the server could not be told (the token expires there). */
    public void signOut(Consumer<Msg> done) {
        sync.signOut().whenComplete((told, failure) -> ui.execute(() -> {
            if (failure != null) {
                done.accept(reason(failure));
            } else {
                done.accept(Boolean.TRUE.equals(told) ? null : Msg.of("app.sync.signedOutHere"));
            }
        }));
    }

    public void syncNow() {
        sync.syncNow(); // the outcome shows in the state
    }

    private <T> void answer(CompletableFuture<T> f, Consumer<Msg> done) {
        f.whenComplete((ok, failure) -> ui.execute(() -> done.accept(failure == null ? null : reason(failure))));
    }

    private static Msg reason(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof SyncFailure) {
            return ((SyncFailure) cause).msg();
        }
        return Msg.of("app.sync.failed", String.valueOf(cause.getMessage()));
    }

    @Override
    public void close() {
        sync.close();
    }
}
