package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.SqlProblem;
import campus.labs.sandbox.WorkerSandbox;
import campus.labs.sql.GuardPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cancel in the worker sandbox (the one the app uses): a Cancel pressed before the worker has started the statement,
 * while the run waits for its turn in Campus, is not lost. The limit is long, so a lost Cancel ends in a time-out
 * verdict, not in the cancelled one.
 */
@Tag("slow")
class WorkerCancelTest {

    private static final String ENDLESS = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r";

    private static WorkerSandbox open() throws Exception {
        return WorkerSandbox.open(DatasetLibrary.bundled().find("bookshop").orElseThrow(), 300, GuardPolicy.READ_ONLY,
                SandboxLimits.DEFAULT.withTimeout(Duration.ofSeconds(20)));
    }

    @Test
    void cancelWhileARunWaitsForItsTurnStopsBothRuns() throws Exception {
        try (WorkerSandbox sb = open()) {
            CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> sb.run(ENDLESS));
            while (sb.runsInProgress() < 1) {
                Thread.onSpinWait();
            }
            CompletableFuture<RunResult> second = CompletableFuture.supplyAsync(() -> sb.run(ENDLESS));
            while (sb.runsInProgress() < 2) {
                Thread.onSpinWait();
            }
            sb.cancel();
            assertEquals(SqlProblem.Kind.CANCELLED, first.get(60, TimeUnit.SECONDS).problem().orElseThrow().kind());
            assertEquals(SqlProblem.Kind.CANCELLED, second.get(60, TimeUnit.SECONDS).problem().orElseThrow().kind(),
                    "the waiting run had not reached the worker when Cancel was pressed");
            RunResult later = sb.run("SELECT COUNT(*) FROM books");
            assertTrue(later.ok(), "a later run is not cancelled: " + later.problem());
        }
    }

    @Test
    void cancelRightAfterTheRunIsCalledIsNotLost() throws Exception {
        try (WorkerSandbox sb = open()) {
            for (int i = 0; i < 5; i++) {
                CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> sb.run(ENDLESS));
                while (sb.runsInProgress() < 1) {
                    Thread.onSpinWait();
                }
                sb.cancel();
                assertEquals(SqlProblem.Kind.CANCELLED, run.get(60, TimeUnit.SECONDS).problem().orElseThrow().kind(),
                        "attempt " + i);
            }
        }
    }

    @Test
    void cancelWhileTheWorkerIsStartedAgainIsNotLost() throws Exception {
        try (WorkerSandbox sb = open()) {
            long pid = sb.workerPid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            assertEquals(SqlProblem.Kind.ERROR, sb.run("SELECT 1").problem().orElseThrow().kind(), "the worker was lost");
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> sb.run(ENDLESS));
            while (sb.runsInProgress() < 1) {
                Thread.onSpinWait();
            }
            sb.cancel();
            assertEquals(SqlProblem.Kind.CANCELLED, run.get(60, TimeUnit.SECONDS).problem().orElseThrow().kind());
        }
    }
}
