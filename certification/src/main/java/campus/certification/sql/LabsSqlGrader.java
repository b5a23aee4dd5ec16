package campus.certification.sql;

import campus.i18n.Msg;
import campus.i18n.Text;
import campus.labs.CheckKind;
import campus.labs.Lab;
import campus.labs.LabSession;
import campus.labs.RevealRule;
import campus.labs.Verdict;
import campus.labs.check.CheckOptions;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.SandboxLimits;
import campus.progress.LearningEventSink;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades SQL questions with the labs checker, through exactly the sandbox and guard the lab pane
 * uses. One lab session is kept per distinct question spec, so a dataset is loaded once per exam
 * (or per verify run) and a reference result is computed once. Not thread-safe beyond one caller at
 * a time, as {@link SqlAnswerGrader} allows; {@link #close()} frees the in-memory databases.
 */
public final class LabsSqlGrader implements SqlAnswerGrader, AutoCloseable {

    private final DatasetLibrary datasets;
    private final SandboxLimits limits;
    private final Map<SqlQuestionSpec, LabSession> sessions = new HashMap<>();

    public LabsSqlGrader(DatasetLibrary datasets, SandboxLimits limits) {
        this.datasets = datasets;
        this.limits = limits;
    }

    public static LabsSqlGrader bundledDatasets() {
        return new LabsSqlGrader(DatasetLibrary.bundled(), SandboxLimits.DEFAULT);
    }

    @Override
    public synchronized SqlGrade grade(SqlQuestionSpec spec, String learnerSql) {
        LabSession session = sessions.get(spec);
        if (session == null) {
            try {
                session = LabSession.open(asLab(spec), datasets, limits, LearningEventSink.NONE);
            } catch (LabSession.LabUnavailableException e) {
                return new SqlGrade(0, e.msg());
            }
            sessions.put(spec, session);
        }
        Verdict v = session.check(learnerSql == null ? "" : learnerSql);
        Msg feedback = v.problem().map(p -> p.message())
                .orElseGet(() -> v.messages().isEmpty() ? Msg.of("certification.sql.noFeedback") : v.messages().get(0));
        // A problem is about the learner's own SQL (an error, a refusal, a limit); the checker's other messages
        // compare with the expected result, which an exam must not show.
        Msg examFeedback = v.passed() ? Msg.of("certification.sql.right")
                : v.problem().map(p -> p.message()).orElseGet(() -> Msg.of("certification.sql.wrong"));
        // the labs checker is pass/fail: a query is right or it is not
        return new SqlGrade(v.passed() ? 1 : 0, feedback, examFeedback);
    }

    static Lab asLab(SqlQuestionSpec spec) {
        CheckKind kind = spec.check() == SqlQuestionSpec.Check.STATE ? CheckKind.STATE : CheckKind.RESULT;
        CheckOptions options = new CheckOptions(spec.ordered(), false,
                spec.tolerance() > 0 ? BigDecimal.valueOf(spec.tolerance()) : CheckOptions.DEFAULT_TOLERANCE,
                spec.tables(), List.of());
        return new Lab("sql-question", Text.same(""), Text.same(""), spec.dataset(), null, kind, options, 1,
                List.of(), new RevealRule(0, false), "", spec.referenceSql(), "", "", null);
    }

    @Override
    public synchronized void close() {
        sessions.values().forEach(LabSession::close);
        sessions.clear();
    }
}
