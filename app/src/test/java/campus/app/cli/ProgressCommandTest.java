package campus.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.courses.ContentRoot;
import campus.progress.LearningEvent;
import campus.progress.store.ProgressStore;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressCommandTest {

    @TempDir
    Path data;
    @TempDir
    Path content;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** On the test course alone ({@code --content} replaces the shipped courses), unless the test names others. */
    private int run(String... args) {
        try {
            campus.app.progress.ProgressContent.write(content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> all = new java.util.ArrayList<>(List.of(args));
        if (all.get(0).equals("progress") && !all.contains("--content")) {
            all.add("--content");
            all.add(content.toString());
        }
        return Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void learnerDidSomeWork() {
        try (ProgressStore s = ProgressStore.open(data)) {
            s.record(LearningEvent.now(LearningEvent.LESSON_OPENED, "ptest/01-one", Map.of()));
            s.record(LearningEvent.now(LearningEvent.LESSON_COMPLETED, "ptest/01-one", Map.of()));
            s.record(LearningEvent.now(LearningEvent.LAB_ATTEMPT, "ptest-lab-1", Map.of("passed", false, "score", 0)));
            s.record(LearningEvent.now(LearningEvent.LAB_ATTEMPT, "ptest-lab-1", Map.of("passed", true, "score", 10)));
            s.record(LearningEvent.now(LearningEvent.LESSON_COMPLETED, "ptest/02-two", Map.of()));
            s.record(LearningEvent.now(LearningEvent.LAB_ATTEMPT, "ptest-lab-2", Map.of("passed", false, "score", 0)));
            s.record(LearningEvent.now(LearningEvent.QUIZ_ANSWER, "ptest-q1", Map.of("quizId", "ptest-quiz", "correct", true)));
            s.record(LearningEvent.now(LearningEvent.QUIZ_ANSWER, "ptest-q2", Map.of("quizId", "ptest-quiz", "correct", false)));
            s.record(new LearningEvent(UUID.randomUUID(), LearningEvent.EXAM_RESULT, "pcta-practice", Instant.now(),
                    Map.of("score", 16.5, "max", 20.0, "passed", true, "mode", "practice", "counted", true)));
        }
    }

    @Test
    void printsCoursesLessonsLabsQuizzesExamsAndTheStreak() {
        learnerDidSomeWork();
        assertEquals(0, run("progress", "--data", data.toString()));
        String o = out();
        assertTrue(o.startsWith("Progress in " + data + " (9 events)\n"), o);
        assertTrue(o.contains("Course ptest: 50% (1 of 2 lessons done)\n"
                + "    ✓ Lesson 01-one — done\n"
                + "      Lesson 02-two — read to the end; labs still to pass\n"), o);
        assertTrue(o.contains("Labs: 1 of 2 passed\n"
                + "    ✓ ptest-lab-1 — best score 10 of 10; attempts: 2, passed: 1\n"
                + "    ptest-lab-2 — best score 0 of 10; attempts: 1, passed: 0\n"), o);
        assertTrue(o.contains("Quiz results by topic (1):\n    ptest-quiz: 1 of 2 right\n"), o);
        assertTrue(o.contains("Exams (1):\n"), o);
        assertTrue(o.contains("  pcta-practice — 16.5 of 20, passed (practice)\n"), o);
        assertTrue(o.endsWith("Streak: 1 days in a row (longest: 1)\n"), o);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void inChinese() {
        learnerDidSomeWork();
        assertEquals(0, run("progress", "--data", data.toString(), "--lang", "zh"));
        assertTrue(out().contains("课程 ptest：50%（已完成 2 课中的 1 课）\n"
                + "    ✓ 课时 01-one — 已完成\n"), out());
        assertTrue(out().contains("按主题的测验结果（1）：\n    ptest-quiz：2 题中答对 1 题\n"), out());
    }

    @Test
    void jsonForScripts() {
        learnerDidSomeWork();
        assertEquals(0, run("progress", "--json", "--data", data.toString()));
        JsonObject o = JsonParser.parseString(out()).getAsJsonObject();
        assertEquals(9, o.get("events").getAsInt());
        JsonObject course = null;
        for (JsonElement c : o.getAsJsonArray("courses")) {
            if (c.getAsJsonObject().get("id").getAsString().equals("ptest")) {
                course = c.getAsJsonObject();
            }
        }
        assertEquals(50, course.get("percent").getAsInt());
        JsonArray lessons = course.getAsJsonArray("lessons");
        assertEquals("done", lessons.get(0).getAsJsonObject().get("state").getAsString());
        assertEquals("read", lessons.get(1).getAsJsonObject().get("state").getAsString());
        assertEquals("ptest-lab-2", lessons.get(1).getAsJsonObject().getAsJsonArray("labs").get(0).getAsString());
        JsonObject lab = null;
        for (JsonElement l : o.getAsJsonArray("labs")) {
            if (l.getAsJsonObject().get("id").getAsString().equals("ptest-lab-1")) {
                lab = l.getAsJsonObject();
            }
        }
        assertTrue(lab.get("passed").getAsBoolean());
        assertEquals(10, lab.get("bestScore").getAsInt());
        assertEquals(2, lab.get("attempts").getAsInt());
        assertEquals(JsonParser.parseString("[{\"topic\":\"ptest-quiz\",\"answered\":2,\"correct\":1}]"), o.get("quizTopics"));
        JsonObject exam = o.getAsJsonArray("exams").get(0).getAsJsonObject();
        assertEquals(16.5, exam.get("score").getAsDouble());
        assertTrue(exam.get("passed").getAsBoolean());
        assertEquals(1, o.getAsJsonObject("streak").get("current").getAsInt());
    }

    @Test
    void aFolderWithoutProgressShowsNoneAndStaysUntouched() {
        Path none = data.resolve("nobody");
        assertEquals(0, run("progress", "--data", none.toString()));
        assertTrue(out().startsWith("Progress in " + none + " (0 events)\n"), out());
        assertTrue(out().contains("Course ptest: 0% (0 of 2 lessons done)\n"), out());
        assertFalse(Files.exists(none), "reading progress creates nothing");
    }

    @Test
    void usageAndUnreadableStores() throws Exception {
        assertEquals(2, run("progress", "--bogus"));
        assertEquals("Usage: campus progress [--data DIR] [--content DIR]… [--json] [--lang zh]\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("progress", "--data"));
        err.reset();
        Files.writeString(data.resolve("events.jsonl"), "");
        Files.writeString(data.resolve("progress"), "a file where the store's folder should be");
        assertEquals(1, run("progress", "--data", data.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("The progress store " + data.resolve("progress/store.mv.db")
                + " cannot be opened: "), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedContentIsTheDefault() {
        assertEquals(0, Cli.run(List.of("progress", "--data", data.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        for (campus.courses.Course c : campus.courses.CourseLoader.load(List.of(ContentRoot.shipped())).courses()) {
            assertTrue(out().contains(c.title().in(campus.i18n.Lang.EN) + ": 0% (0 of " + c.lessons().size() + " lessons done)\n"), out());
        }
        assertFalse(out().contains("Course ptest"), out());
    }
}
