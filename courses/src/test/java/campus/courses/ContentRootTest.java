package campus.courses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import campus.i18n.Lang;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentRootTest {

    @Test
    void shippedContentIsFoundOnTheClassPath() {
        ContentRoot shipped = ContentRoot.shipped();
        assertEquals(ContentRoot.SHIPPED_DISPLAY, shipped.display());
        assertEquals(sourceCourses(),
                CourseLoader.load(List.of(shipped)).courses().stream().map(Course::id).sorted().toList());
    }

    /** The course folders of the source tree's content/ (the test runs in the module folder), whatever courses ship. */
    private static List<String> sourceCourses() {
        try (var dirs = Files.list(Path.of("content"))) {
            List<String> ids = dirs.filter(d -> Files.isRegularFile(d.resolve("course.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            assertFalse(ids.isEmpty(), "content/ has no course folders");
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged app reads its courses out of the jar; jars are written with and without folder entries. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shippedContentLoadsFromInsideAJar(boolean folderEntries, @TempDir Path tmp) throws IOException {
        Path source = tmp.resolve("src/content");
        TestCourses.write(source.resolve("README.md"), "marker");
        TestCourses.goodCourse(source);
        Path jar = tmp.resolve("app " + folderEntries + ".jar");
        zip(source.getParent(), jar, folderEntries);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            URL marker = loader.getResource(ContentRoot.MARKER.substring(1));
            ContentRoot root = ContentRoot.fromMarker(marker);
            Library lib = CourseLoader.load(List.of(root));
            assertEquals(List.of(), lib.problems());
            Course course = lib.courses().get(0);
            assertEquals("<shipped>/demo/course.json", course.display("course.json"));
            LoadedLesson lesson = CourseLoader.loadLesson(course, "01-one", Lang.ZH);
            assertEquals(List.of(), lesson.problems());
            assertEquals("一", lesson.document().orElseThrow().title());
            // a second lookup reuses the jar's open file system
            assertEquals(root.path().toUri(), ContentRoot.fromMarker(marker).path().toUri());
        }
    }

    static void zip(Path base, Path jar, boolean folderEntries) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(base)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                String name = base.relativize(p).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    if (folderEntries) {
                        zip.putNextEntry(new ZipEntry(name + "/"));
                        zip.closeEntry();
                    }
                } else {
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(Files.readAllBytes(p));
                    zip.closeEntry();
                }
            }
        }
    }
}
