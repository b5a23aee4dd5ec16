package campus.app.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/** Milliseconds since this JVM's process started, the zero of the start-up benchmark. */
public final class StartClock {

    private StartClock() {
    }

    private static final boolean TRACE = Boolean.getBoolean("campus.bench.trace");

    /** With {@code -Dcampus.bench.trace=true}, prints when a start-up step ends, to see where time goes. */
    public static void mark(String step) {
        if (TRACE) {
            System.out.println("trace " + sinceProcessStartMs() + " ms " + Thread.currentThread().getName() + ": " + step);
        }
    }

    public static long sinceProcessStartMs() {
        long now = System.currentTimeMillis();
        Instant start = ProcessHandle.current().info().startInstant().orElse(null);
        long startMs = start != null ? start.toEpochMilli() : ManagementFactory.getRuntimeMXBean().getStartTime();
        return now - startMs;
    }
}
