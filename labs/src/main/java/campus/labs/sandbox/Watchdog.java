package campus.labs.sandbox;

import campus.labs.concurrent.LabThreads;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cancels a running statement when its time is up or the heap is nearly full. H2's own query timeout
 * is set too; this is the backstop for the places where H2 does not check it (and for memory, which H2
 * does not limit for in-memory databases). One daemon thread serves every sandbox.
 */
final class Watchdog {

    private static final ScheduledExecutorService TIMER = LabThreads.scheduled("lab-watchdog");

    /** Why the watched statement was cancelled, if it was. */
    enum Reason { TIMEOUT, MEMORY, USER }

    private final AtomicReference<Reason> reason = new AtomicReference<>();
    private final ScheduledFuture<?> task;
    private final Statement statement;

    private Watchdog(Statement statement, long deadlineNanos, double heapFraction) {
        this.statement = statement;
        Runtime rt = Runtime.getRuntime();
        int[] overCount = {0};
        this.task = TIMER.scheduleAtFixedRate(() -> {
            if (reason.get() != null) {
                // H2 ignores Statement.cancel() until the statement executes: a cancel that came before it did is
                // repeated until the statement ends (stop()); once it executes, the next repeat stops it
                cancelStatement();
                return;
            }
            if (System.nanoTime() > deadlineNanos) {
                cancel(Reason.TIMEOUT);
                return;
            }
            long used = rt.totalMemory() - rt.freeMemory();
            overCount[0] = used > rt.maxMemory() * heapFraction ? overCount[0] + 1 : 0;
            if (overCount[0] >= 2) {
                cancel(Reason.MEMORY);
            }
        }, 20, 20, TimeUnit.MILLISECONDS);
    }

    static Watchdog watch(Statement statement, SandboxLimits limits) {
        long grace = 250_000_000L;
        return new Watchdog(statement, System.nanoTime() + limits.timeout().toNanos() + grace, limits.heapFraction());
    }

    void cancel(Reason why) {
        if (reason.compareAndSet(null, why)) {
            cancelStatement();
        }
    }

    private void cancelStatement() {
        try {
            statement.cancel();
        } catch (SQLException ignored) {
            // the statement already finished or closed: nothing left to cancel
        }
    }

    Reason reason() {
        return reason.get();
    }

    void stop() {
        task.cancel(false);
    }
}
