package campus.labs;

import campus.i18n.Msg;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.SqlProblem;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking one attempt.
 *
 * @param messages feedback, first the most useful: for a pass a single "correct" message
 * @param problem  the refusal or SQL error that stopped the learner's SQL, with its position
 * @param run      what the learner's SQL produced (for the result grid)
 */
public record Verdict(boolean passed, int score, int maxScore, List<Msg> messages, Optional<SqlProblem> problem,
                      RunResult run, long durationMs) {

    public Verdict {
        messages = List.copyOf(messages);
    }
}
