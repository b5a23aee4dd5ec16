package campus.labs.sandbox;

import campus.labs.dataset.Dataset;
import campus.labs.dataset.LoadProgress;
import campus.labs.sql.GuardPolicy;
import java.sql.SQLException;
import java.util.List;

/**
 * A lab's private database, as {@link campus.labs.LabSession} uses it: either {@link Sandbox} in this JVM, or
 * {@link WorkerSandbox}, the same sandbox in a child JVM with its own heap and stack that Campus kills and starts
 * again when a statement outlives its time or exhausts the worker (see {@link #open}).
 */
public interface LabSandbox extends AutoCloseable {

    /** How learner SQL is isolated from the Campus process. */
    enum Isolation {
        /** In a worker process (the default): nothing a statement does can freeze or kill Campus. */
        PROCESS,
        /** In this JVM: faster to open, for benchmarks and tools that run trusted SQL only. */
        IN_PROCESS;

        /** {@code -Dcampus.labs.isolation=in-process} chooses {@link #IN_PROCESS}; anything else the worker. */
        public static Isolation configured() {
            return "in-process".equals(System.getProperty("campus.labs.isolation")) ? IN_PROCESS : PROCESS;
        }
    }

    /** Opens a sandbox with the configured isolation. */
    static LabSandbox open(Dataset dataset, Integer scale, GuardPolicy policy, SandboxLimits limits) throws DatasetException {
        return open(dataset, scale, policy, limits, null, LoadProgress.NONE);
    }

    /**
     * Opens a sandbox with the configured isolation on a copy of the dataset kept in {@code cache} (null: generated in
     * memory); {@code progress} hears how far opening has got, on this thread.
     */
    static LabSandbox open(Dataset dataset, Integer scale, GuardPolicy policy, SandboxLimits limits, DatasetCache cache,
                           LoadProgress progress) throws DatasetException {
        return open(dataset, scale, policy, limits, Isolation.configured(), cache, progress);
    }

    static LabSandbox open(Dataset dataset, Integer scale, GuardPolicy policy, SandboxLimits limits, Isolation isolation)
            throws DatasetException {
        return open(dataset, scale, policy, limits, isolation, null, LoadProgress.NONE);
    }

    static LabSandbox open(Dataset dataset, Integer scale, GuardPolicy policy, SandboxLimits limits, Isolation isolation,
                           DatasetCache cache, LoadProgress progress) throws DatasetException {
        return isolation == Isolation.IN_PROCESS ? Sandbox.open(dataset, scale, policy, limits, cache, progress)
                : WorkerSandbox.open(dataset, scale, policy, limits, cache, progress);
    }

    /** The reason the dataset's saved copy had to be generated again, if it was damaged. */
    java.util.Optional<campus.i18n.Msg> repaired();

    GuardPolicy policy();

    SandboxLimits limits();

    RunResult run(String script);

    RunResult run(String script, int rowCap, boolean explainOnly);

    void cancel();

    void reset();

    void resetLater();

    boolean rebuildPending();

    List<SchemaTable> schema();

    RunResult runTrusted(String script, int rowCap) throws SQLException;

    List<StatementResult> expectedState(String reference, List<String> verifyQueries, int rowCap) throws SQLException;

    RunResult verify(List<String> queries, int rowCap);

    @Override
    void close();
}
