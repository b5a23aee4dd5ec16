package campus.labs.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of running a script: the statements that ran, in order, and the problem that stopped the
 * run, if any (statements after it did not run). For {@code result} labs the last query is what counts.
 */
public record RunResult(List<StatementResult> statements, Optional<SqlProblem> problem, long elapsedNanos) {

    public RunResult {
        statements = List.copyOf(statements);
    }

    public boolean ok() {
        return problem.isEmpty();
    }

    /** The last statement that produced a result set. */
    public Optional<StatementResult> lastQuery() {
        for (int k = statements.size() - 1; k >= 0; k--) {
            if (statements.get(k).isQuery()) {
                return Optional.of(statements.get(k));
            }
        }
        return Optional.empty();
    }

    public double elapsedMillis() {
        return elapsedNanos / 1e6;
    }
}
