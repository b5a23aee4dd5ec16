package campus.labs.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LabThreadsTest {

    /** Every kind of executor the labs use runs its work on a daemon thread called campus-<purpose>. */
    @Test
    void everyExecutorRunsOnNamedDaemonThreads() throws Exception {
        ExecutorService single = LabThreads.singleThread("t-single");
        ExecutorService cached = LabThreads.cached("t-cached", 30);
        ScheduledExecutorService scheduled = LabThreads.scheduled("t-scheduled");
        try {
            assertEquals(List.of("campus-t-single", "true"), on(single));
            assertEquals(List.of("campus-t-cached", "true"), on(cached));
            assertEquals(List.of("campus-t-scheduled", "true"), on(scheduled));
            assertEquals(List.of("campus-t-scheduled", "true"), scheduled.schedule(LabThreadsTest::whereAmI, 1,
                    TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS));
        } finally {
            List.of(single, cached, scheduled).forEach(ExecutorService::shutdownNow);
        }
    }

    @Test
    void aThreadNeedsAPurpose() {
        assertThrows(IllegalArgumentException.class, () -> LabThreads.named(" "));
        assertEquals("campus-lab-reset", LabThreads.named("lab-reset").name());
    }

    private static List<String> on(ExecutorService e) throws Exception {
        return e.submit(LabThreadsTest::whereAmI).get(10, TimeUnit.SECONDS);
    }

    private static List<String> whereAmI() {
        return List.of(Thread.currentThread().getName(), String.valueOf(Thread.currentThread().isDaemon()));
    }

    /** An exception nothing caught is reported with the thread's name, not lost. */
    @Test
    void anUncaughtExceptionIsReportedWithTheThreadsName() throws Exception {
        Thread t = LabThreads.named("t-failing").newThread(() -> {
            throw new IllegalStateException("boom");
        });
        assertTrue(t.getUncaughtExceptionHandler() != t.getThreadGroup(), "a handler of its own");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        LabThreads.report(err, t, new IllegalStateException("boom"));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("campus: uncaught on thread campus-t-failing: java.lang.IllegalStateException: boom"),
                text);
        assertTrue(text.contains("at campus.labs.concurrent.LabThreadsTest"), text);
        assertFalse(t.isAlive());
    }
}
