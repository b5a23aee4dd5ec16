package campus.app.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Content folders for the shell tests: a good course, and one of each defect an author can make. */
final class TestContent {

    static final int SECTIONS = 30;

    private TestContent() {
    }

    static void goodCourse(Path root) throws IOException {
        course(root, "good", "\"lessons\": [\"01-one\", \"02-two\", \"03-three\"]");
        for (String slug : new String[] {"01-one", "02-two", "03-three"}) {
            lesson(root.resolve("good").resolve(slug), "en", "Lesson " + slug, "English section");
            lesson(root.resolve("good").resolve(slug), "zh", "课时 " + slug, "中文小节");
        }
    }

    /** Long lessons: many headings and paragraphs, so the reading position is worth keeping. */
    static void lesson(Path dir, String lang, String title, String word) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder("---\ntitle: " + title + "\n---\n# " + title + "\n\n");
        for (int i = 1; i <= SECTIONS; i++) {
            md.append("## ").append(word).append(' ').append(i).append("\n\n");
            md.append((word + " " + i + " text. ").repeat(30)).append("\n\n");
        }
        Files.writeString(dir.resolve("lesson." + lang + ".md"), md.toString());
    }

    static void course(Path root, String id, String lessons) throws IOException {
        Path dir = Files.createDirectories(root.resolve(id));
        Files.writeString(dir.resolve("course.json"), "{\n  \"id\": \"" + id + "\",\n"
                + "  \"title\": {\"en\": \"Course " + id + "\", \"zh\": \"课程 " + id + "\"},\n"
                + "  \"summary\": {\"en\": \"About " + id + "\", \"zh\": \"关于 " + id + "\"},\n"
                + "  \"level\": \"intermediate\",\n  " + lessons + "\n}\n");
    }

    static void brokenCourses(Path root) throws IOException {
        Path bad = Files.createDirectories(root.resolve("bad-json"));
        Files.writeString(bad.resolve("course.json"), "{\n  \"id\": \"bad-json\",\n  \"title\": {\"en\": \"x\" \"zh\": \"y\"}\n}\n");

        course(root, "half", "\"lessons\": [\"01-only-en\"]");
        lesson(root.resolve("half/01-only-en"), "en", "Only English", "English only");

        course(root, "huge", "\"lessons\": [\"01-big\"]");
        Path big = Files.createDirectories(root.resolve("huge/01-big"));
        String para = "This paragraph repeats to make a five megabyte lesson. ".repeat(20) + "\n\n";
        StringBuilder sb = new StringBuilder("# Big\n\n");
        while (sb.length() < 5 * 1024 * 1024) {
            sb.append(para);
        }
        Files.writeString(big.resolve("lesson.en.md"), sb);
        Files.writeString(big.resolve("lesson.zh.md"), sb);
    }
}
