package campus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.state.AppState;
import campus.courses.CourseLoader;
import campus.courses.LoadedLesson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
        Preload first = Preload.start(options);
        LoadedLesson lesson = first.opening().get(30, TimeUnit.SECONDS).lesson().orElseThrow();
        assertEquals(List.of(1, 0), List.of(first.lessons().hits(), first.lessons().misses()));
        assertEquals(CourseLoader.loadLesson(lesson.course(), lesson.slug(), AppState.defaults().lang()).document(),
                lesson.document());
        Thread.sleep(100);
        assertEquals(0, count(data.resolve("cache").resolve("lessons")));

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

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "the cache entry was not written");
            Thread.sleep(20);
        }
    }
}
