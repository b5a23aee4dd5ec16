package campus.app.trace;

/**
 * Where a part of the app says that a moment of its life has come ("theme set", "window shown", "lesson rendered").
 * The app's entry points get it from the one seam to the start-up benchmarks ({@code campus.app.Measuring}) and hand it
 * down; nothing listens unless that seam plugs the start-up trace in, so the parts never see measuring code.
 */
@FunctionalInterface
public interface Milestones {

    /** Hears nothing. */
    Milestones NONE = moment -> { };

    /** {@code moment} has just come, on the calling thread. */
    void reached(String moment);
}
