package campus.app.bench;

import campus.app.progress.ProgressModel;
import campus.app.trace.StartupTrace;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;

/**
 * The start-up benchmarks' side of the app, switched on by system properties and plugged in by the
 * app's entry point: the per-step trace, the first lesson painted (bench/startup.sh) and the progress
 * shown (bench/progress-startup.sh). Each prints its figures and ends the process.
 */
public final class StartupReport {

    private StartupReport() {
    }

    /** With {@code -Dcampus.bench.trace=true}, every start-up step is printed as it ends. */
    public static void trace() {
        if (StartClock.isTracing()) {
            StartupTrace.listen(StartClock::mark);
        }
    }

    /**
     * bench/startup.sh: with {@code -Dcampus.bench.firstPaint=true}, once the first lesson is laid out,
     * prints how long after the process start that was, then exits (a trace goes on to the complete window).
     *
     * @param afterLessonLaidOut runs its argument once the next lesson is in the scene and laid out
     * @param whenComplete       runs its argument once the whole window is laid out
     */
    public static void firstPaint(Scene scene, Consumer<Runnable> afterLessonLaidOut, Consumer<Runnable> whenComplete) {
        if (!Boolean.getBoolean("campus.bench.firstPaint")) {
            return;
        }
        afterLessonLaidOut.accept(() -> {
            StartClock.mark("first lesson laid out");
            if (StartClock.isTracing()) {
                System.out.println("trace first frame nodes: " + StartClock.nodeCensus(scene.getRoot()));
            }
            System.out.println("first-lesson-painted-ms=" + StartClock.sinceProcessStartMs());
            System.out.println("first-paint-cpu-ms=" + StartClock.processCpuMs());
            if (!StartClock.isTracing()) {   // a trace goes on to the second frame
                Platform.runLater(() -> System.exit(0));
            }
        });
        if (StartClock.isTracing()) {
            whenComplete.accept(() -> Platform.runLater(() -> System.exit(0)));
        }
    }

    /**
     * bench/progress-startup.sh: with {@code -Dcampus.bench.progress=true} the first snapshot that holds the store's
     * events, once shown with a syllabus, prints how long after the process start it came, then the app exits.
     */
    public static void progressShown(ProgressModel model) {
        if (!Boolean.getBoolean("campus.bench.progress")) {
            return;
        }
        boolean[] reported = new boolean[1];
        ChangeListener<Object> check = (o, was, now) -> {
            if (!reported[0] && model.snapshot().events() > 0 && !model.syllabus().courses().isEmpty()) {
                reported[0] = true;
                System.out.println("progress-shown-ms=" + StartClock.sinceProcessStartMs()
                        + " progress-events=" + model.snapshot().events() + " progress-cpu-ms=" + StartClock.processCpuMs());
                Platform.runLater(() -> System.exit(0));
            }
        };
        model.snapshotProperty().addListener(check);
        model.syllabusProperty().addListener(check);
    }
}
