package campus.courses;

import static campus.courses.TestCourses.goodCourse;
import static campus.courses.TestCourses.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import campus.i18n.Lang;
import campus.i18n.Text;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's index of the shipped lessons' titles: used inside the app's jar when it vouches for every lesson file,
 * and never the source of a wrong title (an edited lesson, a missing, damaged or foreign index all read the files).
 */
class LessonTitlesTest {

    private static final String BUILD = "build-of-this-test";
    private static final List<LessonInfo> DEMO = List.of(new LessonInfo("01-one", new Text("One", "一")),
            new LessonInfo("02-two", new Text("Two", "二")));

    @TempDir
    Path tmp;

    /** A shipped content folder as the build leaves it (course, then the title index beside it); returns the content folder. */
    private Path classes() throws IOException {
        Path content = tmp.resolve("classes/content");
        write(content.resolve("README.md"), "marker");
        goodCourse(content);
        writeIndex(content);
        return content;
    }

    /** What {@code ShippedLessons} writes for {@code content}, with this test's build id. */
    private static byte[] writeIndex(Path content) throws IOException {
        byte[] index = LessonTitles.encode(BUILD, ShippedLessons.titles(content,
                CourseLoader.load(List.of(new ContentRoot(content, ContentRoot.SHIPPED_DISPLAY)))));
        write(content.getParent().resolve(LessonTitles.RESOURCE), index);
        return index;
    }

    /** The folder packaged as the app's jar is. */
    private Path jar(Path content) throws IOException {
        Path jar = tmp.resolve("app-" + System.nanoTime() + ".jar");
        ContentRootTest.zip(content.getParent(), jar, true);
        return jar;
    }

