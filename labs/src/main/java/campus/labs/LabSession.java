package campus.labs;

import campus.i18n.Msg;
import campus.i18n.Text;
import campus.labs.check.PlanCheck;
import campus.labs.check.ResultChecker;
import campus.labs.compat.CaseInsensitive;
import campus.labs.dataset.Dataset;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.dataset.LoadProgress;
import campus.labs.sandbox.DatasetCache;
import campus.labs.sandbox.DatasetException;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.LabSandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.SchemaTable;
import campus.labs.sandbox.StatementResult;
import campus.labs.sandbox.TrustedSqlException;
import campus.labs.sql.GuardPolicy;
import campus.progress.LearningEvent;
import campus.progress.LearningEventSink;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A learner working on one lab: the API the lab pane, {@code lab check} and {@code validate} use.
 * Owns a private {@link LabSandbox} (in a worker process unless configured otherwise); the reference result is computed once, when the session opens, and kept.
 * Every method may be called from a worker thread (calls are serialised); {@link #cancel()} from any thread.
 */
public final class LabSession implements AutoCloseable {

    /** Rows read from each side when checking; a bigger result is reported by its row count alone. */
    public static final int CHECK_ROWS = 100_000;

    /** The lab cannot run at all: its dataset or reference solution is broken. An author's problem. */
    public static final class LabUnavailableException extends Exception {
        private final transient Msg msg;

        public LabUnavailableException(Msg msg) {
            super(msg.key() + " " + msg.args());
            this.msg = msg;
        }

        public Msg msg() {
            return msg;
        }
    }

    private final Lab lab;
    private final LabSandbox sandbox;
    private final LearningEventSink events;
    private final List<StatementResult> expected;
    private int hintsShown;
    private int failedAttempts;

    private LabSession(Lab lab, LabSandbox sandbox, LearningEventSink events, List<StatementResult> expected) {
        this.lab = lab;
        this.sandbox = sandbox;
        this.events = events;
        this.expected = expected;
    }

    public static LabSession open(Lab lab, DatasetLibrary datasets, SandboxLimits limits, LearningEventSink events)
            throws LabUnavailableException {
        return open(lab, datasets, null, limits, events, LoadProgress.NONE);
    }

    /**
     * Opens a session on a private copy of the lab's dataset kept in {@code cache} (generated there on first use; null:
     * generated in memory each time). {@code progress} hears how far opening has got, on this thread.
     */
    public static LabSession open(Lab lab, DatasetLibrary datasets, DatasetCache cache, SandboxLimits limits,
                                  LearningEventSink events, LoadProgress progress) throws LabUnavailableException {
        Dataset ds = datasets.find(lab.dataset()).orElseThrow(() -> new LabUnavailableException(
                Msg.of("labs.spec.unknownDataset", lab.dataset(), String.join(", ", datasets.names()))));
        GuardPolicy policy = lab.kind() == CheckKind.RESULT ? GuardPolicy.READ_ONLY : GuardPolicy.READ_WRITE;
        LabSandbox sb;
        try {
            sb = LabSandbox.open(ds, lab.scale(), policy, limits, cache, progress);
        } catch (DatasetException e) {
            throw new LabUnavailableException(e.msg());
        }
        try {
            List<StatementResult> expected;
            if (lab.kind() == CheckKind.RESULT) {
                expected = List.of(sb.runTrusted(lab.solution(), CHECK_ROWS).lastQuery().orElseThrow(
                        () -> new TrustedSqlException(Msg.of("labs.session.noResultSet"))));
            } else {
                expected = sb.expectedState(lab.solution(), lab.options().verificationQueries(), CHECK_ROWS);
            }
            return new LabSession(lab, sb, events, expected);
        } catch (SQLException | RuntimeException e) {
            sb.close();
            Object why = e instanceof TrustedSqlException t ? t.msg() : String.valueOf(e.getMessage());
            throw new LabUnavailableException(Msg.of("labs.session.referenceFailed", lab.id(), why));
        }
    }

    public Lab lab() {
        return lab;
    }

    /** Runs SQL without checking it (the learner exploring). In a {@code state} lab changes stay until reset. */
    public RunResult run(String sql) {
        return sandbox.run(sql);
    }

    /** EXPLAIN for each statement, without running it. */
    public RunResult explain(String sql) {
        return sandbox.run(sql, sandbox.limits().rowCap(), true);
    }

    /**
     * Checks an attempt and records it as a {@link LearningEvent#LAB_ATTEMPT}. A {@code result} lab checks the
     * last statement that returns rows. A {@code state} lab starts from a fresh copy of the dataset, runs all
     * statements, compares the listed tables and queries, then puts the dataset back in the background
     * ({@link LabSandbox#resetLater()}).
     */
    public Verdict check(String sql) {
        long t0 = System.nanoTime();
        List<Msg> messages = new ArrayList<>();
        RunResult run;
        if (lab.kind() == CheckKind.RESULT) {
            run = sandbox.run(sql, CHECK_ROWS, false);
            if (run.ok()) {
                Optional<StatementResult> last = run.lastQuery();
                if (last.isEmpty()) {
                    messages.add(Msg.of("labs.check.noResult"));
                } else {
                    messages.addAll(ResultChecker.compare(expected.get(0), last.get(), lab.options()));
                    if (messages.isEmpty() && lab.options().plan().present()) {
                        checkPlan(run, messages);
                    } else if (!messages.isEmpty()) {
                        explainCase(sql, messages);
                    }
                }
            }
        } else {
            sandbox.reset();
            try {
                run = sandbox.run(sql, sandbox.limits().rowCap(), false);
                if (run.ok()) {
                    compareState(messages);
                    if (messages.isEmpty() && lab.options().plan().present()) {
                        checkPlan(run, messages);
                    } else if (!messages.isEmpty()) {
                        explainCase(sql, messages);
                    }
                }
            } finally {
                // The verdict does not wait for the rollback/restore: it runs while the learner reads it.
                sandbox.resetLater();
            }
        }
        run.problem().ifPresent(p -> messages.add(0, p.message()));
        boolean passed = messages.isEmpty();
        if (passed) {
            messages.add(Msg.of("labs.check.passed"));
        } else {
            failedAttempts++;
        }
        int score = passed ? lab.points() : 0;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        events.record(LearningEvent.now(LearningEvent.LAB_ATTEMPT, lab.id(),
                Map.of("passed", passed, "score", score, "durationMs", ms, "sql", sql)));
        return new Verdict(passed, score, lab.points(), messages, run.problem(), run, ms);
    }

    /**
     * The check failed: would it pass if text were compared without regard to case, as MySQL's default collation
     * compares? Then the learner is told so, after what differs; the verdict stays a fail.
     */
    private void explainCase(String sql, List<Msg> messages) {
        CaseInsensitive.Folded folded = CaseInsensitive.rewrite(sql);
        if (folded.changed() && rowsRight(folded.sql())) {
            messages.add(Msg.of("labs.compat.caseSensitive", String.join(", ", folded.literals()),
                    String.join("、", folded.literals())));
        }
    }

    /** Whether {@code sql} gives the expected rows (the plan aside); a state lab runs it on a fresh copy. */
    private boolean rowsRight(String sql) {
        if (lab.kind() == CheckKind.RESULT) {
            RunResult again = sandbox.run(sql, CHECK_ROWS, false);
            Optional<StatementResult> last = again.ok() ? again.lastQuery() : Optional.empty();
            return last.isPresent() && ResultChecker.compare(expected.get(0), last.get(), lab.options()).isEmpty();
        }
        sandbox.reset();
        List<Msg> differences = new ArrayList<>();
        if (!sandbox.run(sql, sandbox.limits().rowCap(), false).ok()) {
            return false;
        }
        compareState(differences);
        return differences.isEmpty();
    }

    /**
     * The rows are right; now how H2 runs the query: the learner's last query (a result lab) or the lab's own (a state
     * lab, after the learner's statements, before the dataset is put back), on the learner's connection.
     */
    private void checkPlan(RunResult run, List<Msg> messages) {
        PlanCheck plan = lab.options().plan();
        String query = plan.query() != null ? plan.query()
                : run.lastQuery().map(StatementResult::sql).orElse(null);
        if (query == null) {
            return;
        }
        RunResult explained = sandbox.run(query, sandbox.limits().rowCap(), true);
        if (!explained.ok() || explained.lastQuery().isEmpty() || explained.lastQuery().get().rows().isEmpty()) {
            messages.add(Msg.of("labs.check.planUnavailable", explained.problem()
                    .map(p -> p.message().in(campus.i18n.Lang.EN)).orElse("")));
            return;
        }
        String text = String.valueOf(explained.lastQuery().get().rows().get(0).get(0));
        messages.addAll(plan.problems(text));
    }

    private void compareState(List<Msg> messages) {
        List<String> queries = lab.options().verificationQueries();
        RunResult actual = sandbox.verify(queries, CHECK_ROWS);
        if (!actual.ok()) {
            messages.add(Msg.of("labs.check.verifyFailed", actual.problem().get().message()));
            return;
        }
        for (int k = 0; k < queries.size(); k++) {
            List<Msg> diff = ResultChecker.compare(expected.get(k), actual.statements().get(k), lab.options());
            if (!diff.isEmpty()) {
                int tables = lab.options().tables().size();
                messages.add(k < tables ? Msg.of("labs.check.inTable", lab.options().tables().get(k))
                        : Msg.of("labs.check.inQuery", k - tables + 1));
                messages.addAll(diff);
                return;
            }
        }
    }

    /** Why the dataset's saved copy was generated again when this session opened, if it was damaged. */
    public Optional<Msg> datasetRepaired() {
        return sandbox.repaired();
    }

    /** Tables, columns, types and row counts as the learner sees them now. */
    public List<SchemaTable> schema() {
        return sandbox.schema();
    }

    /** Puts the dataset back as loaded (learner's changes in a {@code state} lab are thrown away). */
    public void resetDataset() {
        sandbox.reset();
    }

    /**
     * Whether tables changed by DDL in the last check are still being rebuilt (seconds on a big dataset; calls that
     * use the dataset wait until they are). A rollback after DML is not reported: it takes milliseconds.
     */
    public boolean restoring() {
        return sandbox.rebuildPending();
    }

    /** Reveals the next hint, if any is left. */
    public synchronized Optional<Text> nextHint() {
        if (hintsShown >= lab.hints().size()) {
            return Optional.empty();
        }
        return Optional.of(lab.hints().get(hintsShown++));
    }

    public synchronized List<Text> hintsShown() {
        return lab.hints().subList(0, hintsShown);
    }

    public synchronized int failedAttempts() {
        return failedAttempts;
    }

    /** Whether the solution may be shown now: {@code requested} is true when the learner asked for it. */
    public synchronized boolean canRevealSolution(boolean requested) {
        return lab.reveal().allows(failedAttempts, requested);
    }

    /** The reference solution if the lab's rule allows it now; the reveal is recorded. */
    public synchronized Optional<String> revealSolution(boolean requested) {
        if (!canRevealSolution(requested)) {
            return Optional.empty();
        }
        events.record(LearningEvent.now(LearningEvent.LAB_SOLUTION_REVEALED, lab.id(),
                Map.of("failedAttempts", failedAttempts, "requested", requested)));
        return Optional.of(lab.solution());
    }

    /** Stops the running statement, if any. */
    public void cancel() {
        sandbox.cancel();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
