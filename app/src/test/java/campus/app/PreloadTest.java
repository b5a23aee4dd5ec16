package campus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.state.AppState;
import campus.courses.CourseLoader;
import campus.courses.LoadedLesson;
import campus.courses.doc.LessonCache;
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
        // Nothing was handed to the writer: opened again with a writer that writes at once, on this thread, and
        // records what it is given (a write cannot land later, unseen)
        Path entries = first.store().file().getParent().resolve("cache").resolve("lessons");
        List<Runnable> handed = new java.util.concurrent.CopyOnWriteArrayList<>();
        LessonCache inline = new LessonCache(entries, task -> {
            handed.add(task);
            task.run();
        });
        assertEquals(lesson.document(), campus.app.shell.Opening.read(first.roots(), first.state().get(), inline).lesson().orElseThrow()
                .document());
        assertEquals(List.of(1, 0), List.of(inline.hits(), inline.misses()));
        assertEquals(List.of(), handed, "nothing to write");
        assertEquals(0, count(entries));

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
