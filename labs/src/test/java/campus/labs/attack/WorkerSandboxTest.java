package campus.labs.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.SqlProblem;
import campus.labs.sandbox.WorkerSandbox;
import campus.labs.sql.GuardPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What in-process limits cannot stop ends in a verdict because learner SQL runs in a worker process that Campus
 * kills and replaces: the test process itself survives every attack, and the next attempt works.
 */
class WorkerSandboxTest {

    private static WorkerSandbox sb;

    @BeforeAll
    static void open() throws Exception {
        sb = WorkerSandbox.open(DatasetLibrary.bundled().find("bookshop").orElseThrow(), 300, GuardPolicy.READ_WRITE,
                SandboxLimits.DEFAULT.withTimeout(Duration.ofSeconds(1)));
    }

    @AfterAll
    static void close() {
        sb.close();
    }

    private static void nextAttemptWorks() {
        RunResult ok = sb.run("SELECT COUNT(*) FROM books");
        assertTrue(ok.ok(), String.valueOf(ok.problem()));
        assertEquals(1, ok.lastQuery().orElseThrow().rows().size());
    }

    @Test
    void aKilledWorkerIsReplacedAndTheNextAttemptWorks() throws Exception {
        nextAttemptWorks();
        long pid = sb.workerPid();
        int before = sb.restarts();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        SqlProblem p = sb.run("SELECT 1").problem().orElseThrow();
        assertEquals("The statement stopped the lab engine; it has been started again with the dataset as loaded."
                + " Simplify the statement (deep nesting? a huge constant?).", p.message().in(Lang.EN));
        assertEquals(before + 1, sb.restarts());
        nextAttemptWorks();
        assertTrue(sb.workerPid() != pid);
    }

    /** Work H2 does per row or while preparing, where it never checks for cancel: the worker is killed at the limit. */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT COUNT(*) FROM books WHERE REPEAT('a', 3000) LIKE '%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%b'",
        "SELECT COUNT(*) FROM books WHERE REGEXP_LIKE(REPEAT('a', 40) || 'c', '^(a|aa)+(\\1)b')",
        "SELECT COUNT(*) FROM books WHERE title || REPEAT('a', 3000) LIKE '%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%b'",
        "SELECT LENGTH(SECURE_RAND(300000000))",
        "SELECT LENGTH(EXPAND(X'01F07735940000'))",
        "SELECT LENGTH(REPLACE(REPLACE(REPEAT('x', 10000), 'x', REPEAT('y', 10000)), 'y', REPEAT('z', 10000)))",
        "SELECT LENGTH(REGEXP_REPLACE(REGEXP_REPLACE(REPEAT('x', 10000), 'x', REPEAT('y', 10000)), 'y', REPEAT('z', 9999)))",
    })
    void uncancellableWorkEndsInAVerdictAndTheWorkerIsReplaced(String sql) {
        SqlProblem p = sb.run(sql).problem().orElseThrow();
        assertTrue(List.of(SqlProblem.Kind.TIMEOUT, SqlProblem.Kind.MEMORY).contains(p.kind()), sql + " -> " + p);
        nextAttemptWorks();
    }

    @Test
    void deepNestingAndJavaObjectsEndInAVerdictInTheWorkerToo() {
        SqlProblem p = sb.run("SELECT " + "NOT ".repeat(60_000) + "TRUE").problem().orElseThrow();
        assertEquals("The statement is too deeply nested to run.", p.message().in(Lang.EN));
        RunResult r = sb.run("SELECT CAST(X'" + Tripwire.hex() + "' AS OTHER)");
        assertTrue(r.ok(), String.valueOf(r.problem()));
        assertTrue(r.lastQuery().orElseThrow().rows().get(0).get(0) instanceof byte[]);
        nextAttemptWorks();
    }

    @Test
    void stateChangesAndResetsGoThroughTheWorker() {
        assertTrue(sb.run("DELETE FROM order_items; ALTER TABLE `Books` ADD COLUMN x INT").ok());
        assertEquals(0L, ((Number) sb.run("SELECT COUNT(*) FROM order_items").lastQuery().orElseThrow().rows().get(0).get(0)).longValue());
        sb.reset();
        assertTrue(((Number) sb.run("SELECT COUNT(*) FROM order_items").lastQuery().orElseThrow().rows().get(0).get(0)).longValue() > 0);
        assertTrue(sb.schema().stream().anyMatch(t -> t.name().equals("books")));
    }

    /** An attempt whose worker is killed leaves nothing behind: the fresh worker is the dataset as loaded. */
    @Test
    void aKilledStateAttemptLeavesNothingForTheNext() {
        SqlProblem p = sb.run("DELETE FROM order_items; ALTER TABLE `Books` ADD COLUMN y INT; SELECT COUNT(*) FROM books"
                + " WHERE REPEAT('a', 3000) LIKE '%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%b'").problem().orElseThrow();
        assertEquals(SqlProblem.Kind.TIMEOUT, p.kind());
        sb.resetLater();
        assertTrue(((Number) sb.run("SELECT COUNT(*) FROM order_items").lastQuery().orElseThrow().rows().get(0).get(0)).longValue() > 0);
        assertTrue(sb.schema().stream().filter(t -> t.name().equals("books")).findFirst().orElseThrow().columns().stream()
                .noneMatch(c -> c.name().equals("y")));
    }
}
