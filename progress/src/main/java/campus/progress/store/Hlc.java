package campus.progress.store;

import java.util.function.LongSupplier;

/**
 * A hybrid logical clock: wall-clock milliseconds plus a counter, never going backwards and always
 * above every stamp seen from other devices, so "the latest" preference is the one set last even
 * when clocks disagree by a little (docs/decisions/0005-sync-protocol.md).
 */
public final class Hlc {

    /** One stamp; ordered by milliseconds, then counter. */
    public record Stamp(long ms, int count) implements Comparable<Stamp> {
        @Override
        public int compareTo(Stamp o) {
            int c = Long.compare(ms, o.ms);
            return c != 0 ? c : Integer.compare(count, o.count);
        }
    }

    private final LongSupplier wallClock;
    private long ms;
    private int count;

    public Hlc(LongSupplier wallClock) {
        this.wallClock = wallClock;
    }

    /** The stamp for an event happening now. */
    public synchronized Stamp next() {
        long now = wallClock.getAsLong();
        if (now > ms) {
            ms = now;
            count = 0;
        } else {
            count++;
        }
        return new Stamp(ms, count);
    }

    /** Takes in a stamp seen on another device's event (or one already stored), so later stamps sort after it. */
    public synchronized void observe(long otherMs, int otherCount) {
        if (otherMs > ms || (otherMs == ms && otherCount > count)) {
            ms = otherMs;
            count = otherCount;
        }
    }
}
