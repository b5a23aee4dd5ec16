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

    /** The lesson the app opens at is read from the data folder's lesson cache from the second start on. */
    @Test
    void theSecondStartReadsTheOpeningLessonFromTheCache() throws Exception {
        LaunchOptions options = new LaunchOptions(List.of(), Optional.empty(), Optional.of(data));
        Preload first = Preload.start(options);
        Preload.Opening opened = first.opening().get(30, TimeUnit.SECONDS);
        LoadedLesson lesson = opened.lesson().orElseThrow();
        assertEquals(List.of(0, 1), List.of(first.lessons().hits(), first.lessons().misses()));
        Path entries = data.resolve("cache").resolve("lessons");
        waitFor(() -> count(entries) == 1);

        Preload second = Preload.start(options);
        LoadedLesson again = second.opening().get(30, TimeUnit.SECONDS).lesson().orElseThrow();
        assertEquals(List.of(1, 0), List.of(second.lessons().hits(), second.lessons().misses()));
        assertEquals(lesson.document(), again.document());
        assertEquals(lesson.problems(), again.problems());
        // and it is what parsing gives
        assertEquals(CourseLoader.loadLesson(lesson.course(), lesson.slug(), AppState.defaults().lang()).document(),
                again.document());
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
