package campus.courses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small course folders for tests. */
final class TestCourses {

    static final String COURSE_JSON = """
            {
              "id": "demo",
              "title": { "en": "Demo", "zh": "演示" },
              "summary": { "en": "A demo.", "zh": "一个演示。" },
              "level": "beginner",
              "lessons": ["01-one", "02-two"]
            }
            """;

    private TestCourses() {
    }

    /** A clean two-lesson course {@code demo} under {@code root}; returns the course folder. */
    static Path goodCourse(Path root) {
        Path dir = root.resolve("demo");
        write(dir.resolve("course.json"), COURSE_JSON);
        lesson(dir, "01-one", "One", "一", "[Next](../02-two/)");
        lesson(dir, "02-two", "Two", "二", "[Back](../01-one/)");
        return dir;
    }

    static void lesson(Path course, String slug, String enTitle, String zhTitle, String body) {
        write(course.resolve(slug).resolve("lesson.en.md"), "---\ntitle: " + enTitle + "\n---\n# " + enTitle + "\n\n" + body + "\n");
        write(course.resolve(slug).resolve("lesson.zh.md"), "---\ntitle: \"" + zhTitle + "\"\n---\n# " + zhTitle + "\n\n" + body + "\n");
    }

    static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
