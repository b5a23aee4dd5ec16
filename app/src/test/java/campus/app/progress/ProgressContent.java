package campus.app.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A content folder for the progress tests, independent of the shipped courses: course {@code ptest} with two long
 * lessons, {@code 01-one} with lab {@code ptest-lab-1} and {@code 02-two} with lab {@code ptest-lab-2} (both on the
 * bundled bookshop dataset, 10 points each).
 */
public final class ProgressContent {

    private ProgressContent() {
    }

    public static void write(Path root) throws IOException {
        Path course = Files.createDirectories(root.resolve("ptest"));
        Files.writeString(course.resolve("course.json"), "{\n  \"id\": \"ptest\",\n"
                + "  \"title\": {\"en\": \"Course ptest\", \"zh\": \"课程 ptest\"},\n"
                + "  \"summary\": {\"en\": \"About ptest\", \"zh\": \"关于 ptest\"},\n"
                + "  \"level\": \"beginner\",\n  \"lessons\": [\"01-one\", \"02-two\"]\n}\n");
        lesson(course.resolve("01-one"), "ptest-lab-1");
        lesson(course.resolve("02-two"), "ptest-lab-2");
    }

    private static void lesson(Path dir, String lab) throws IOException {
        String slug = dir.getFileName().toString();
        for (String[] l : new String[][] {{"en", "Lesson " + slug, "Section"}, {"zh", "课时 " + slug, "小节"}}) {
            StringBuilder md = new StringBuilder("---\ntitle: " + l[1] + "\n---\n# " + l[1] + "\n\n");
            for (int i = 1; i <= 30; i++) {
                md.append("## ").append(l[2]).append(' ').append(i).append("\n\n").append((l[2] + " text. ").repeat(40)).append("\n\n");
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("lesson." + l[0] + ".md"), md.toString());
        }
        Path labs = Files.createDirectories(dir.resolve("labs"));
        Files.writeString(labs.resolve(lab + ".json"), "{\n  \"id\": \"" + lab + "\",\n"
                + "  \"title\": {\"en\": \"Cheap books\", \"zh\": \"便宜的书\"},\n"
                + "  \"task\": {\"en\": \"Title and price of the books under 10, cheapest first.\", \"zh\": \"价格低于 10 的书的书名和价格，便宜的在前。\"},\n"
                + "  \"dataset\": \"bookshop\",\n  \"check\": \"result\",\n  \"options\": {\"ordered\": true},\n  \"points\": 10\n}\n");
        Files.writeString(labs.resolve(lab + ".sql"), "SELECT title, price FROM books WHERE price < 10 ORDER BY price, title;\n");
    }
}
