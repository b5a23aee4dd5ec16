package campus.app.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    /** Every kind of executor the app uses runs its work on a named daemon thread. */
    @Test
    void everyExecutorRunsOnNamedDaemonThreads() throws Exception {
        ExecutorService single = DaemonThreads.singleThread("t-single");
        ExecutorService cached = DaemonThreads.cached("t-cached");
        ExecutorService fixed = DaemonThreads.fixed("t-fixed", 2);
        ScheduledExecutorService scheduled = DaemonThreads.scheduled("t-scheduled");
        try {
            assertEquals(List.of("t-single", "true"), on(single));
            assertEquals(List.of("t-cached", "true"), on(cached));
            assertEquals(List.of("t-fixed", "true"), on(fixed));
            assertEquals(List.of("t-scheduled", "true"), on(scheduled));
            CompletableFuture<List<String>> started = new CompletableFuture<>();
            DaemonThreads.named("t-own").lowPriority().start(() -> started.complete(List.of(
                    Thread.currentThread().getName(), String.valueOf(Thread.currentThread().isDaemon()),
                    String.valueOf(Thread.currentThread().getPriority()))));
            assertEquals(List.of("t-own", "true", String.valueOf(Thread.MIN_PRIORITY)), started.get(10, TimeUnit.SECONDS));
        } finally {
            List.of(single, cached, fixed, scheduled).forEach(ExecutorService::shutdownNow);
        }
    }

    private static List<String> on(ExecutorService e) throws Exception {
        return e.submit(() -> List.of(Thread.currentThread().getName(), String.valueOf(Thread.currentThread().isDaemon())))
                .get(10, TimeUnit.SECONDS);
    }

    /** Work handed to a single-thread executor after shutdown is dropped, not thrown back at the caller. */
    @Test
    void workAfterShutdownIsDroppedQuietly() {
        ExecutorService single = DaemonThreads.singleThread("t-closed");
        single.shutdown();
        single.execute(() -> { });
        assertTrue(single.isShutdown());
    }

    /** An exception nothing caught is reported with the thread's name, not lost. */
    @Test
    void anUncaughtExceptionIsReportedWithTheThreadsName() throws Exception {
        Thread t = DaemonThreads.named("t-failing").newThread(() -> {
            throw new IllegalStateException("boom");
        });
        assertTrue(t.getUncaughtExceptionHandler() != t.getThreadGroup(), "a handler of its own");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        DaemonThreads.report(err, t, new IllegalStateException("boom"));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("campus: uncaught on thread t-failing: java.lang.IllegalStateException: boom"), text);
        assertTrue(text.contains("at campus.app.concurrent.DaemonThreadsTest"), text);
        assertFalse(t.isAlive());
    }
}
