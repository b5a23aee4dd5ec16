package campus.courses.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonCacheTest {

    @TempDir
    Path tmp;

    private static final Executor NOW = Runnable::run;
    private static final String LESSON = """
            ---
            title: One
            ---
            # One

            See ![a diagram](img/diagram.png) and [the next lesson](../02-two/#joins).

            ```sql
            SELECT 1;
            ```
            """;

    private final Set<String> files = new HashSet<>(Set.of("01-one/img/diagram.png"));
    private final Set<String> anchors = new HashSet<>(Set.of("02-two#joins"));

    private LessonContext ctx(String path, Set<String> slugs) {
        return new LessonContext(path, "01-one", slugs, files::contains, (slug, anchor) -> anchors.contains(slug + "#" + anchor));
    }

    private LessonContext ctx() {
        return ctx("demo/01-one/lesson.en.md", Set.of("01-one", "02-two"));
    }

    private Path lessonFile() {
        return tmp.resolve("content/demo/01-one/lesson.en.md");
    }

    private LessonCache cache(String build) {
        return new LessonCache(tmp.resolve("cache"), NOW, build);
    }

    /** The first shipped course of the class path. */
    private static campus.courses.Course shippedCourse() {
        return campus.courses.CourseLoader.load(List.of(campus.courses.ContentRoot.shipped())).courses().get(0);
    }

    @Test
    void aShippedLessonComesFromTheBuildsEntryOnFirstUse() throws IOException {
        campus.courses.Course course = shippedCourse();
        String slug = course.lessons().get(0).slug();
        for (campus.i18n.Lang lang : campus.i18n.Lang.values()) {
            LessonCache cache = cache("b1");
            campus.courses.LoadedLesson loaded = campus.courses.CourseLoader.loadLesson(course, slug, lang, cache);
            assertEquals(List.of(1, 0), List.of(cache.hits(), cache.misses()), lang.code());
            assertEquals(campus.courses.CourseLoader.loadLesson(course, slug, lang).document(), loaded.document());
            assertEquals(0, count(), "nothing to write: the jar has it");
        }
    }

    @Test
    void aShippedEntryHoldsOnlyForItsTextAndItsBuild() throws IOException {
        campus.courses.Course course = shippedCourse();
        String slug = course.lessons().get(0).slug();
        Path file = course.lessonFile(slug, campus.i18n.Lang.EN);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        LessonContext ctx = campus.courses.CourseLoader.lessonContext(course, slug, campus.i18n.Lang.EN, (o, a) -> true);
        LessonCache cache = cache("b1");
        cache.parse(file, text, ctx);
        assertEquals(1, cache.hits());
        // an edited copy of the text: no entry of the build matches it
        cache.parse(file, text + "\nOne more line.\n", ctx);
        assertEquals(1, cache.misses());
        // entries of another build of the parser are not used
        LessonCache other = new LessonCache(tmp.resolve("other"), NOW, "b1", "another build");
        other.parse(file, text, ctx);
        assertEquals(List.of(0, 1), List.of(other.hits(), other.misses()));
        // nor by a context that answers otherwise (here: another source path)
        LessonCache third = cache("b1");
        third.parse(file, text, new LessonContext("elsewhere/lesson.en.md", ctx.lessonSlug(), ctx.lessonSlugs(),
                ctx.courseFileExists(), ctx.lessonHasAnchor()));
        assertEquals(List.of(0, 1), List.of(third.hits(), third.misses()));
    }

    @Test
    void aLessonReadBeforeComesFromItsEntryAndEqualsAFreshParse() {
        LessonCache cache = cache("b1");
        LessonDocument first = cache.parse(lessonFile(), LESSON, ctx());
        assertEquals(List.of(0, 1), List.of(cache.hits(), cache.misses()));
        LessonDocument second = cache.parse(lessonFile(), LESSON, ctx());
        assertEquals(List.of(1, 1), List.of(cache.hits(), cache.misses()));
        assertEquals(LessonParser.parse(LESSON, ctx()), second);
        assertEquals(first, second);
        // another cache on the same folder (the next start) reads it too
        LessonCache next = cache("b1");
        assertEquals(first, next.parse(lessonFile(), LESSON, ctx()));
        assertEquals(1, next.hits());
    }

    @Test
    void anEditedLessonIsParsedAgain() {
        LessonCache cache = cache("b1");
        cache.parse(lessonFile(), LESSON, ctx());
        String edited = LESSON.replace("# One", "# One, edited");
        LessonDocument doc = cache.parse(lessonFile(), edited, ctx());
        assertEquals(LessonParser.parse(edited, ctx()), doc);
        assertEquals(2, cache.misses());
        assertEquals(doc, cache.parse(lessonFile(), edited, ctx()));
        assertEquals(1, cache.hits());
    }

    @Test
    void anImageThatDisappearsOrAppearsIsSeen() {
        LessonCache cache = cache("b1");
        LessonDocument withImage = cache.parse(lessonFile(), LESSON, ctx());
        files.clear();
        LessonDocument without = cache.parse(lessonFile(), LESSON, ctx());
        assertEquals(2, cache.misses());
        assertNotEquals(withImage.problems(), without.problems(), "the missing image is reported");
        assertEquals(LessonParser.parse(LESSON, ctx()), without);
        files.add("01-one/img/diagram.png");
        assertEquals(withImage, cache.parse(lessonFile(), LESSON, ctx()));
        assertEquals(3, cache.misses());
    }

    @Test
    void anotherLessonsAnchorsAndTheCoursesLessonsAreAskedAgain() {
        LessonCache cache = cache("b1");
        cache.parse(lessonFile(), LESSON, ctx());
        anchors.clear();
        assertEquals(LessonParser.parse(LESSON, ctx()), cache.parse(lessonFile(), LESSON, ctx()));
        assertEquals(2, cache.misses());
        LessonContext withoutTwo = ctx("demo/01-one/lesson.en.md", Set.of("01-one"));
        assertEquals(LessonParser.parse(LESSON, withoutTwo), cache.parse(lessonFile(), LESSON, withoutTwo));
        assertEquals(3, cache.misses());
    }

    @Test
    void problemsNameTheFileAsTheCallerDoes() {
        LessonCache cache = cache("b1");
        files.clear();
        cache.parse(lessonFile(), LESSON, ctx());
        LessonContext renamed = ctx("/home/author/demo/01-one/lesson.en.md", Set.of("01-one", "02-two"));
        LessonDocument doc = cache.parse(lessonFile(), LESSON, renamed);
        assertEquals(2, cache.misses());
        assertTrue(doc.problems().stream().allMatch(p -> p.path().startsWith("/home/author/")), doc.problems().toString());
    }

    @Test
    void anotherBuildOfTheParserStartsOver() {
        cache("b1").parse(lessonFile(), LESSON, ctx());
        LessonCache rebuilt = cache("b2");
        rebuilt.parse(lessonFile(), LESSON, ctx());
        assertEquals(List.of(0, 1), List.of(rebuilt.hits(), rebuilt.misses()));
    }

    @Test
    void aDamagedEntryIsParsedAgainAndRewritten() throws IOException {
        LessonCache cache = cache("b1");
        LessonDocument good = cache.parse(lessonFile(), LESSON, ctx());
        Path entry = onlyEntry();
        byte[] bytes = Files.readAllBytes(entry);
        for (byte[] damage : List.of(new byte[0], "garbage".getBytes(StandardCharsets.UTF_8),
                java.util.Arrays.copyOf(bytes, bytes.length / 2), flipLast(bytes))) {
            Files.write(entry, damage);
            assertEquals(good, cache.parse(lessonFile(), LESSON, ctx()));
            assertEquals(good, cache.parse(lessonFile(), LESSON, ctx()), "rewritten, then read");
        }
        assertEquals(4, cache.hits());
        assertEquals(5, cache.misses());
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyMeansParsing() throws IOException {
        Files.writeString(tmp.resolve("cache"), "a file where the folder should be");
        LessonCache cache = cache("b1");
        assertEquals(LessonParser.parse(LESSON, ctx()), cache.parse(lessonFile(), LESSON, ctx()));
        assertEquals(LessonParser.parse(LESSON, ctx()), cache.parse(lessonFile(), LESSON, ctx()));
        assertEquals(2, cache.misses());
    }

    @Test
    void writingHappensOnTheWriterNotTheCaller() throws IOException {
        List<Runnable> queued = new java.util.ArrayList<>();
        LessonCache cache = new LessonCache(tmp.resolve("cache"), queued::add, "b1");
        cache.parse(lessonFile(), LESSON, ctx());
        assertTrue(Files.notExists(tmp.resolve("cache")), "nothing written on the caller's thread");
        assertEquals(1, queued.size());
        queued.get(0).run();
        cache.parse(lessonFile(), LESSON, ctx());
        assertEquals(1, cache.hits());
    }

    @Test
    void theRunningParserHasABuild() {
        assertTrue(LessonCache.parserBuild() != null && LessonCache.parserBuild().startsWith(LessonCodec.VERSION + "|"));
    }

    private long count() throws IOException {
        if (!Files.isDirectory(tmp.resolve("cache"))) {
            return 0;
        }
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            return s.count();
        }
    }

    @Test
    void theBuildShipsAnEntryForEveryShippedLessonAndItsBuildId() {
        assertTrue(LessonCache.shippedBuild() != null && LessonCache.shippedBuild().length() == 64);
        campus.courses.Course course = shippedCourse();
        for (campus.courses.LessonInfo l : course.lessons()) {
            for (campus.i18n.Lang lang : campus.i18n.Lang.values()) {
                String text = read(course.lessonFile(l.slug(), lang));
                assertTrue(LessonCache.class.getResource(LessonCache.shippedEntryName(text)) != null, l.slug() + " " + lang);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path onlyEntry() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            List<Path> entries = s.toList();
            assertEquals(1, entries.size(), entries.toString());
            return entries.get(0);
        }
    }

    private static byte[] flipLast(byte[] bytes) {
        byte[] b = bytes.clone();
        b[b.length - 1] ^= 0x5a;
        return b;
    }
}