    /** The library of the jar's shipped content, with the index read for {@code build}; {@code used} gets the index. */
    private static Library loadShipped(Path jar, String build, List<LessonTitles> used) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(jar)) {
            ContentRoot root = new ContentRoot(fs.getPath("/content"), ContentRoot.SHIPPED_DISPLAY);
            return CourseLoader.load(List.of(root), r -> {
                LessonTitles t = LessonTitles.read(r.path(), build);
                used.add(t);
                return t;
            });
        }
    }

    @Test
    void insideTheJarEveryTitleComesFromTheIndex() throws IOException {
        List<LessonTitles> used = new ArrayList<>();
        Library lib = loadShipped(jar(classes()), BUILD, used);
        assertEquals(List.of(), lib.problems());
        assertEquals(DEMO, lib.course("demo").orElseThrow().lessons());
        assertEquals(4, used.get(0).hits(), "no lesson file read for its title");
        assertEquals(0, used.get(0).misses());
    }

    @Test
    void anEditedLessonTitleChangesTheIndexAndAStaleIndexIsNotTrustedForIt() throws IOException {
        Path content = classes();
        byte[] before = Files.readAllBytes(content.getParent().resolve(LessonTitles.RESOURCE));
        // the author edits a title after the index was made; the jar is packed with the old index
        Path zh = content.resolve("demo/02-two/lesson.zh.md");
        write(zh, Files.readString(zh).replace("二", "第二课"));
        List<LessonTitles> used = new ArrayList<>();
        Library lib = loadShipped(jar(content), BUILD, used);
        assertEquals(List.of(new LessonInfo("01-one", new Text("One", "一")), new LessonInfo("02-two", new Text("Two", "第二课"))),
                lib.course("demo").orElseThrow().lessons());
        assertEquals(3, used.get(0).hits());
        assertEquals(1, used.get(0).misses(), "the edited file is read, not taken from the index");

        // the build's index of the edited content has the new title (and so differs)
        byte[] after = writeIndex(content);
        assertFalse(Arrays.equals(before, after));
        assertEquals("第二课", LessonTitles.decode(after, BUILD).get("demo/02-two/lesson.zh.md").title());
        used.clear();
        lib = loadShipped(jar(content), BUILD, used);
        assertEquals("第二课", lib.course("demo").orElseThrow().lessons().get(1).title().zh());
        assertEquals(4, used.get(0).hits());
    }

    @Test
    void aTitleEditKeepingTheFileSizeIsStillSeen() throws IOException {
        Path content = classes();
        Path en = content.resolve("demo/01-one/lesson.en.md");
        write(en, Files.readString(en).replace("title: One", "title: Uno"));
        List<LessonTitles> used = new ArrayList<>();
        Library lib = loadShipped(jar(content), BUILD, used);
        assertEquals("Uno", lib.course("demo").orElseThrow().lessons().get(0).title().en());
        assertEquals(1, used.get(0).misses());
    }

    @Test
    void withoutAnIndexTitlesAreReadFromTheFiles() throws IOException {
        Path content = classes();
        Files.delete(content.getParent().resolve(LessonTitles.RESOURCE));
        List<LessonTitles> used = new ArrayList<>();
        Library lib = loadShipped(jar(content), BUILD, used);
        assertEquals(List.of(), lib.problems());
        assertEquals(DEMO, lib.course("demo").orElseThrow().lessons());
        assertSame(LessonTitles.NONE, used.get(0));
    }

    @Test
    void aDamagedIndexIsNotUsedAndLosesNoTitle() throws IOException {
        Path content = classes();
        Path indexFile = content.getParent().resolve(LessonTitles.RESOURCE);
        byte[] good = Files.readAllBytes(indexFile);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x20;
        for (byte[] damaged : List.of(flipped, Arrays.copyOf(good, good.length - 7), new byte[0], "not an index".getBytes())) {
            write(indexFile, damaged);
            List<LessonTitles> used = new ArrayList<>();
            Library lib = loadShipped(jar(content), BUILD, used);
            assertEquals(List.of(), lib.problems());
            assertEquals(DEMO, lib.course("demo").orElseThrow().lessons());
            assertSame(LessonTitles.NONE, used.get(0));
        }
    }

    @Test
    void anIndexOfAnotherBuildIsNotUsed() throws IOException {
        List<LessonTitles> used = new ArrayList<>();
        Library lib = loadShipped(jar(classes()), "another build", used);
        assertEquals(DEMO, lib.course("demo").orElseThrow().lessons());
        assertSame(LessonTitles.NONE, used.get(0));
        assertNull(LessonTitles.read(tmp.resolve("classes/content"), null).title(tmp.resolve("x")).orElse(null));
    }

    @Test
    void outsideAJarTheIndexIsNotUsed() throws IOException {
        // a folder (target/classes when run from the build) has no CRC to check the index against: files are read
        Path content = classes();
        assertSame(LessonTitles.NONE, LessonTitles.read(content, BUILD));
        List<LessonTitles> used = new ArrayList<>();
        Library lib = CourseLoader.load(List.of(new ContentRoot(content, ContentRoot.SHIPPED_DISPLAY)), r -> {
            LessonTitles t = CourseLoader.titles(r);
            used.add(t);
            return t;
        });
        assertEquals(DEMO, lib.course("demo").orElseThrow().lessons());
        assertSame(LessonTitles.NONE, used.get(0));
    }

    @Test
    void anAuthorsFolderNeverUsesAnIndex() throws IOException {
        Path content = classes();
        assertSame(LessonTitles.NONE, CourseLoader.titles(ContentRoot.folder(content)));
        // inside a jar too: only the shipped root is looked up
        try (FileSystem fs = FileSystems.newFileSystem(jar(content))) {
            assertSame(LessonTitles.NONE, CourseLoader.titles(new ContentRoot(fs.getPath("/content"), "opened.jar")));
            assertEquals(DEMO, CourseLoader.load(List.of(new ContentRoot(fs.getPath("/content"), "opened.jar")))
                    .course("demo").orElseThrow().lessons());
        }
    }

    /** The index this build ships: made by the running build, with the title, size and CRC of every shipped lesson file. */
    @Test
    void theBuildShipsTheTitleOfEveryShippedLesson() throws IOException {
        ContentRoot shipped = ContentRoot.shipped();
        String build = LessonTitles.runningBuild();
        assertNotNull(build);
        Map<String, LessonTitles.Entry> index = LessonTitles.decode(
                Files.readAllBytes(shipped.path().getParent().resolve(LessonTitles.RESOURCE)), build);
        assertNotNull(index, "the shipped index is whole and made by this build");
        int lessons = 0;
        for (Course course : CourseLoader.load(List.of(shipped)).courses()) {
            for (LessonInfo lesson : course.lessons()) {
                for (Lang lang : Lang.values()) {
                    Path file = course.lessonFile(lesson.slug(), lang);
                    LessonTitles.Entry e = index.get(LessonTitles.key(shipped.path().relativize(file)));
                    assertEquals(LessonTitles.entry(Files.readAllBytes(file), CourseLoader.frontTitle(course.dir(), lesson.slug(), lang)),
                            e, file.toString());
                    assertEquals(lang == Lang.EN ? lesson.title().en() : lesson.title().zh(), e.title());
                    lessons++;
                }
            }
        }
        assertEquals(lessons, index.size());
    }

    /** The shipped content and index packed as the app's jar packs them: every title from the index, the same titles. */
    @Test
    void theShippedCoursesInAJarTakeEveryTitleFromTheIndex() throws IOException {
        ContentRoot shipped = ContentRoot.shipped();
        Path classes = shipped.path().getParent();
        Path copy = tmp.resolve("packed");
        for (Path from : List.of(shipped.path(), classes.resolve(LessonTitles.RESOURCE))) {
            try (var files = Files.walk(from)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path to = copy.resolve(classes.relativize(p).toString());
                    if (Files.isRegularFile(p)) {
                        Files.createDirectories(to.getParent());
                        Files.copy(p, to);
                    }
                }
            }
        }
        Path jar = tmp.resolve("courses.jar");
        ContentRootTest.zip(copy, jar, false);
        List<LessonTitles> used = new ArrayList<>();
        Library packed = loadShipped(jar, LessonTitles.runningBuild(), used);
        Library fromFolder = CourseLoader.load(List.of(shipped));
        assertEquals(fromFolder.courses().stream().map(Course::lessons).toList(), packed.courses().stream().map(Course::lessons).toList());
        int files = fromFolder.courses().stream().mapToInt(c -> c.lessons().size()).sum() * Lang.values().length;
        assertEquals(files, used.get(0).hits());
        assertEquals(0, used.get(0).misses());
    }

    @Test
    void theIndexReadsBackWhatWasWritten() throws IOException {
        Map<String, LessonTitles.Entry> entries = Map.of("a/b/lesson.en.md", new LessonTitles.Entry(12, 0xFFFFFFFFL, "Ünïcode 标题"),
                "a/c/lesson.zh.md", new LessonTitles.Entry(0, 0, ""));
        byte[] bytes = LessonTitles.encode(BUILD, entries);
        assertEquals(entries, LessonTitles.decode(bytes, BUILD));
        assertArrayEquals(bytes, LessonTitles.encode(BUILD, new java.util.TreeMap<>(entries)), "the same bytes for the same titles");
        // a title too long to store is left out: read from its file
        assertEquals(Map.of("a", new LessonTitles.Entry(1, 1, "x")), LessonTitles.decode(LessonTitles.encode(BUILD,
                Map.of("a", new LessonTitles.Entry(1, 1, "x"), "b", new LessonTitles.Entry(1, 1, "标".repeat(30000)))), BUILD));
    }
}
