package campus.courses.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.courses.ContentRoot;
import campus.i18n.Lang;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseValidatorTest {

    @TempDir
    Path root;
    Path course;

    @BeforeEach
    void writeCourse() throws IOException {
        course = root.resolve("demo");
        write("course.json", """
                {
                  "id": "demo",
                  "title": { "en": "Demo", "zh": "演示" },
                  "summary": { "en": "A demo.", "zh": "一个演示。" },
                  "level": "beginner",
                  "lessons": ["01-one", "02-two"]
                }
                """);
        write("01-one/lesson.en.md", "# One\n\n## Part\n\nSee [two](../02-two/#details).\n\n```lab first-select\n```\n");
        write("01-one/lesson.zh.md", "# 一\n\n## 部分\n\n见[二](../02-two/#细节)。\n\n```lab first-select\n```\n");
        write("02-two/lesson.en.md", "# Two\n\n## Details\n\nBack to [one](../01-one/#part).\n\n```quiz check\n```\n");
        write("02-two/lesson.zh.md", "# 二\n\n## 细节\n\n回到[一](../01-one/#部分)。\n\n```quiz check\n```\n");
    }

    private void write(String relative, String text) throws IOException {
        Path f = course.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private List<String> validate(CourseValidator.Embeds embeds) {
        return CourseValidator.validate(List.of(ContentRoot.folder(root)), embeds).stream()
                .map(p -> p.format(Lang.EN)).toList();
    }

    private List<String> validate() {
        return validate(CourseValidator.Embeds.UNCHECKED);
    }

    private String at(String relative) {
        return course + "/" + relative;
    }

    @Test
    void cleanCourseHasNoProblems() {
        assertEquals(List.of(), validate());
        assertEquals(List.of(), validate(CourseValidator.Embeds.of(Set.of("first-select"), Set.of("check"))));
    }

    @Test
    void shippedContentValidatesWithoutProblems() {
        assertEquals(List.of(), CourseValidator.validate(List.of(ContentRoot.shipped()), CourseValidator.Embeds.UNCHECKED)
                .stream().map(p -> p.format(Lang.EN)).toList());
    }

    @Test
    void shippedContentValidatesFromTheSourceFolderToo() {
        Path source = Path.of("content");
        assertEquals(List.of(), CourseValidator.validate(List.of(ContentRoot.folder(source)), CourseValidator.Embeds.UNCHECKED)
                .stream().map(p -> p.format(Lang.EN)).toList());
    }

    @Test
    void unknownEmbedsAreReportedOnceTheIdsAreKnown() {
        assertEquals(List.of(at("01-one/lesson.en.md:7: Embedded lab \"first-select\" does not exist"),
                at("01-one/lesson.zh.md:7: Embedded lab \"first-select\" does not exist"),
                at("02-two/lesson.en.md:7: Embedded quiz \"check\" does not exist"),
                at("02-two/lesson.zh.md:7: Embedded quiz \"check\" does not exist")),
                validate(CourseValidator.Embeds.of(Set.of(), Set.of())));
    }

    @Test
    void linkToAHeadingOfAnotherLessonIsCheckedInTheSameLanguage() throws IOException {
        // the Chinese lesson links to the English anchor, which the Chinese version of 02-two does not have
        write("01-one/lesson.zh.md", "# 一\n\n## 部分\n\n见[二](../02-two/#details)。\n\n```lab first-select\n```\n");
        assertEquals(List.of(at("01-one/lesson.zh.md:5: Link \"../02-two/#details\" points to a heading that lesson \"02-two\" does not have in this language")),
                validate());
    }

    @Test
    void missingTranslationIsReportedOnceForTheMissingFile() throws IOException {
        Files.delete(course.resolve("02-two/lesson.zh.md"));
        assertEquals(List.of(at("02-two/lesson.zh.md:0: Translation missing: lesson.zh.md does not exist, learners reading in this language see lesson.en.md instead")),
                validate());
    }

    @Test
    void differentBlockStructureIsReportedAtTheFirstDifference() throws IOException {
        write("02-two/lesson.zh.md", "# 二\n\n## 细节\n\n回到[一](../01-one/#部分)。\n\n多出来的一段。\n\n```quiz check\n```\n");
        assertEquals(List.of(at("02-two/lesson.zh.md:7: Structure differs from lesson.en.md: block 4 is \u201C多出来的一段。\u201D here but ```quiz check there (line 7); the app keeps the reading place across languages by block number, so both versions need the same blocks")),
                validate());
    }

    @Test
    void differentHeadingLevelIsAStructureDifference() throws IOException {
        write("02-two/lesson.zh.md", "# 二\n\n### 细节\n\n回到[一](../01-one/#部分)。\n\n```quiz check\n```\n");
        assertEquals(List.of(
                at("02-two/lesson.zh.md:3: Heading level jumps from 1 to 3: use level 1 + 1 (the outline and screen readers rely on it)"),
                at("02-two/lesson.zh.md:3: Structure differs from lesson.en.md: block 2 is ### 细节 here but ## Details there (line 3); the app keeps the reading place across languages by block number, so both versions need the same blocks")),
                validate());
    }

    @Test
    void shorterAndLongerTranslationsAreReported() throws IOException {
        write("01-one/lesson.zh.md", "# 一\n\n## 部分\n\n见[二](../02-two/#细节)。\n");
        write("02-two/lesson.zh.md", "# 二\n\n## 细节\n\n回到[一](../01-one/#部分)。\n\n```quiz check\n```\n\n---\n");
        assertEquals(List.of(
                at("01-one/lesson.zh.md:5: Structure differs from lesson.en.md: this version ends after 3 blocks but lesson.en.md goes on with ```lab first-select at line 7; the app keeps the reading place across languages by block number"),
                at("02-two/lesson.zh.md:10: Structure differs from lesson.en.md: block 5 (---) has no counterpart there, it ends after 4 blocks; the app keeps the reading place across languages by block number")),
                validate());
    }

    @Test
    void differentEmbedIdsAcrossLanguagesAreReported() throws IOException {
        write("02-two/lesson.zh.md", "# 二\n\n## 细节\n\n回到[一](../01-one/#部分)。\n\n```quiz chek\n```\n");
        assertEquals(List.of(at("02-two/lesson.zh.md:7: Structure differs from lesson.en.md: block 4 is ```quiz chek here but ```quiz check there (line 7); the app keeps the reading place across languages by block number, so both versions need the same blocks")),
                validate());
    }

    @Test
    void missingImageIsReportedOnItsLine() throws IOException {
        write("01-one/lesson.en.md", "# One\n\n## Part\n\nSee [two](../02-two/#details).\n![diagram](../images/none.png)\n\n```lab first-select\n```\n");
        assertEquals(List.of(at("01-one/lesson.en.md:6: Image \"../images/none.png\" does not exist")), validate());
    }
}
