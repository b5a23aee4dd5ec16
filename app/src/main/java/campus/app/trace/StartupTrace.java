package campus.app.trace;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the steps of the start-up the app's parts report as {@link Milestones} go ("theme set", "window
 * shown"). Nothing listens by default, so a mark costs a field read; the start-up benchmark's trace
 * ({@code -Dcampus.bench.trace=true}) is plugged in once, by the app's entry point. Only the seam to the
 * benchmarks ({@code campus.app.Measuring}) and the benchmarks name this class: the app's parts hear of
 * {@link Milestones} only ({@code AppPackagesTest}).
 */
public final class StartupTrace {

    private static volatile Consumer<String> listener = step -> { };

    private StartupTrace() {
    }

    /** The step {@code step} has just ended, on the calling thread. */
    public static void mark(String step) {
        listener.accept(step);
    }

    /** From now on every mark goes to {@code l}. */
    public static void listen(Consumer<String> l) {
        listener = Objects.requireNonNull(l);
    }
}
