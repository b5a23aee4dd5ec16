package campus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.concurrent.DaemonThreads;
import campus.app.state.AppState;
import campus.app.trace.Milestones;
import campus.courses.CourseLoader;
import campus.courses.LoadedLesson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreloadTest {

    @TempDir
    Path data;

    /**
     * The shipped lesson the app opens at is read from the entry the build made (no parser), from the
     * very first start; it is what parsing gives, and nothing needs writing to the data folder.
     */
    @Test
    void theFirstStartReadsTheShippedOpeningLessonFromTheBuildsEntry() throws Exception {
        LaunchOptions options = new LaunchOptions(List.of(), Optional.empty(), Optional.of(data));
        // The lesson cache's writer: one thread, as the app's, that records each write it is handed.
        ExecutorService thread = DaemonThreads.singleThread("test-lesson-cache");
        List<Runnable> handed = new CopyOnWriteArrayList<>();
        Executor writer = task -> {
            handed.add(task);
            thread.execute(task);
        };
        Preload first = Preload.start(options, Milestones.NONE, writer);
        LoadedLesson lesson = first.opening().get(30, TimeUnit.SECONDS).lesson().orElseThrow();
        assertEquals(List.of(1, 0), List.of(first.lessons().hits(), first.lessons().misses()));
        assertEquals(CourseLoader.loadLesson(lesson.course(), lesson.slug(), AppState.defaults().lang()).document(),
                lesson.document());
        // Nothing was handed to the writer, and nothing it was handed is still to land: the writer takes its work
        // in order, so once it has counted this latch down, every write handed before has been made.
        CountDownLatch written = new CountDownLatch(1);
        thread.execute(written::countDown);
        assertTrue(written.await(30, TimeUnit.SECONDS), "the writer went through what it was handed");
        assertEquals(List.of(), handed, "nothing to write");
        assertEquals(0, count(first.store().file().getParent().resolve("cache").resolve("lessons")));
        thread.shutdown();

        Preload second = Preload.start(options);
        LoadedLesson again = second.opening().get(30, TimeUnit.SECONDS).lesson().orElseThrow();
        assertEquals(List.of(1, 0), List.of(second.lessons().hits(), second.lessons().misses()));
        assertEquals(lesson.document(), again.document());
        assertEquals(lesson.problems(), again.problems());
    }

    private static long count(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".lesson")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
