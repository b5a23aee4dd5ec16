package campus.certification.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.TestSupport;
import campus.i18n.BundleCheck;
import campus.i18n.Lang;
import campus.i18n.Problem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentValidatorTest {

    @TempDir
    Path tmp;

    private static final String GOOD_Q = """
            {"id": "%s", "type": "single", "topics": ["t"], "difficulty": "easy",
             "prompt": {"en": "P", "zh": "题"},
             "options": [{"id": "a", "text": {"en": "A", "zh": "甲"}, "correct": true}, {"id": "b", "text": {"en": "B", "zh": "乙"}}],
             "explanation": {"en": "E", "zh": "解"}}""";

    private Path exam(String examJson, String... questionFiles) throws IOException {
        Path dir = tmp.resolve("ex");
        Files.createDirectories(dir.resolve("questions"));
        Files.writeString(dir.resolve("exam.json"), examJson);
        for (int i = 0; i < questionFiles.length; i++) {
            Files.writeString(dir.resolve("questions/f" + i + ".json"), questionFiles[i]);
        }
        return dir;
    }

    private static String blueprint(int count) {
        return """
                {"id": "ex", "title": {"en": "T", "zh": "题"}, "timeLimitMinutes": 10, "pass": {"percent": 60},
                 "sections": [{"id": "s", "title": {"en": "S", "zh": "部"}, "count": %d}],
                 "topics": {"t": {"en": "Topic", "zh": "主题"}}}""".formatted(count);
    }

    /** A blueprint drawing two questions, whose "topics" object holds {@code members} from its fourth line on. */
    private static String twoQuestionExamWithTopics(String members) {
        return """
                {"id": "ex", "title": {"en": "T", "zh": "题"}, "timeLimitMinutes": 10, "pass": {"percent": 60},
                 "sections": [{"id": "s", "title": {"en": "S", "zh": "部"}, "count": 2}],
                 "topics": {
                """ + members + "\n}}";
    }

    private static List<String> render(List<Problem> ps) {
        return ps.stream().map(p -> p.format(Lang.EN)).toList();
    }

    @Test
    void shippedContentHasNoProblems() {
        List<Problem> ps = ContentValidator.validate(List.of(TestSupport.shippedContent()), List.of());
        assertEquals(List.of(), render(ps));
    }

    @Test
    void shippedExamIsInPctaFormat() throws IOException {
        LoadedExam e = ExamLoader.load(BankFiles.read(TestSupport.shippedContent().resolve("pcta-practice")), Optional.empty());
        assertTrue(e.blueprint().sections().stream().allMatch(s -> s.points().orElse(0) == 2));
        assertEquals(60, e.blueprint().pass().value());
        assertTrue(e.blueprint().pass().percent());
        assertEquals(List.of(26, 24), e.blueprint().sections().stream().map(Section::count).toList());
        assertEquals(java.time.Duration.ofMinutes(60), e.blueprint().timeLimit());
    }

    @Test
    void fixtureBankHasNoProblems() {
        assertEquals(List.of(), render(ContentValidator.validate(List.of(TestSupport.bankDir("all-types")), List.of())));
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        Path dir = exam(blueprint(1), "[\n" + GOOD_Q.formatted("q1") + ",\n  {\"id\": \"q2\" \"type\": \"single\"}\n]");
        List<String> ps = render(ContentValidator.validate(List.of(dir), List.of()));
        assertTrue(ps.stream().anyMatch(p -> p.matches(".*f0\\.json:6: Malformed JSON: Unterminated object \\(column 15\\)")), ps.toString());
    }

    @Test
    void aKeyGivenTwiceRefusesTheFileAtTheSecondOne() throws IOException {
        Path dir = exam(blueprint(1), "[\n" + GOOD_Q.formatted("q1").replace("\"type\": \"single\",", "\"type\": \"single\",\n \"type\": \"multiple\",") + "\n]");
        List<String> ps = render(ContentValidator.validate(List.of(dir), List.of()));
        assertTrue(ps.stream().anyMatch(p -> p.matches(".*f0\\.json:3: Malformed JSON: duplicate key \"type\" \\(column 8\\)")), ps.toString());
    }

    @Test
    void questionWithoutCorrectAnswerDuplicateIdsUnknownTypeAndMissingTranslation() throws IOException {
        String noCorrect = GOOD_Q.formatted("q2").replace("\"correct\": true", "\"correct\": false");
        String unknown = GOOD_Q.formatted("q3").replace("\"single\"", "\"essay\"");
        String untranslated = GOOD_Q.formatted("q4").replace("\"zh\": \"题\"", "\"zh\": \"\"");
        Path dir = exam(blueprint(1), "[" + GOOD_Q.formatted("q1") + "," + noCorrect + "," + unknown + "," + untranslated + "]",
                "[\n" + GOOD_Q.formatted("q1") + "]");
        List<String> ps = render(ContentValidator.validate(List.of(dir), List.of()));
        assertTrue(ps.stream().anyMatch(p -> p.contains("f0.json:4: Question \"q2\" has no correct answer")), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.contains("f0.json:7: Unknown question type \"essay\"")), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.contains("f0.json:11: \"prompt\" has no \"zh\" text")), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.matches(".*f1\\.json:2: Duplicate question id \"q1\" \\(first at .*f0\\.json:1\\)")), ps.toString());
    }

    /** Moodle's weights of 33.33333 % pass; a sum short of full says its real value, in both languages. */
    @Test
    void weightsAreCheckedWithinRoundingAndTheSumIsShownUnrounded() throws IOException {
        String thirds = """
                {"id": "%s", "type": "%s", "topics": ["t"], "difficulty": "easy", "scoring": "weighted",
                 "prompt": {"en": "P", "zh": "题"},
                 "options": [{"id": "a", "text": {"en": "A", "zh": "甲"}, "weight": %s},
                             {"id": "b", "text": {"en": "B", "zh": "乙"}, "weight": %s},
                             {"id": "c", "text": {"en": "C", "zh": "丙"}, "weight": %s}],
                 "explanation": {"en": "E", "zh": "解"}}""";
        Path dir = exam(blueprint(1), "[" + thirds.formatted("ok", "multiple", 0.3333333, 0.3333333, 0.3333333) + ",\n"
                + thirds.formatted("short", "multiple", 0.3333, 0.3333, 0.3333) + ",\n"
                + thirds.formatted("one", "single", 0.9, 0.5, 0) + ",\n"
                + thirds.formatted("two", "single", 1, 1, 0.5) + "]");
        List<Problem> ps = ContentValidator.validate(List.of(dir), List.of());
        assertEquals(List.of(
                "f0.json:9: The positive weights of question \"short\" add up to 0.9999, so nobody can earn full points",
                "f0.json:15: No option of single-choice question \"one\" has full weight (the highest is 0.9), so nobody can earn full points"),
                ps.stream().map(p -> p.format(Lang.EN).substring(p.format(Lang.EN).indexOf("f0.json"))).toList());
        assertEquals(List.of(
                "f0.json:9: 题目“short”的正权重之和为 0.9999，任何人都无法得到满分",
                "f0.json:15: 单选题“one”没有满权重的选项（最高为 0.9），任何人都无法得到满分"),
                ps.stream().map(p -> p.format(Lang.ZH).substring(p.format(Lang.ZH).indexOf("f0.json"))).toList());
    }

    @Test
    void feedbackFieldsPatternsAndZeroCreditAreReadAndCheckedForTypos() throws IOException {
        String q = """
                {"id": "f", "type": "fill-in", "topics": ["t"], "difficulty": "easy",
                 "prompt": {"en": "P", "zh": "题"},
                 "accept": [{"text": "a", "feedback": {"en": "Yes", "zh": "对"}}, {"pattern": "*", "credit": 0,
                             "feedback": {"en": "No", "zh": "不对"}}, {"text": "b", "credit": 1.5}],
                 "outcomeFeedback": {"correct": {"en": "C", "zh": "对"}, "incorect": {"en": "I", "zh": "错"}},
                 "explanation": {"en": "E", "zh": "解"}}""";
        List<String> ps = render(ContentValidator.validate(List.of(exam(blueprint(1), "[" + q + "]")), List.of()))
                .stream().filter(p -> p.contains("f0.json")).toList();
        assertEquals(2, ps.size(), ps.toString());
        assertTrue(ps.get(0).endsWith("f0.json:4: Credit must lie between 0 (a wrong answer with feedback) and 1, not 1.5"), ps.get(0));
        assertTrue(ps.get(1).endsWith("f0.json:5: Unknown field \"incorect\" (allowed here: correct, incorrect, partial)"), ps.get(1));
    }

    @Test
    void drawAskingForMoreThanTheBankHas() throws IOException {
        Path dir = exam(blueprint(3), "[" + GOOD_Q.formatted("q1") + "," + GOOD_Q.formatted("q2") + "]");
        List<String> ps = render(ContentValidator.validate(List.of(dir), List.of()));
        assertEquals(1, ps.size(), ps.toString());
        assertTrue(ps.get(0).matches(".*exam\\.json:2: Section \"s\" draws 3 questions but the bank has only 2 that match it"), ps.get(0));
    }

    @Test
    void overlappingSectionsThatMayRunShort() throws IOException {
        String bp = """
                {"id": "ex", "title": {"en": "T", "zh": "题"}, "timeLimitMinutes": 10, "pass": {"points": 1},
                 "sections": [{"id": "any", "title": {"en": "S", "zh": "部"}, "count": 2},
                              {"id": "easy", "title": {"en": "S", "zh": "部"}, "count": 2, "difficulties": ["easy"]}]}""";
        Path dir = exam(bp, "[" + GOOD_Q.formatted("q1") + "," + GOOD_Q.formatted("q2") + "," + GOOD_Q.formatted("q3") + "]");
        List<String> ps = render(ContentValidator.validate(List.of(dir), List.of()));
        assertTrue(ps.stream().anyMatch(p -> p.contains("Section \"easy\" draws 2 questions but, after earlier sections")), ps.toString());
    }

    @Test
    void blueprintTyposAndBadValues() throws IOException {
        String bp = """
                {"id": "ex", "title": {"en": "T", "zh": "题"}, "timeLimitMinutes": 0, "pass": {"percent": 160},
                 "onTimeout": "explode", "shufle": true,
                 "sections": [{"id": "s", "title": {"en": "S", "zh": "部"}, "count": 1}]}""";
        List<String> ps = render(ContentValidator.validate(List.of(exam(bp, "[" + GOOD_Q.formatted("q1") + "]")), List.of()));
        assertTrue(ps.stream().anyMatch(p -> p.contains("exam.json:1: The time limit")), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.contains("exam.json:1: \"pass\" needs")), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.contains("exam.json:2: Unknown onTimeout \"explode\"")), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.contains("exam.json:2: Unknown field \"shufle\"")), ps.toString());
    }

    @Test
    void topicsNeedNamesInBothLanguagesAndNamesNeedQuestions() throws IOException {
        String bp = twoQuestionExamWithTopics("""
                   "t": {"en": "Topic"},
                   "joins": {"en": "Joins", "zh": "连接"}""");
        String other = GOOD_Q.formatted("q2").replace("[\"t\"]", "[\"sql\", \"t\"]");
        Path dir = exam(bp, "[" + GOOD_Q.formatted("q1") + ",\n" + other + "]");
        List<String> ps = render(ContentValidator.validate(List.of(dir), List.of()));
        assertEquals(3, ps.size(), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.contains("exam.json:4: \"t\" has no \"zh\" text")), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.contains("exam.json:5: Topic \"joins\" has a name but no question uses it")), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.matches(
                ".*exam\\.json:3: Topic \"sql\" \\(used by question \"q2\" at .*f0\\.json:5\\) has no name.*")), ps.toString());
        assertTrue(ExamLoader.check(BankFiles.read(dir)).blueprint().isPresent(), "names are presentation: the rest still reads");
    }

    @Test
    void twoTopicsWithOneNameAreReportedPerLanguage() throws IOException {
        String bp = twoQuestionExamWithTopics("""
                   "t": {"en": "Joins", "zh": "连接"},
                   "sql": {"en": "joins ", "zh": "SQL 基础"}""");
        String other = GOOD_Q.formatted("q2").replace("[\"t\"]", "[\"sql\"]");
        Path dir = exam(bp, "[" + GOOD_Q.formatted("q1") + ",\n" + other + "]");
        List<String> ps = render(ContentValidator.validate(List.of(dir), List.of()));
        assertEquals(List.of(dir.resolve("exam.json") + ":5: Topics \"sql\" and \"t\" have the same \"en\" name \"joins\":"
                + " the result chart could not tell them apart"), ps);
    }

    @Test
    void anExamWithoutTopicNamesIsReportedOnItsFirstLineAndScreensFallBackToIds() throws IOException {
        String bp = """
                {"id": "ex", "title": {"en": "T", "zh": "题"}, "timeLimitMinutes": 10, "pass": {"percent": 60},
                 "sections": [{"id": "s", "title": {"en": "S", "zh": "部"}, "count": 1}]}""";
        Path dir = exam(bp, "[" + GOOD_Q.formatted("q1") + "]");
        List<String> ps = render(ContentValidator.validate(List.of(dir), List.of()));
        assertEquals(1, ps.size(), ps.toString());
        assertTrue(ps.get(0).contains("exam.json:1: Topic \"t\""), ps.toString());
        Blueprint b = ExamLoader.check(BankFiles.read(dir)).blueprint().orElseThrow();
        assertEquals("t", b.topicName("t").in(Lang.ZH));
        BankFiles files = BankFiles.read(dir);
        assertThrows(ContentException.class, () -> ExamLoader.load(files, Optional.empty()));
    }

    @Test
    void shippedExamNamesEveryTopicInBothLanguages() throws IOException {
        LoadedExam e = ExamLoader.load(BankFiles.read(TestSupport.shippedContent().resolve("pcta-practice")), Optional.empty());
        assertEquals("Joins", e.blueprint().topicName("sql-fundamentals/04-joins").in(Lang.EN));
        assertEquals("连接", e.blueprint().topicName("sql-fundamentals/04-joins").in(Lang.ZH));
        e.bank().questions().forEach(q -> q.topics().forEach(t ->
                assertTrue(e.blueprint().topicNames().get(t).complete(), t)));
    }

    @Test
    void shippedContentLoadsFromInsideAJar() throws IOException {
        Path jar = tmp.resolve("content.jar");
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of("create", "true"));
             Stream<Path> files = Files.walk(TestSupport.shippedContent())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = zip.getPath("/campus/certification/content", TestSupport.shippedContent().relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path root = zip.getPath("/campus/certification/content");
            assertEquals(List.of(), render(ContentValidator.validate(List.of(root), List.of())));
            LoadedExam fromJar = ExamLoader.load(BankFiles.read(root.resolve("pcta-practice")), Optional.empty());
            LoadedExam fromDir = ExamLoader.load(BankFiles.read(TestSupport.shippedContent().resolve("pcta-practice")), Optional.empty());
            assertEquals(fromDir.bankSha256(), fromJar.bankSha256());
        }
    }

    @Test
    void shippedContentIsOnTheClassPath() throws IOException {
        assertTrue(Files.isRegularFile(ShippedContent.examsRoot().resolve("pcta-practice/exam.json")));
    }

    @Test
    void quizzesAreFoundInLessonsAndChecked() throws IOException {
        Path lesson = tmp.resolve("courses/sql-101/02-joins/quizzes");
        Files.createDirectories(lesson);
        Files.writeString(lesson.resolve("joins-check.json"), """
                {"id": "joins-check", "title": {"en": "Joins", "zh": "连接"}, "questions": [%s]}""".formatted(GOOD_Q.formatted("jq1")));
        Files.writeString(lesson.resolve("bad.json"), """
                {"id": "other", "title": {"en": "Bad", "zh": "坏"}, "questions": []}""");
        QuizCatalog c = QuizCatalog.scan(List.of(tmp.resolve("courses")));
        assertEquals(1, c.quizzes().size());
        Quiz q = c.find("joins-check").orElseThrow();
        assertEquals("sql-101", q.courseId());
        assertEquals("02-joins", q.lesson());
        List<String> ps = render(c.problems());
        assertTrue(ps.stream().anyMatch(p -> p.contains("bad.json:1: Quiz id \"other\" differs from its file name")), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.contains("bad.json:1: Quiz \"other\" has no usable questions")), ps.toString());
    }

    @Test
    void messageBundlesAreCompleteAndUsed() {
        assertEquals(List.of(), BundleCheck.problems("campus.certification.messages", List.of(Path.of("src/main/java")), Set.of()));
    }
}
