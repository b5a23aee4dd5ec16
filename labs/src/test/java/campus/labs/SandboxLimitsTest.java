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
            long t0 = System.nanoTime();
            RunResult r = sb.run("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(SqlProblem.Kind.TIMEOUT, r.problem().orElseThrow().kind(), r.toString());
            assertTrue(ms < 4000, "took " + ms + " ms");
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
            Thread.sleep(300);
            sb.cancel();
            RunResult r = f.get(5, TimeUnit.SECONDS);
            assertEquals(SqlProblem.Kind.CANCELLED, r.problem().orElseThrow().kind());
        }
    }

    @Test
    void stateAttemptsAreRolledBackAndDdlIsRebuiltFromThePristineCopy() throws Exception {
        try (Sandbox sb = open(GuardPolicy.READ_WRITE, SandboxLimits.DEFAULT)) {
            assertTrue(sb.run("DELETE FROM trips WHERE id > 100").ok());
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
