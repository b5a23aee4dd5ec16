package campus.labs.sandbox;

import java.util.function.BooleanSupplier;

/**
 * The runs of one lab sandbox ({@link Sandbox}, {@link WorkerSandbox}) that have been called and not returned, and a
 * Cancel pressed while any was: a run whose statement starts after it is cancelled too, until no run is left, so a
 * Cancel pressed before the statement starts is not lost. The sandboxes hold this object's monitor while they hand a
 * run over (to the statement runner, to the worker process), so a Cancel sees either the pending flag or the run.
 */
final class RunsInProgress {

    private int count;
    private boolean cancelPending;

    /** A run begins; {@code cancelledAlready} is asked once it counts (a cancel for it that came before it did). */
    synchronized void enter(BooleanSupplier cancelledAlready) {
        count++;
        if (cancelledAlready.getAsBoolean()) {
            cancelPending = true;
        }
    }

    /** A run returned; with the last one, a pending Cancel is spent. */
    synchronized void exit() {
        if (--count == 0) {
            cancelPending = false;
        }
    }

    /** A Cancel: pending for every run in progress. */
    synchronized void cancel() {
        if (count > 0) {
            cancelPending = true;
        }
    }

    synchronized boolean cancelPending() {
        return cancelPending;
    }

    synchronized int count() {
        return count;
    }
}
