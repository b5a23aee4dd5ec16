package campus.app.lab;

import campus.app.lab.LabViewModel.Action;
import campus.app.lab.LabViewModel.Loading;
import campus.app.lab.LabViewModel.Opener;
import campus.i18n.Msg;
import campus.labs.CheckKind;
import campus.labs.Lab;
import campus.labs.LabSession;
import campus.labs.dataset.LoadProgress;
import campus.labs.sandbox.SchemaTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The session behind one {@link LabViewModel}: opened on a worker on first use, every call on it run on the worker one
 * at a time, what the learner presses while it opens (or while a checked state lab puts its dataset back) kept and
 * carried out after (see {@link #withSession}), and what the view shows of that (busy, ready, loading, unavailable,
 * schema) set on the UI thread through {@code ui}.
 */
final class LabSessionRunner {

    private final Lab lab;
    private final Opener opener;
    private final Executor pool;
    private final Executor ui;
    /** Called on the UI thread as an action starts on the session (the view model clears the editor's mark). */
    private final Runnable onStart;
    /** Whether the session still puts its dataset back after a check (a test replaces it: see {@link #withPutBack}). */
    private volatile Predicate<LabSession> puttingBack = LabSession::restoring;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private volatile LabSession session;
    private volatile boolean closed;
    /**
     * Presses made while the session opens or the dataset is put back, in the order pressed, at most one per action
     * (UI thread only).
     */
    private final Map<Action, Runnable> waiting = new LinkedHashMap<>();

    private final ObjectProperty<Msg> busy = new SimpleObjectProperty<>();
    private final BooleanProperty opening = new SimpleBooleanProperty();
    /** A checked state lab puts its dataset back (after the verdict is shown); UI thread only. */
    private final BooleanProperty restoring = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final ObjectProperty<Msg> unavailable = new SimpleObjectProperty<>();
    private final ObjectProperty<Loading> loading = new SimpleObjectProperty<>();
    /** The last progress the worker reported and the UI thread has not taken yet: at most one hand-over is queued. */
    private final AtomicReference<Loading> loadingNext = new AtomicReference<>();
    private final ObjectProperty<Msg> datasetNotice = new SimpleObjectProperty<>();
    private final BooleanProperty solutionAllowed = new SimpleBooleanProperty();
    private final ObservableList<SchemaTable> schema = FXCollections.observableArrayList();
    // kept: a view only listens weakly to its list (see LabViewModel)
    private final ObservableList<SchemaTable> schemaView = FXCollections.unmodifiableObservableList(schema);

    LabSessionRunner(Lab lab, Opener opener, Executor pool, Executor ui, Runnable onStart) {
        this.lab = lab;
        this.opener = opener;
        this.pool = pool;
        this.ui = ui;
        this.onStart = onStart;
        solutionAllowed.set(lab.reveal().allows(0, true));
        working.bind(busy.isNotNull().and(opening.not()).and(restoring.not()));
    }

    /** For tests: how the runner learns that the dataset is still being put back after a check. */
    void withPutBack(Predicate<LabSession> p) {
        this.puttingBack = p;
    }

    /** Opens the session in the background if it is not open yet (the learner focused the lab). */
    void prepare() {
        if (session != null || opening.get() || unavailable.get() != null || closed) {
            return;
        }
        opening.set(true);
        busy.set(Msg.of("app.lab.preparing"));
        LoadProgress progress = (what, fraction) -> {
            if (loadingNext.getAndSet(new Loading(what, fraction)) == null) {
                ui.execute(() -> {
                    Loading l = loadingNext.getAndSet(null);
                    if (l != null && opening.get()) {
                        loading.set(l);
                    }
                });
            }
        };
        submit(() -> {
            try {
                LabSession s = opener.open(lab, progress);
                List<SchemaTable> tables = s.schema();
                Msg repaired = s.datasetRepaired().orElse(null);
                boolean allowed = s.canRevealSolution(true);
                if (closed) {
                    s.close();
                    return;
                }
                session = s;
                ui.execute(() -> {
                    schema.setAll(tables);
                    solutionAllowed.set(allowed);
                    busy.set(null);
                    opening.set(false);
                    loading.set(null);
                    datasetNotice.set(repaired);
                    ready.set(true);
                    runWaiting();
                });
            } catch (LabSession.LabUnavailableException e) {
                fail(e.msg());
            } catch (RuntimeException e) {
                fail(Msg.of("app.lab.failed", String.valueOf(e.getMessage())));
            }
        });
    }

    /** Carries out what was pressed while the session opened or the dataset was put back, in the same UI turn. */
    private void runWaiting() {
        // nothing else can come in between: the first of them is on the worker before another press is taken
        List<Runnable> pressed = new ArrayList<>(waiting.values());
        waiting.clear();
        pressed.forEach(Runnable::run);
    }

    private void fail(Msg why) {
        ui.execute(() -> {
            waiting.clear(); // the presses made while it opened are dropped: the pane says why the lab cannot run
            busy.set(null);
            opening.set(false);
            loading.set(null);
            unavailable.set(why);
        });
    }

    private void submit(Runnable task) {
        synchronized (this) {
            tail = tail.thenRunAsync(task, pool).exceptionally(e -> {
                System.err.println("campus: lab " + lab.id() + ": " + e);
                return null;
            });
        }
    }

    /**
     * Runs {@code work} on the session, showing {@code what} as busy meanwhile, and hands its outcome to {@code done}.
     *
     * <p>While the session opens (the editor's first focus starts that, and it takes a moment) the lab's buttons stay
     * enabled, so a press is never lost: it waits here and is carried out as soon as the session is open, in the order
     * the presses were made. A second press of the same action before then replaces the first and moves to the end, as
     * it is what the learner asked for last: Run runs the text as it was at the last press, and a learner who pressed
     * Hint or Check twice because nothing seemed to happen gets one hint and one recorded attempt, not two. If the
     * session cannot open, the waiting presses are dropped and {@link #unavailableProperty()} says why.
     *
     * <p>The same holds after Check in a state lab while the dataset is put back (the verdict shows at once, the
     * rebuild can take seconds): presses then wait for the dataset, and are carried out once it is back.
     */
    <T> void withSession(Action action, String what, Function<LabSession, T> work, Consumer<T> done) {
        if (unavailable.get() != null || closed) {
            return;
        }
        if (!ready.get() || restoring.get()) {
            waiting.remove(action);
            waiting.put(action, () -> withSession(action, what, work, done));
            if (restoring.get()) {
                busy.set(Msg.of("app.lab.restoringThen"));
            } else {
                prepare();
                busy.set(Msg.of("app.lab.preparingThen"));
            }
            return;
        }
        busy.set(Msg.of(what));
        onStart.run();
        submit(() -> {
            LabSession s = session;
            if (s == null) {
                return; // closed meanwhile
            }
            T out;
            try {
                out = work.apply(s);
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            boolean allowed = s.canRevealSolution(true);
            // A checked state lab puts its dataset back in the background: the verdict is shown first, the schema
            // (and the next run) follow when the dataset is back.
            boolean putBack = lab.kind() == CheckKind.STATE && puttingBack.test(s);
            ui.execute(() -> {
                busy.set(putBack ? Msg.of("app.lab.restoring") : null);
                restoring.set(putBack);
                solutionAllowed.set(allowed);
                done.accept(out);
            });
            if (lab.kind() == CheckKind.STATE) {
                List<SchemaTable> tables;
                try {
                    tables = s.schema();
                } catch (RuntimeException e) {
                    failed(e);
                    return;
                }
                ui.execute(() -> {
                    schema.setAll(tables);
                    if (putBack) {
                        busy.set(null);
                        restoring.set(false);
                        runWaiting();
                    }
                });
            }
        });
    }

    private void failed(RuntimeException e) {
        ui.execute(() -> {
            waiting.clear();
            restoring.set(false);
            busy.set(null);
            unavailable.set(Msg.of("app.lab.failed", String.valueOf(e.getMessage())));
        });
    }

    /** Stops the statement that is running, if any. */
    void cancel() {
        LabSession s = session;
        if (s != null) {
            s.cancel();
        }
    }

    /**
     * Closes the session (window closing, or the lab changed on disk): the statement running is stopped, and the
     * session is closed on the worker once the work queued before it is done (a session still opening closes itself).
     * Returns at once; the future completes when the session is closed, and the workers must take work until then.
     */
    CompletableFuture<?> close() {
        closed = true;
        LabSession s = session;
        if (s != null) {
            s.cancel();
        }
        submit(() -> {
            LabSession open = session;
            session = null;
            if (open != null) {
                open.close();
            }
        });
        synchronized (this) {
            return tail;
        }
    }

    /** Waits until queued work is done (tests, closing). */
    void awaitIdle() {
        CompletableFuture<?> t;
        synchronized (this) {
            t = tail;
        }
        t.join();
    }

    ReadOnlyObjectProperty<Loading> loadingProperty() {
        return loading;
    }

    ReadOnlyObjectProperty<Msg> datasetNoticeProperty() {
        return datasetNotice;
    }

    ReadOnlyObjectProperty<Msg> busyProperty() {
        return busy;
    }

    ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }

    ReadOnlyObjectProperty<Msg> unavailableProperty() {
        return unavailable;
    }

    ReadOnlyBooleanProperty solutionAllowedProperty() {
        return solutionAllowed;
    }

    ObservableList<SchemaTable> schema() {
        return schemaView;
    }

    Optional<LabSession> session() {
        return Optional.ofNullable(session);
    }
}
