package campus.labs;

import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.labs.sandbox.SandboxLimits;
import campus.progress.LearningEventSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code campus validate} asks of labs: every lab file well-formed, every dataset known, and every
 * reference solution passing its own lab through exactly the sandbox, guard and checker learners get.
 */
public final class LabValidator {

    private LabValidator() {
    }

    public static List<Problem> validate(List<Path> contentRoots) {
        return validate(contentRoots, null);
    }

    /** Same, with generated datasets kept in {@code cache} (null: generated in memory for each lab). */
    public static List<Problem> validate(List<Path> contentRoots, campus.labs.sandbox.DatasetCache cache) {
        LabCatalog catalog = LabCatalog.scan(contentRoots);
        List<Problem> out = new ArrayList<>(catalog.problems());
        for (Lab lab : catalog.labs()) {
            Path sql = lab.file().resolveSibling(lab.id() + ".sql");
            try (LabSession s = LabSession.open(lab, catalog.datasets(), cache, SandboxLimits.DEFAULT,
                    LearningEventSink.NONE, campus.labs.dataset.LoadProgress.NONE)) {
                Verdict v = s.check(lab.solution());
                if (!v.passed()) {
                    Object why = v.messages().isEmpty() ? "" : v.messages().get(0);
                    int line = v.problem().map(p -> Math.max(p.line(), 0)).orElse(0);
                    out.add(new Problem(sql.toString(), line, Msg.of("labs.validate.solutionFails", lab.id(), why)));
                }
            } catch (LabSession.LabUnavailableException e) {
                out.add(new Problem(lab.file().toString(), 0, e.msg()));
            }
        }
        out.sort(Problem.ORDER);
        return out;
    }
}
