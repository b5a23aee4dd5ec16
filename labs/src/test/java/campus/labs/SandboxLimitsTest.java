package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.SqlProblem;
import campus.labs.sandbox.StatementResult;
import campus.labs.sql.GuardPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class SandboxLimitsTest {

    private static Sandbox open(GuardPolicy policy, SandboxLimits limits) throws Exception {
        return Sandbox.open(DatasetLibrary.bundled().find("bikeshare").orElseThrow(), 5000, policy, limits);
    }

    @Test
    void endlessRecursionIsStoppedByTheTimeoutAndTheSandboxStaysUsable() throws Exception {
        try (Sandbox sb = open(GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT.withTimeout(Duration.ofSeconds(1)))) {
            RunResult r = sb.run("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r");
            assertEquals(SqlProblem.Kind.TIMEOUT, r.problem().orElseThrow().kind(), r.toString());
            assertTrue(sb.run("SELECT COUNT(*) FROM trips").ok());
        }
    }

    @Test
    void crossJoinOfBigTablesIsCappedOrStopped() throws Exception {
        try (Sandbox sb = open(GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT.withTimeout(Duration.ofSeconds(2)))) {
            RunResult r = sb.run("SELECT * FROM trips a CROSS JOIN trips b CROSS JOIN trips c");
            if (r.ok()) {
                StatementResult s = r.lastQuery().orElseThrow();
                assertEquals(10_000, s.rows().size());
                assertTrue(s.totalIsLowerBound());
            } else {
                assertTrue(r.problem().get().kind() == SqlProblem.Kind.TIMEOUT || r.problem().get().kind() == SqlProblem.Kind.MEMORY);
            }
            RunResult sorted = sb.run("SELECT a.id, b.id FROM trips a CROSS JOIN trips b ORDER BY a.fare + b.fare");
            assertFalse(sorted.ok());
            assertTrue(sb.run("SELECT 1").ok());
        }
    }

    @Test
    void hugeStringBuildingDoesNotBreakTheApp() throws Exception {
        try (Sandbox sb = open(GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT.withTimeout(Duration.ofSeconds(2)))) {
            RunResult r = sb.run("SELECT LENGTH(REPEAT('x', 999999999))");
            assertEquals(SqlProblem.Kind.REFUSED, r.problem().orElseThrow().kind());
            assertTrue(sb.run("SELECT 1").ok());
        }
    }

    @Test
    void rowCapKeepsTheFirstRowsAndCountsTheRestWithABound() throws Exception {
        try (Sandbox sb = open(GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT.withRowCap(100, 1000))) {
            StatementResult s = sb.run("SELECT * FROM trips").lastQuery().orElseThrow();
            assertEquals(100, s.rows().size());
            assertEquals(1100, s.totalRows());
            assertTrue(s.totalIsLowerBound());
            assertTrue(s.truncated());
            StatementResult small = sb.run("SELECT * FROM trips WHERE id <= 500").lastQuery().orElseThrow();
            assertEquals(500, small.totalRows());
            assertFalse(small.totalIsLowerBound());
            assertEquals(9, small.columns().size());
            assertEquals("DECIMAL", small.columns().get(8).sqlType());
        }
    }

    @Test
    void cancelFromAnotherThreadStopsTheStatement() throws Exception {
        try (Sandbox sb = open(GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT.withTimeout(Duration.ofSeconds(30)))) {
            CompletableFuture<RunResult> f = CompletableFuture.supplyAsync(
                    () -> sb.run("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r"));
            while (!sb.statementRunning()) {
                Thread.onSpinWait();  // the statement executes now (a Cancel before it starts: the test below)
            }
            sb.cancel();
            RunResult r = f.get(60, TimeUnit.SECONDS);  // only a guard against a hang: the limit is 30 s
            assertEquals(SqlProblem.Kind.CANCELLED, r.problem().orElseThrow().kind());
        }
    }

    /** A Cancel pressed while a run waits for its turn (before its statement starts) stops it too: it is not lost. */
    @Test
    void cancelBeforeTheStatementStartsIsNotLost() throws Exception {
        try (Sandbox sb = open(GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT.withTimeout(Duration.ofSeconds(60)))) {
            String endless = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r";
            CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> sb.run(endless));
            while (!sb.statementRunning()) {
                Thread.onSpinWait();
            }
            CompletableFuture<RunResult> second = CompletableFuture.supplyAsync(() -> sb.run(endless));
            while (sb.runsInProgress() < 2) {
                Thread.onSpinWait();
            }
            sb.cancel();
            assertEquals(SqlProblem.Kind.CANCELLED, first.get(30, TimeUnit.SECONDS).problem().orElseThrow().kind());
            assertEquals(SqlProblem.Kind.CANCELLED, second.get(30, TimeUnit.SECONDS).problem().orElseThrow().kind(),
                    "the waiting run's statement never started");
            assertTrue(sb.run("SELECT 1").ok(), "a later run is not cancelled");
        }
    }

    @Test
    void stateAttemptsAreRolledBackAndDdlIsRebuiltFromThePristineCopy() throws Exception {
        try (Sandbox sb = open(GuardPolicy.READ_WRITE, SandboxLimits.DEFAULT)) {
            RunResult del = sb.run("DELETE FROM trips WHERE id > 100");
            assertTrue(del.ok(), String.valueOf(del.problem()));
            assertEquals(100L, count(sb, "trips"));
            assertFalse(sb.needsRebuild());
            sb.reset();
            assertEquals(5000L, count(sb, "trips"));
            assertTrue(sb.run("DROP TABLE trips; CREATE TABLE extra (a INT)").ok());
            assertTrue(sb.needsRebuild());
            sb.reset();
            assertEquals(5000L, count(sb, "trips"));
            assertFalse(sb.schema().stream().anyMatch(t -> t.name().equals("extra")));
            assertEquals(4, sb.schema().size());
        }
    }

    @Test
    void sqlErrorsPointAtTheLineAndColumn() throws Exception {
        try (Sandbox sb = open(GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT)) {
            SqlProblem p = sb.run("SELECT 1;\nSELECT id,\n  nme FROM stations").problem().orElseThrow();
            assertEquals(SqlProblem.Kind.ERROR, p.kind());
            assertEquals(3, p.line());
            assertEquals(3, p.column());
            assertTrue(p.message().in(campus.i18n.Lang.EN).contains("nme"), p.message().in(campus.i18n.Lang.EN));
            SqlProblem syntax = sb.run("SELECT * FORM stations").problem().orElseThrow();
            assertEquals(SqlProblem.Kind.SYNTAX, syntax.kind());
            assertEquals(1, syntax.line());
        }
    }

    private static long count(Sandbox sb, String table) {
        return ((Number) sb.run("SELECT COUNT(*) FROM " + table).lastQuery().orElseThrow().rows().get(0).get(0)).longValue();
    }
}
