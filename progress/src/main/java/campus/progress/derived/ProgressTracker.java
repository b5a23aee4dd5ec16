package campus.progress.derived;

import campus.progress.store.ProgressStore;
import campus.progress.store.StoredEvent;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps derived progress up to date with a store: reads the events once when the store opens, then only the new
 * ones each time the store says it stored some, all on {@code worker} (never the UI thread), and hands each new
 * {@link ProgressSnapshot} to the listener. Change signals that arrive while a catch-up is queued are merged.
 */
public final class ProgressTracker {

    private static final int PAGE = 5000;

    private final ProgressStore store;
    private final Executor worker;
    private final Consumer<ProgressSnapshot> listener;
    private final ProgressFold fold;
    private final AtomicBoolean queued = new AtomicBoolean();

    private ProgressTracker(ProgressStore store, ZoneId zone, Executor worker, Consumer<ProgressSnapshot> listener) {
        this.store = store;
        this.worker = worker;
        this.listener = listener;
        this.fold = new ProgressFold(zone);
    }

    /** Starts following {@code store} once it is open; the first snapshot comes when the events are read. */
    public static ProgressTracker follow(ProgressStore store, ZoneId zone, Executor worker, Consumer<ProgressSnapshot> listener) {
        ProgressTracker t = new ProgressTracker(store, zone, worker, listener);
        store.onStored(t::changed);
        store.ready().thenRun(t::changed);
        return t;
    }

    private void changed() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::catchUp);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                queued.set(false);
            }
        }
    }

    private void catchUp() {
        queued.set(false);
        long before = fold.lastPos();
        boolean first = before == 0;
        for (List<StoredEvent> page = store.eventsAfter(fold.lastPos(), PAGE); !page.isEmpty();
             page = page.size() < PAGE ? List.of() : store.eventsAfter(fold.lastPos(), PAGE)) {
            page.forEach(fold::add);
        }
        if (first || fold.lastPos() != before) {
            listener.accept(fold.snapshot());
        }
    }
}
