package campus.app.lab;

import campus.app.embed.Drafts;
import campus.i18n.Msg;
import campus.i18n.Text;
import campus.labs.CheckKind;
import campus.labs.Lab;
import campus.labs.LabSession;
import campus.labs.Verdict;
import campus.labs.dataset.LoadProgress;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.SchemaTable;
import campus.labs.sandbox.SqlProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
 * One lab as the learner works on it, kept by {@link LabEmbedder} for the life of the window so a
 * rebuilt pane (language switch, reload) shows the same text, results, verdict and hints. The only
 * lab UI class that calls {@link LabSession}: every call runs on a worker, one at a time per lab, and
 * results come back through {@code ui}. The session (loading the dataset) opens on first use; what the learner
 * asks for while it opens, or while a checked state lab puts its dataset back, waits for that (see
 * {@link #withSession}). Every public method is called on the UI thread.
 */
public final class LabViewModel {

    /** What the results area shows: a run's statements, or an EXPLAIN plan. */
    public record Shown(RunResult run, boolean explain) { }

    /** A problem in the editor text: the sandbox's position plus where the SQL sent started. */
    public record Mark(SqlProblem problem, int base) {
        /** Offset in the editor text, or -1 when unknown. */
        public int offset() {
            boolean located = problem.kind() == SqlProblem.Kind.SYNTAX || problem.kind() == SqlProblem.Kind.ERROR
                    || problem.kind() == SqlProblem.Kind.REFUSED;
            return !located || problem.offset() < 0 ? -1 : base + problem.offset();
        }
    }

    interface Opener {
        LabSession open(Lab lab) throws LabSession.LabUnavailableException;

        /** Opens the session, telling {@code progress} (on the worker) how far the dataset has got. */
        default LabSession open(Lab lab, LoadProgress progress) throws LabSession.LabUnavailableException {
            return open(lab);
        }
    }

    /** How far the dataset has got while the session opens: what happens, and the fraction done (-1: not known). */
    public record Loading(Msg what, double fraction) { }

    /** What the learner can ask of the session (the lab's buttons and their keys). */
    enum Action { RUN, EXPLAIN, CHECK, HINT, SOLUTION, RESET }

    private final Lab lab;
    private final Opener opener;
    private final Executor pool;
    private final Executor ui;
    private final EditorText text;
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
    private final java.util.concurrent.atomic.AtomicReference<Loading> loadingNext = new java.util.concurrent.atomic.AtomicReference<>();
    private final ObjectProperty<Msg> datasetNotice = new SimpleObjectProperty<>();
    private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>();
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();
    private final ObjectProperty<Mark> mark = new SimpleObjectProperty<>();
    private final ObservableList<Text> hints = FXCollections.observableArrayList();
    // One read-only view each, kept: a view only listens weakly to its list, so a view made per call (and a listener
    // added to it) would go with the next garbage collection and the pane would stop hearing of new hints or tables.
    private final ObservableList<Text> hintsView = FXCollections.unmodifiableObservableList(hints);
    private final BooleanProperty hintsLeft = new SimpleBooleanProperty();
    private final BooleanProperty solutionAllowed = new SimpleBooleanProperty();
    private final ObjectProperty<String> solution = new SimpleObjectProperty<>();
    private final ObservableList<SchemaTable> schema = FXCollections.observableArrayList();
    private final ObservableList<SchemaTable> schemaView = FXCollections.unmodifiableObservableList(schema);

    LabViewModel(Lab lab, Opener opener, Executor pool, Executor ui, Drafts drafts) {
        this.lab = lab;
        this.opener = opener;
        this.pool = pool;
        this.ui = ui;
        this.text = new EditorText(lab.id(), lab.starter(), drafts, pool, ui);
        hintsLeft.set(!lab.hints().isEmpty());
        solutionAllowed.set(lab.reveal().allows(0, true));
        working.bind(busy.isNotNull().and(opening.not()).and(restoring.not()));
    }

    /**
     * For tests: how the view model learns that the dataset is still being put back after a check. On a test's small
     * dataset that is done in a moment, often before the session is asked; a test says when it is.
     */
    LabViewModel withPutBack(Predicate<LabSession> p) {
        this.puttingBack = p;
        return this;
    }

    public Lab lab() {
        return lab;
    }

    // --- editor text and draft ---------------------------------------------------------------

    public String text() {
        return text.get();
    }

    /** The learner edited the text: kept here and saved as a draft (debounced). */
    public void setText(String now) {
        text.set(now);
    }

    /** Reads the saved draft once, on a worker; {@code apply} gets it on the UI thread if there is one. */
    public void loadDraft(Consumer<String> apply) {
        text.loadDraft(apply);
    }

    public ReadOnlyBooleanProperty draftLoadedProperty() {
        return text.draftLoadedProperty();
    }

    // --- session -------------------------------------------------------------------------------

    /** Opens the session in the background if it is not open yet (the learner focused the lab). */
    public void prepare() {
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
    private <T> void withSession(Action action, String what, Function<LabSession, T> work, Consumer<T> done) {
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
        mark.set(null);
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

    /** Runs SQL (the selection or the statement at the caret) that starts at {@code base} in the editor. */
    public void run(String sql, int base) {
        withSession(Action.RUN, "app.lab.running", s -> s.run(sql), r -> {
            shown.set(new Shown(r, false));
            r.problem().ifPresent(p -> mark.set(new Mark(p, base)));
        });
    }

    /** Shows the plan of SQL that starts at {@code base} in the editor. */
    public void explain(String sql, int base) {
        withSession(Action.EXPLAIN, "app.lab.running", s -> s.explain(sql), r -> {
            shown.set(new Shown(r, true));
            r.problem().ifPresent(p -> mark.set(new Mark(p, base)));
        });
    }

    /** Checks the whole editor text; the attempt is recorded by the session. */
    public void check() {
        String sql = text.get();
        withSession(Action.CHECK, "app.lab.checking", s -> s.check(sql), v -> {
            verdict.set(v);
            shown.set(new Shown(v.run(), false));
            v.problem().ifPresent(p -> mark.set(new Mark(p, 0)));
        });
    }

    /** Stops the statement that is running, if any. */
    public void cancel() {
        LabSession s = session;
        if (s != null) {
            s.cancel();
        }
    }

    public void resetDataset() {
        withSession(Action.RESET, "app.lab.resetting", s -> {
            s.resetDataset();
            return Boolean.TRUE;
        }, done -> shown.set(null));
    }

    /** Reveals the next hint. Hints are in the lab itself; the session only counts them. */
    public void nextHint() {
        withSession(Action.HINT, "app.lab.hinting", LabSession::nextHint, h -> {
            h.ifPresent(hints::add);
            hintsLeft.set(hints.size() < lab.hints().size());
        });
    }

    /** Reveals the reference solution (the session records it) when the lab's rule allows. */
    public void revealSolution() {
        withSession(Action.SOLUTION, "app.lab.revealing", s -> s.revealSolution(true), sol -> sol.ifPresent(solution::set));
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

    // --- state for the view ----------------------------------------------------------------------

    /**
     * While the session opens: what happens to the dataset (generated the first time, then opened from its saved copy)
     * and how far it has got; null otherwise.
     */
    public ReadOnlyObjectProperty<Loading> loadingProperty() {
        return loading;
    }

    /** Why the dataset's saved copy had to be generated again when the session opened (it was damaged), or null. */
    public ReadOnlyObjectProperty<Msg> datasetNoticeProperty() {
        return datasetNotice;
    }

    /** What the worker is doing (preparing, running…), or null when idle. */
    public ReadOnlyObjectProperty<Msg> busyProperty() {
        return busy;
    }

    /**
     * Whether the session is doing what the learner asked (running, checking…): the lab's buttons are disabled then.
     * Not while it merely opens: a press then waits for it (see {@link #withSession}).
     */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }

    /** Why the lab cannot run (dataset missing, reference broken), or null. */
    public ReadOnlyObjectProperty<Msg> unavailableProperty() {
        return unavailable;
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown;
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict;
    }

    public ReadOnlyObjectProperty<Mark> markProperty() {
        return mark;
    }

    public ObservableList<Text> hints() {
        return hintsView;
    }

    public ReadOnlyBooleanProperty hintsLeftProperty() {
        return hintsLeft;
    }

    public ReadOnlyBooleanProperty solutionAllowedProperty() {
        return solutionAllowed;
    }

    public ReadOnlyObjectProperty<String> solutionProperty() {
        return solution;
    }

    public ObservableList<SchemaTable> schema() {
        return schemaView;
    }

    Optional<LabSession> session() {
        return Optional.ofNullable(session);
    }
}
