package campus.app;

import campus.app.bench.StartupReport;
import campus.app.shell.CampusWindow;
import campus.app.trace.Milestones;
import campus.app.trace.StartupTrace;

/**
 * The one seam between the app and its start-up benchmarks ({@code campus.app.bench}): no other class
 * of the app sees the measuring code. Each benchmark is switched on by a system property and does
 * nothing otherwise (bench/startup.sh, bench/progress-startup.sh, docs/benchmarks.md).
 */
final class Measuring {

    private Measuring() {
    }

    /** First thing in {@code main}: the per-step trace ({@code -Dcampus.bench.trace=true}). */
    static void trace() {
        StartupReport.trace();
    }

    /**
     * Where the app's parts report the moments of their start-up: to the per-step trace when it is on (each
     * moment is a step of it), to nothing otherwise. The entry points hand it down to the parts.
     */
    static Milestones milestones() {
        return StartupTrace::mark;
    }

    /** Before the window shows: the first lesson painted, and the progress shown. */
    static void attach(CampusWindow window) {
        StartupReport.firstPaint(window.scene(), window::afterNextLessonLaidOut, window::whenComplete);
        StartupReport.progressShown(window.progress());
    }
}
