package campus.app.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/** Milliseconds since this JVM's process started, the zero of the start-up benchmark. */
public final class StartClock {

    private StartClock() {
    }

    public static long sinceProcessStartMs() {
        long now = System.currentTimeMillis();
        Instant start = ProcessHandle.current().info().startInstant().orElse(null);
        long startMs = start != null ? start.toEpochMilli() : ManagementFactory.getRuntimeMXBean().getStartTime();
        return now - startMs;
    }
}
