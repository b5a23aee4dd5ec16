package campus.courses;

import static campus.courses.TestCourses.COURSE_JSON;
import static campus.courses.TestCourses.goodCourse;
import static campus.courses.TestCourses.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import campus.i18n.Lang;
import campus.i18n.Problem;
import campus.i18n.Text;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CourseLoaderTest {

    @TempDir
    Path root;

    private Library load() {
        return CourseLoader.load(List.of(ContentRoot.folder(root)));
    }

    private List<String> problems() {
        return messages(load().problems());
    }

    static List<String> messages(List<Problem> problems) {
        return problems.stream().map(p -> p.format(Lang.EN)).toList();
    }

    private String at(String relative) {
        return root + "/" + relative;
    }

    @Test
    void goodCourseLoadsWithTitlesFromFrontMatterAndNoProblems() {
        goodCourse(root);
        Library lib = load();
        assertEquals(List.of(), lib.problems());
        Course c = lib.course("demo").orElseThrow();
        assertEquals(new Text("Demo", "演示"), c.title());
        assertEquals(Level.BEGINNER, c.level());
        assertEquals(List.of(new LessonInfo("01-one", new Text("One", "一")), new LessonInfo("02-two", new Text("Two", "二"))),
                c.lessons());
        LoadedLesson lesson = CourseLoader.loadLesson(c, "02-two", Lang.ZH);
        assertEquals(Lang.ZH, lesson.shownIn());
        assertEquals("二", lesson.document().orElseThrow().title());
        assertEquals(List.of(), lesson.problems());
    }

    @Test
    void coursesAreListedByTheirOrderThenByFolderNameWithUnorderedOnesLast() {
        for (String id : List.of("alpha", "beta", "gamma", "delta")) {
            Path dir = goodCourse(root.resolve("tmp-" + id));
            String order = switch (id) {
                case "gamma" -> "\"order\": 1,\n  ";
                case "delta", "beta" -> "\"order\": 5,\n  ";
                default -> "";
            };
            write(dir.resolve("course.json"), COURSE_JSON.replace("\"demo\"", "\"" + id + "\"").replace("\"level\"", order + "\"level\""));
            try {
                Files.move(dir, root.resolve(id));
                Files.delete(root.resolve("tmp-" + id));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Library lib = load();
        assertEquals(List.of(), lib.problems());
        assertEquals(List.of("gamma", "beta", "delta", "alpha"), lib.courses().stream().map(Course::id).toList());
    }

    @Test
    void aRootThatIsItselfACourseFolderLoadsThatCourse() {
        Path dir = goodCourse(root);
        Library lib = CourseLoader.load(List.of(ContentRoot.folder(dir)));
        assertEquals(List.of("demo"), lib.courses().stream().map(Course::id).toList());
        assertEquals(dir + "/course.json", lib.courses().get(0).display("course.json"));
    }

    static Stream<Arguments> brokenCourseJson() {
        return Stream.of(
                Arguments.of("missing comma", COURSE_JSON.replace("\"Demo\",", "\"Demo\""),
                        List.of("3: Malformed JSON: Unterminated object (column 27)")),
                Arguments.of("unquoted name", COURSE_JSON.replace("\"level\"", "level"),
                        List.of("5: Malformed JSON: not strict JSON (unquoted name or text, single quotes, a comment or a trailing comma?) (column 3)")),
                Arguments.of("cut short", COURSE_JSON.substring(0, COURSE_JSON.indexOf("\"level\"")),
                        List.of("5: Malformed JSON: the file ends before the JSON is complete (a missing } or ]?)")),
                Arguments.of("text after the object", COURSE_JSON + "}\n",
                        List.of("8: Malformed JSON: there is more text after the closing }")),
                Arguments.of("not an object", "[\"demo\"]\n",
                        List.of("1: course.json must hold one JSON object { … }")),
                Arguments.of("level of wrong type", COURSE_JSON.replace("\"beginner\"", "2"),
                        List.of("5: Field \"level\" must be a string \"…\"")),
                Arguments.of("unknown level", COURSE_JSON.replace("\"beginner\"", "\"expert\""),
                        List.of("5: Unknown level \"expert\": use beginner, intermediate or advanced")),
                Arguments.of("summary missing", COURSE_JSON.replace("  \"summary\": { \"en\": \"A demo.\", \"zh\": \"一个演示。\" },\n", ""),
                        List.of("1: Required field \"summary\" is missing")),
                Arguments.of("title not bilingual", COURSE_JSON.replace("{ \"en\": \"Demo\", \"zh\": \"演示\" }", "\"Demo\""),
                        List.of("3: Field \"title\" must be { \"en\": \"…\", \"zh\": \"…\" }", "1: Required field \"id\" is missing").subList(0, 1)),
                Arguments.of("Chinese title missing", COURSE_JSON.replace(", \"zh\": \"演示\"", ""),
                        List.of("3: Translation \"title.zh\" is missing or empty")),
                Arguments.of("English summary empty", COURSE_JSON.replace("\"A demo.\"", "\" \""),
                        List.of("4: Translation \"summary.en\" is missing or empty")),
                Arguments.of("lessons not a list", COURSE_JSON.replace("[\"01-one\", \"02-two\"]", "\"01-one\""),
                        List.of("6: Field \"lessons\" must be a list [ … ]")),
                Arguments.of("listed lesson missing", COURSE_JSON.replace("[\"01-one\", \"02-two\"]", "[\n    \"01-one\",\n    \"02-two\",\n    \"03-three\"\n  ]"),
                        List.of("9: Lesson folder \"03-three\" listed in \"lessons\" does not exist")),
                Arguments.of("lesson listed twice", COURSE_JSON.replace("\"02-two\"]", "\"02-two\", \"01-one\"]"),
                        List.of("6: Lesson \"01-one\" is listed twice")),
                Arguments.of("bad lesson entry", COURSE_JSON.replace("\"02-two\"]", "\"02-two\", 7]"),
                        List.of("6: Lesson entry 7 must be a folder name (a-z, 0-9, - and _)")),
                Arguments.of("id not the folder name", COURSE_JSON.replace("\"demo\"", "\"other\""),
                        List.of("2: Course id \"other\" must match its folder name \"demo\"")),
                Arguments.of("unknown field", COURSE_JSON.replace("\"level\"", "\"lesson\": [],\n  \"level\""),
                        List.of("5: Unknown field \"lesson\" (known fields: id, lessons, level, order, summary, title)")),
                Arguments.of("order not a number", COURSE_JSON.replace("\"level\"", "\"order\": \"first\",\n  \"level\""),
                        List.of("5: Bad order \"first\": use a whole number from 1 up (lower numbers come first in the course list)")),
                Arguments.of("order zero", COURSE_JSON.replace("\"level\"", "\"order\": 0,\n  \"level\""),
                        List.of("5: Bad order 0: use a whole number from 1 up (lower numbers come first in the course list)")),
                Arguments.of("order with a fraction", COURSE_JSON.replace("\"level\"", "\"order\": 1.5,\n  \"level\""),
                        List.of("5: Bad order 1.5: use a whole number from 1 up (lower numbers come first in the course list)")),
                Arguments.of("duplicate field", COURSE_JSON.replace("\"level\"", "\"id\": \"demo\",\n  \"level\""),
                        List.of("5: Field \"id\" is given twice; only the last one would count")),
                Arguments.of("unknown language", COURSE_JSON.replace("\"zh\": \"演示\"", "\"zh\": \"演示\", \"fr\": \"Démo\""),
                        List.of("3: Unknown language \"title.fr\": use \"en\" and \"zh\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCourseJson")
    void brokenCourseJsonIsReportedOnTheLineOfTheField(String name, String json, List<String> expected) {
        Path dir = goodCourse(root);
        write(dir.resolve("course.json"), json);
        List<String> want = expected.stream().map(e -> at("demo/course.json:") + e).toList();
        assertEquals(want, problems());
    }

    @Test
    void courseJsonNotUtf8IsReportedAtTheLineOfTheBadByte() {
        Path dir = goodCourse(root);
        byte[] gbk = COURSE_JSON.replace("演示", "\u0000").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(gbk, (byte) 0);
        gbk[at] = (byte) 0xD1;
        write(dir.resolve("course.json"), gbk);
        assertEquals(List.of(at("demo/course.json:3: File is not UTF-8 text (byte 0xD1 here); save it as UTF-8")), problems());
        assertEquals(List.of(), load().courses());
    }

    @Test
    void lessonNotUtf8IsReportedAtItsLineAndTheOtherLanguageIsShown() {
        Path dir = goodCourse(root);
        write(dir.resolve("01-one/lesson.zh.md"), new byte[] {'#', ' ', 'a', '\n', '\n', 'x', (byte) 0xC3, '(', '\n'});
        LoadedLesson lesson = CourseLoader.loadLesson(load().courses().get(0), "01-one", Lang.ZH);
        assertEquals(Lang.EN, lesson.shownIn());
        assertEquals(List.of(at("demo/01-one/lesson.zh.md:3: File is not UTF-8 text (byte 0xC3 here); save it as UTF-8")),
                messages(lesson.problems()));
    }

    @Test
    void hugeLessonIsRefusedWithItsSize() {
        Path dir = goodCourse(root);
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        write(dir.resolve("01-one/lesson.en.md"), big);
        LoadedLesson lesson = CourseLoader.loadLesson(load().courses().get(0), "01-one", Lang.EN);
        assertEquals(List.of(at("demo/01-one/lesson.en.md:0: File is 5120 KB; files over 1024 KB are not opened (split the lesson into several)")),
                messages(lesson.problems()));
        assertEquals(Lang.ZH, lesson.shownIn());
    }

    @Test
    void missingTranslationFallsBackToTheOtherLanguage() throws Exception {
        Path dir = goodCourse(root);
        Files.delete(dir.resolve("02-two/lesson.en.md"));
        LoadedLesson lesson = CourseLoader.loadLesson(load().courses().get(0), "02-two", Lang.EN);
        assertEquals(Lang.ZH, lesson.shownIn());
        assertEquals(List.of(at("demo/02-two/lesson.en.md:0: Translation missing: lesson.en.md does not exist, learners reading in this language see lesson.zh.md instead")),
                messages(lesson.problems()));
    }

    @Test
    void lessonWithNoFileAtAllGivesNoDocument() throws Exception {
        Path dir = goodCourse(root);
        Files.delete(dir.resolve("02-two/lesson.en.md"));
        Files.delete(dir.resolve("02-two/lesson.zh.md"));
        LoadedLesson lesson = CourseLoader.loadLesson(load().courses().get(0), "02-two", Lang.EN);
        assertTrue(lesson.document().isEmpty());
        assertEquals(List.of(at("demo/02-two/lesson.en.md:0: Lesson file is missing"), at("demo/02-two/lesson.zh.md:0: Lesson file is missing")),
                messages(lesson.problems()));
    }

    @Test
    void lessonFolderNotListedIsReported() {
        Path dir = goodCourse(root);
        TestCourses.lesson(dir, "03-extra", "Extra", "额外", "Text.");
        write(dir.resolve("images/a.txt"), "not a lesson folder");
        assertEquals(List.of(at("demo/03-extra:0: Lesson folder \"03-extra\" is not listed in course.json \"lessons\", so learners never see it")),
                problems());
    }

    @Test
    void duplicateCourseIdsAcrossRootsKeepTheFirst(@TempDir Path other) {
        goodCourse(root);
        goodCourse(other);
        Library lib = CourseLoader.load(List.of(ContentRoot.folder(root), ContentRoot.folder(other)));
        assertEquals(1, lib.courses().size());
        assertEquals(root.resolve("demo"), lib.courses().get(0).dir());
        assertEquals(List.of(other + "/demo/course.json:2: Course id \"demo\" is already used by " + root + "/demo/course.json; this course is skipped"),
                messages(lib.problems()));
    }

    @Test
    void anAuthorsCopyOfAShippedCourseShadowsItWithoutAProblem(@TempDir Path shipped) {
        goodCourse(root);
        goodCourse(shipped);
        Library lib = CourseLoader.load(List.of(ContentRoot.folder(root),
                new ContentRoot(shipped, ContentRoot.SHIPPED_DISPLAY)));
        assertEquals(List.of(root.resolve("demo")), lib.courses().stream().map(Course::dir).toList());
        assertEquals(List.of(), messages(lib.problems()));
    }

    @Test
    void brokenCourseIsSkippedAndOthersStillLoad() {
        goodCourse(root);
        write(root.resolve("broken/course.json"), "{");
        Library lib = load();
        assertEquals(List.of("demo"), lib.courses().stream().map(Course::id).toList());
        assertEquals(1, lib.problems().size());
    }

    @Test
    void folderWithoutCourseJsonIsReportedAndHiddenFoldersAreIgnored() {
        goodCourse(root);
        write(root.resolve("notes/readme.md"), "x");
        write(root.resolve(".git/config"), "x");
        assertEquals(List.of(at("notes:0: Folder has no course.json, so it is not a course (a course folder needs course.json next to its lesson folders)")),
                problems());
    }

    @Test
    void datasetsAndExamFoldersOfAContentRootAreNotCoursesWithoutCourseJson() {
        goodCourse(root);
        write(root.resolve("datasets/shop.sql"), "CREATE TABLE t (a INT);");
        write(root.resolve("final-exam/exam.json"), "{}");
        write(root.resolve("imported-bank/questions/q1.json"), "{}");
        assertEquals(List.of(), problems());
        assertEquals(List.of("demo"), load().courses().stream().map(Course::id).toList());
    }

    @Test
    void rootThatIsNotAFolderIsReported() {
        Path missing = root.resolve("nope");
        assertEquals(List.of(missing + ":0: Content folder does not exist or is not a folder"),
                messages(CourseLoader.load(List.of(ContentRoot.folder(missing))).problems()));
    }

    @Test
    void unreadableCourseFolderIsReportedAndSkipped() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "permissions do not bind root");
        Path dir = goodCourse(root);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
        try {
            assertEquals(List.of(at("demo:0: Course folder cannot be read (check its permissions); the course is skipped")), problems());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void courseJsonThatIsAFolderIsReported() throws Exception {
        Path dir = root.resolve("demo");
        Files.createDirectories(dir.resolve("course.json"));
        assertEquals(List.of(at("demo/course.json:0: File cannot be read (it is a folder)")), problems());
    }

    @Test
    void lessonTitleFallsBackToFirstHeadingThenFolderName() {
        Path dir = goodCourse(root);
        write(dir.resolve("01-one/lesson.en.md"), "Intro\n\n# From heading\n");
        write(dir.resolve("02-two/lesson.en.md"), "No heading at all\n");
        List<LessonInfo> lessons = load().courses().get(0).lessons();
        assertEquals("From heading", lessons.get(0).title().en());
        assertEquals("02-two", lessons.get(1).title().en());
    }

    @Test
    void courseJsonWithByteOrderMarkLoads() {
        Path dir = goodCourse(root);
        write(dir.resolve("course.json"), "\uFEFF" + COURSE_JSON);
        assertEquals(List.of(), load().problems());
        assertEquals(1, load().courses().size());
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
