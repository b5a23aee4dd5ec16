package campus.progress.sync;

import campus.progress.sync.protocol.Protocol;
import java.util.function.LongSupplier;

/**
 * The clock new events are stamped with (docs/decisions/0005-sync-protocol.md, clock skew): this device's clock,
 * corrected by the offset to the server's clock the last sync measured once that offset is beyond the protocol's
 * tolerance (5 minutes). Within the tolerance the device's own clock is used unchanged, so stamps do not jitter
 * with every measurement. Before any sync, and after a restart until the first, the offset is 0.
 */
public final class ServerClock implements LongSupplier {

    private final LongSupplier device;
    private volatile long skewMs;

    public ServerClock() {
        this(System::currentTimeMillis);
    }

    public ServerClock(LongSupplier device) {
        this.device = device;
    }

    /** The server's clock minus this device's, as a sync measured it ({@link SyncState#skewMs()}). */
    public void measured(long skewMs) {
        this.skewMs = skewMs;
    }

    @Override
    public long getAsLong() {
        long now = device.getAsLong();
        long skew = skewMs;
        return Math.abs(skew) > Protocol.SKEW_TOLERANCE_MS ? now + skew : now;
    }
}
