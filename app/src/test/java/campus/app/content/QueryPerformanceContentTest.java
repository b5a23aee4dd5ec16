package campus.app.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped course Query Performance is complete in both languages: the lesson folders other content is tagged
 * with, both language files of every lesson, a quiz in every lesson, labs with hints and both languages, questions
 * with explanations, and Chinese paragraphs without line breaks (the renderer shows a line break as a space).
 */
class QueryPerformanceContentTest {

    private static final Path COURSE = Path.of("..", "courses", "content", "query-performance");
    private static final List<String> LESSONS = List.of("01-indexes", "02-reading-explain", "03-join-algorithms",
            "04-statistics", "05-pagination", "06-slow-query-patterns", "07-case-study");

    private static JsonObject json(Path p) throws IOException {
        return JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static void bothLanguages(List<String> problems, Path where, String field, JsonElement text) {
        for (String lang : List.of("en", "zh")) {
            if (text == null || !text.isJsonObject() || !text.getAsJsonObject().has(lang)
                    || text.getAsJsonObject().get(lang).getAsString().isBlank()) {
                problems.add(where.getFileName() + ": " + field + " lacks " + lang);
            }
        }
    }

    @Test
    void everyLessonLabAndQuestionIsThereInBothLanguages() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> order = new ArrayList<>();
        json(COURSE.resolve("course.json")).getAsJsonArray("lessons").forEach(e -> order.add(e.getAsString()));
        assertEquals(LESSONS, order);
        int labs = 0;
        int questions = 0;
        for (String lesson : LESSONS) {
            Path dir = COURSE.resolve(lesson);
            for (String lang : List.of("en", "zh")) {
                Path f = dir.resolve("lesson." + lang + ".md");
                if (!Files.exists(f)) {
                    problems.add(lesson + ": no lesson." + lang + ".md");
                    continue;
                }
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (!text.contains("```quiz ")) {
                    problems.add(lesson + "/lesson." + lang + ".md: no quiz");
                }
                if (lang.equals("zh")) {
                    chineseParagraphsOnOneLine(lesson, text, problems);
                }
            }
            try (Stream<Path> files = Files.list(dir.resolve("labs"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    labs++;
                    JsonObject lab = json(f);
                    bothLanguages(problems, f, "title", lab.get("title"));
                    bothLanguages(problems, f, "task", lab.get("task"));
                    if (!lab.has("hints") || lab.getAsJsonArray("hints").size() < 2) {
                        problems.add(f.getFileName() + ": fewer than two hints");
                    } else {
                        for (JsonElement h : lab.getAsJsonArray("hints")) {
                            bothLanguages(problems, f, "hint", h);
                        }
                    }
                    if (!Files.exists(f.resolveSibling(f.getFileName().toString().replace(".json", ".sql")))) {
                        problems.add(f.getFileName() + ": no reference solution");
                    }
                }
            } catch (IOException e) {
                problems.add(lesson + ": no labs folder");
            }
            try (Stream<Path> files = Files.list(dir.resolve("quizzes"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    for (JsonElement q : json(f).getAsJsonArray("questions")) {
                        questions++;
                        JsonObject o = q.getAsJsonObject();
                        bothLanguages(problems, f, o.get("id").getAsString() + ".prompt", o.get("prompt"));
                        bothLanguages(problems, f, o.get("id").getAsString() + ".explanation", o.get("explanation"));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(labs >= 8, "labs: " + labs);
        assertTrue(questions >= 30, "questions: " + questions);
    }

    private static final Pattern CJK_AT_LINE_END = Pattern.compile("[\\u3400-\\u9fff，。；：、）]\\n(?=[^\\s#|!`>\\-*\\d])");

    /** A paragraph line ending in Chinese followed by more paragraph text: the renderer would put a space there. */
    private static void chineseParagraphsOnOneLine(String lesson, String text, List<String> problems) {
        String outsideCode = text.replaceAll("(?s)```.*?```", "");
        Matcher m = CJK_AT_LINE_END.matcher(outsideCode);
        if (m.find()) {
            problems.add(lesson + "/lesson.zh.md: a Chinese paragraph breaks its line after “"
                    + outsideCode.substring(Math.max(0, m.start() - 10), m.start() + 1) + "”");
        }
    }
}
