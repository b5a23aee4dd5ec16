package campus.labs.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.dataset.LoadProgress;
import campus.labs.sandbox.DatasetCache;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.SqlProblem;
import campus.labs.sql.GuardPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes of attack stopped by design rather than by name: learner bytes are never deserialized, and nesting deep
 * enough to overflow H2's parser ends in a verdict, with the sandbox still working afterwards.
 */
class SandboxAttackTest {

    private static Sandbox readOnly;
    private static Sandbox readWrite;
    /** Opened from the dataset cache, as the app, {@code campus lab} and {@code campus validate} open labs: a file copy. */
    private static Sandbox cachedReadOnly;
    private static Sandbox cachedReadWrite;

    @TempDir
    static Path cacheFolder;

    @BeforeAll
    static void open() throws Exception {
        var ds = DatasetLibrary.bundled().find("bookshop").orElseThrow();
        readOnly = Sandbox.open(ds, 300, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT);
        readWrite = Sandbox.open(ds, 300, GuardPolicy.READ_WRITE, SandboxLimits.DEFAULT);
        DatasetCache cache = DatasetCache.in(cacheFolder);
        cachedReadOnly = Sandbox.open(ds, 300, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE);
        cachedReadWrite = Sandbox.open(ds, 300, GuardPolicy.READ_WRITE, SandboxLimits.DEFAULT, cache, LoadProgress.NONE);
    }

    @AfterAll
    static void close() {
        readOnly.close();
        readWrite.close();
        cachedReadOnly.close();
        cachedReadWrite.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT CAST(X'%s' AS OTHER)",
        "SELECT CAST(X'%s' AS \"OTHER\")",
        "SELECT CAST(X'%s' AS `other`)",
        "SELECT CONVERT(X'%s', OTHER)",
        "SELECT ARRAY[CAST(X'%s' AS OTHER)]",
        "SELECT ROW(1, CAST(X'%s' AS OTHER))",
        "SELECT * FROM (VALUES (CAST(X'%s' AS OTHER))) AS v (o)",
        "SELECT CAST(CAST(X'%s' AS OTHER) AS VARCHAR)",
        "SELECT CAST(X'%s' AS OTHER) = CAST(X'%s' AS OTHER)",
        "CREATE TABLE o (v OTHER); INSERT INTO o VALUES (CAST(X'%s' AS OTHER)); SELECT * FROM o",
    })
    void learnerBytesAreNeverDeserialized(String template) {
        String sql = template.replace("%s", Tripwire.hex());
        for (Sandbox sb : new Sandbox[] {readOnly, readWrite, cachedReadOnly, cachedReadWrite}) {
            if ((sb == readOnly || sb == cachedReadOnly) && sql.startsWith("CREATE")) {
                continue;
            }
            int before = Tripwire.deserialized;
            RunResult r = sb.run(sql);
            r.lastQuery().ifPresent(q -> q.rows().forEach(row -> row.forEach(String::valueOf)));
            assertEquals(before, Tripwire.deserialized, "deserialized by: " + sql);
            r.problem().ifPresent(p -> assertFalse(p.message().in(Lang.EN).isBlank()));
            r.lastQuery().ifPresent(q -> q.rows().forEach(row -> row.forEach(v ->
                    assertFalse(v instanceof Tripwire, "a Java object reached the result: " + sql))));
            sb.reset();
            assertTrue(sb.run("SELECT 1").ok(), "the sandbox goes on after " + sql);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "NOT ", "- ", "CASE WHEN TRUE THEN ", "ABS(", "(SELECT ", "+"})
    void deepNestingEndsInAClearVerdict(String opener) {
        int depth = 60_000;
        String closer = switch (opener) {
            case "(", "ABS(", "(SELECT " -> ")";
            case "CASE WHEN TRUE THEN " -> " END";
            default -> "";
        };
        String sql = "SELECT " + opener.repeat(depth) + "1" + closer.repeat(depth);
        for (Sandbox sb : new Sandbox[] {readOnly, readWrite}) {
            SqlProblem p = sb.run(sql).problem().orElseThrow();
            assertEquals("The statement is too deeply nested to run.", p.message().in(Lang.EN), opener + " -> " + p);
            assertEquals("语句嵌套太深，无法运行。", p.message().in(Lang.ZH));
            sb.reset();
            assertEquals(List.of(List.of(2)), sb.run("SELECT 1 + 1").lastQuery().orElseThrow().rows(),
                    "the sandbox goes on after " + opener);
        }
    }
}
