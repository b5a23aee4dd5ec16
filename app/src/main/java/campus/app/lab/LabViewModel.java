package campus.app.lab;

import campus.app.embed.Drafts;
import campus.i18n.Msg;
import campus.i18n.Text;
import campus.labs.Lab;
import campus.labs.LabSession;
import campus.labs.Verdict;
import campus.labs.dataset.LoadProgress;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.SchemaTable;
import campus.labs.sandbox.SqlProblem;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One lab as the learner works on it, kept by {@link LabEmbedder} for the life of the window so a
 * rebuilt pane (language switch, reload) shows the same text, results, verdict and hints. The only
 * lab UI class that asks for {@link LabSession} work: its {@link LabSessionRunner} runs every call on a worker, one
 * at a time per lab, and results come back through {@code ui}. The session (loading the dataset) opens on first use;
 * what the learner asks for while it opens, or while a checked state lab puts its dataset back, waits for that (see
 * {@link LabSessionRunner#withSession}). Every public method is called on the UI thread.
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
    private final EditorText text;
    private final LabSessionRunner runner;
    private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>();
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();
    private final ObjectProperty<Mark> mark = new SimpleObjectProperty<>();
    private final ObservableList<Text> hints = FXCollections.observableArrayList();
    // One read-only view each, kept: a view only listens weakly to its list, so a view made per call (and a listener
    // added to it) would go with the next garbage collection and the pane would stop hearing of new hints or tables.
    private final ObservableList<Text> hintsView = FXCollections.unmodifiableObservableList(hints);
    private final BooleanProperty hintsLeft = new SimpleBooleanProperty();
    private final ObjectProperty<String> solution = new SimpleObjectProperty<>();

    LabViewModel(Lab lab, Opener opener, Executor pool, Executor ui, Drafts drafts) {
        this.lab = lab;
        this.text = new EditorText(lab.id(), lab.starter(), drafts, pool, ui);
        this.runner = new LabSessionRunner(lab, opener, pool, ui, () -> mark.set(null));
        hintsLeft.set(!lab.hints().isEmpty());
    }

    /**
     * For tests: how the view model learns that the dataset is still being put back after a check. On a test's small
     * dataset that is done in a moment, often before the session is asked; a test says when it is.
     */
    LabViewModel withPutBack(Predicate<LabSession> p) {
        runner.withPutBack(p);
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
        runner.prepare();
    }

    /** Runs SQL (the selection or the statement at the caret) that starts at {@code base} in the editor. */
    public void run(String sql, int base) {
        runner.withSession(Action.RUN, "app.lab.running", s -> s.run(sql), r -> {
            shown.set(new Shown(r, false));
            r.problem().ifPresent(p -> mark.set(new Mark(p, base)));
        });
    }

    /** Shows the plan of SQL that starts at {@code base} in the editor. */
    public void explain(String sql, int base) {
        runner.withSession(Action.EXPLAIN, "app.lab.running", s -> s.explain(sql), r -> {
            shown.set(new Shown(r, true));
            r.problem().ifPresent(p -> mark.set(new Mark(p, base)));
        });
    }

    /** Checks the whole editor text; the attempt is recorded by the session. */
    public void check() {
        String sql = text.get();
        runner.withSession(Action.CHECK, "app.lab.checking", s -> s.check(sql), v -> {
            verdict.set(v);
            shown.set(new Shown(v.run(), false));
            v.problem().ifPresent(p -> mark.set(new Mark(p, 0)));
        });
    }

    /** Stops the statement that is running, if any. */
    public void cancel() {
        runner.cancel();
    }

    public void resetDataset() {
        runner.withSession(Action.RESET, "app.lab.resetting", s -> {
            s.resetDataset();
            return Boolean.TRUE;
        }, done -> shown.set(null));
    }

    /** Reveals the next hint. Hints are in the lab itself; the session only counts them. */
    public void nextHint() {
        runner.withSession(Action.HINT, "app.lab.hinting", LabSession::nextHint, h -> {
            h.ifPresent(hints::add);
            hintsLeft.set(hints.size() < lab.hints().size());
        });
    }

    /** Reveals the reference solution (the session records it) when the lab's rule allows. */
    public void revealSolution() {
        runner.withSession(Action.SOLUTION, "app.lab.revealing", s -> s.revealSolution(true), sol -> sol.ifPresent(solution::set));
    }

    /**
     * Closes the session (window closing, or the lab changed on disk): see {@link LabSessionRunner#close()}. Returns at
     * once; the future completes when the session is closed, and the workers must take work until then.
     */
    CompletableFuture<?> close() {
        return runner.close();
    }

    /** Waits until queued work is done (tests, closing). */
    void awaitIdle() {
        runner.awaitIdle();
    }

    // --- state for the view ----------------------------------------------------------------------

    /**
     * While the session opens: what happens to the dataset (generated the first time, then opened from its saved copy)
     * and how far it has got; null otherwise.
     */
    public ReadOnlyObjectProperty<Loading> loadingProperty() {
        return runner.loadingProperty();
    }

    /** Why the dataset's saved copy had to be generated again when the session opened (it was damaged), or null. */
    public ReadOnlyObjectProperty<Msg> datasetNoticeProperty() {
        return runner.datasetNoticeProperty();
    }

    /** What the worker is doing (preparing, running…), or null when idle. */
    public ReadOnlyObjectProperty<Msg> busyProperty() {
        return runner.busyProperty();
    }

    /**
     * Whether the session is doing what the learner asked (running, checking…): the lab's buttons are disabled then.
     * Not while it merely opens: a press then waits for it (see {@link LabSessionRunner#withSession}).
     */
    public ReadOnlyBooleanProperty workingProperty() {
        return runner.workingProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return runner.readyProperty();
    }

    /** Why the lab cannot run (dataset missing, reference broken), or null. */
    public ReadOnlyObjectProperty<Msg> unavailableProperty() {
        return runner.unavailableProperty();
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
        return runner.solutionAllowedProperty();
    }

    public ReadOnlyObjectProperty<String> solutionProperty() {
        return solution;
    }

    public ObservableList<SchemaTable> schema() {
        return runner.schema();
    }

    Optional<LabSession> session() {
        return runner.session();
    }
}
