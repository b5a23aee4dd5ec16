package campus.labs.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runaway queries in a separate JVM with a 256 MB heap: the JVM survives, the learner gets a MEMORY problem, and the
 * sandbox (which H2 shut down on OutOfMemoryError) is loaded again so the next query runs.
 */
@Tag("slow")
class RunawayMemoryTest {

    @Test
    void runawayQueriesDoNotKillTheJvmAndTheSandboxWorksAfterwards() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(),
                "WITH RECURSIVE t(s, n) AS (SELECT 'x', 1 UNION ALL SELECT s || s, n + 1 FROM t WHERE n < 40) SELECT LENGTH(s) FROM t",
                "SELECT LENGTH(LISTAGG(CAST(a.id AS VARCHAR) || 'abcdefghij', ',')) FROM trips a CROSS JOIN trips b",
                "SELECT COUNT(*) FROM (SELECT a.id, b.id, a.fare + b.fare AS f FROM trips a CROSS JOIN trips b ORDER BY f) x"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        List<String> results = out.lines().filter(l -> l.startsWith("RESULT ")).toList();
        List<String> after = out.lines().filter(l -> l.startsWith("AFTER ")).toList();
        assertEquals(3, results.size(), out);
        assertTrue(results.get(0).startsWith("RESULT MEMORY | The statement was stopped: it needed too much memory"), out);
        assertTrue(results.get(1).startsWith("RESULT MEMORY") || results.get(1).startsWith("RESULT TIMEOUT"), out);
        assertTrue(!results.get(2).startsWith("RESULT OK"), out);
        assertEquals(List.of("AFTER 20000", "AFTER 20000", "AFTER 20000"), after, out);
        assertTrue(out.contains("SURVIVED"), out);
    }
}
