package campus.labs.sandbox;

import java.time.Duration;

/**
 * Limits on one statement: wall-clock timeout, rows kept for display, how many further rows are
 * counted before giving up (so counting is bounded too), and the heap fraction above which a running
 * statement is cancelled.
 */
public record SandboxLimits(Duration timeout, int rowCap, int countLimit, double heapFraction) {

    public static final SandboxLimits DEFAULT = new SandboxLimits(Duration.ofSeconds(5), 10_000, 1_000_000, 0.85);

    public SandboxLimits withTimeout(Duration d) {
        return new SandboxLimits(d, rowCap, countLimit, heapFraction);
    }

    public SandboxLimits withRowCap(int cap, int count) {
        return new SandboxLimits(timeout, cap, count, heapFraction);
    }
}
