package campus.certification.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.TestSupport;
import campus.certification.attempt.ExamService;
import campus.certification.attempt.ExamSession;
import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.certification.bank.SqlReferenceCheck;
import campus.i18n.Lang;
import campus.i18n.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped question banks: complete in both languages, covering the three courses, deep enough for the forms. */
class ShippedBankTest {

    /** The lessons of the three courses, whose topics the banks are filed and tagged by. */
    static final Map<String, List<String>> COURSES = new LinkedHashMap<>();

    static {
        COURSES.put("sql-fundamentals", List.of("01-select-and-filter", "02-sort-and-page", "03-aggregation", "04-joins",
                "05-subqueries-and-ctes", "06-window-functions", "07-modifying-data", "08-ddl-types-constraints",
                "09-transactions"));
        COURSES.put("query-performance", List.of("01-indexes", "02-reading-explain", "03-join-algorithms", "04-statistics",
                "05-pagination", "06-slow-query-patterns", "07-case-study"));
        COURSES.put("distributed-sql", List.of("01-architecture", "02-pd-and-tso", "03-keys", "04-regions-and-raft",
                "05-mvcc", "06-transactions", "07-htap", "08-scale-and-failure"));
    }

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @TempDir
    Path data;

    static List<LoadedExam> shippedExams() throws IOException {
        List<LoadedExam> exams = new ArrayList<>();
        for (String id : Files.readAllLines(TestSupport.shippedContent().resolve("exams.txt"), StandardCharsets.UTF_8)) {
            if (!id.isBlank()) {
                exams.add(ExamLoader.load(BankFiles.read(TestSupport.shippedContent().resolve(id.trim())), Optional.empty()));
            }
        }
        return exams;
    }

    private static LoadedExam pcta() throws IOException {
        return shippedExams().stream().filter(e -> e.id().equals("pcta-practice")).findFirst().orElseThrow();
    }

    /** Written in each language: the Chinese has Chinese in it, the English has none, and they differ. */
    private static void bothLanguages(Text t, String what) {
        assertTrue(t.has(Lang.EN) && !t.en().isBlank(), what + ": no English");
        assertTrue(t.has(Lang.ZH) && !t.zh().isBlank(), what + ": no Chinese");
        assertTrue(HAN.matcher(t.zh()).find(), what + ": the Chinese text has no Chinese in it: " + t.zh());
        assertTrue(!HAN.matcher(t.en()).find(), what + ": the English text has Chinese in it: " + t.en());
    }

    @Test
    void everyQuestionHasBothLanguagesAndAnExplanation() throws IOException {
        int questions = 0;
        for (LoadedExam e : shippedExams()) {
            bothLanguages(e.blueprint().title(), e.id() + " title");
            for (Question q : e.bank().questions()) {
                bothLanguages(q.prompt(), q.id() + " prompt");
                bothLanguages(q.explanation(), q.id() + " explanation");
                assertTrue(q.explanation().en().length() >= 40, q.id() + ": the explanation says too little: " + q.explanation().en());
                if (q.key() instanceof AnswerKey.ChoiceKey c) {
                    for (AnswerKey.Option o : c.options()) {
                        assertTrue(o.text().complete(), q.id() + " option " + o.id() + " lacks a language");
                        // options are shown as plain text: Markdown would show as raw marks
                        assertTrue(!o.text().en().contains("`") && !o.text().zh().contains("`"),
                                q.id() + " option " + o.id() + " has Markdown code marks: " + o.text().en());
                    }
                }
                questions++;
            }
        }
        assertTrue(questions >= 200, "only " + questions + " questions ship");
    }

    @Test
    void theBankIsFiledAndTaggedByCourseAndLesson() throws IOException {
        LoadedExam e = pcta();
        Map<String, Integer> perLesson = new LinkedHashMap<>();
        for (Question q : e.bank().questions()) {
            assertEquals(2, q.topics().size(), q.id() + " " + q.topics());
            // the course first: it is the primary topic, so the result chart has one bar per course
            String course = q.topics().get(0);
            String lesson = q.topics().get(1);
            assertTrue(COURSES.containsKey(course), q.id() + ": unknown course " + course);
            assertTrue(lesson.startsWith(course + "/") && COURSES.get(course).contains(lesson.substring(course.length() + 1)),
                    q.id() + ": unknown lesson " + lesson);
            assertTrue(q.source().endsWith("/questions/" + lesson.replace('/', '.') + ".json"),
                    q.id() + " is filed in " + q.source());
            perLesson.merge(lesson, 1, Integer::sum);
        }
        COURSES.forEach((course, lessons) -> lessons.forEach(l ->
                assertTrue(perLesson.getOrDefault(course + "/" + l, 0) >= 6, course + "/" + l + " has " + perLesson.get(course + "/" + l))));
        assertTrue(e.bank().questions().stream().map(Question::difficulty).distinct().count() == 3, "all three difficulties are used");
    }

    @Test
    void thePctaBankAloneHoldsTwoHundredQuestionsSomeOfThemSql() throws IOException {
        // the certification bank the issue asks for is this exam's, not the sum of every shipped exam
        List<Question> bank = pcta().bank().questions();
        assertTrue(bank.size() >= 200, "pcta-practice holds only " + bank.size() + " questions");
        long sql = bank.stream().filter(q -> q.key() instanceof AnswerKey.SqlKey).count();
        assertTrue(sql >= 3, "pcta-practice holds only " + sql + " SQL questions graded by the labs checker");
    }

    @Test
    void thePctaFormHoldsThreeTimesOverInEverySection() throws IOException {
        LoadedExam e = pcta();
        assertEquals(List.of(26, 24), e.blueprint().sections().stream().map(Section::count).toList());
        assertEquals(Duration.ofMinutes(60), e.blueprint().timeLimit());
        for (Section s : e.blueprint().sections()) {
            int pool = s.pool(e.bank().questions()).size();
            assertTrue(pool >= 3 * s.count(), s.id() + ": " + pool + " questions for 3 × " + s.count());
        }
    }

    @Test
    void threeAttemptsInARowOfTheShippedPracticeExamNeverRepeatAQuestion() throws IOException {
        LoadedExam e = pcta();
        TestSupport.FakeClock clock = new TestSupport.FakeClock();
        ExamService service = ExamService.create(data, "app-sha", TestSupport.grader(), ev -> { }, clock);
        List<List<String>> forms = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ExamSession s = service.start(e, ExamMode.PRACTICE, "Ann");
            forms.add(s.questions().stream().map(p -> p.questionId()).toList());
            s.submit();
            clock.advance(Duration.ofHours(2));
        }
        for (int i = 0; i + 2 < forms.size(); i++) {
            Set<String> window = new HashSet<>();
            forms.subList(i, i + 3).forEach(window::addAll);
            assertEquals(150, window.size(), "attempts " + (i + 1) + " to " + (i + 3) + " repeat a question");
        }
    }

    @Test
    void everySqlQuestionsReferencePassesTheLabsChecker() throws IOException {
        long sql = shippedExams().stream().flatMap(e -> e.bank().questions().stream())
                .filter(q -> q.key() instanceof AnswerKey.SqlKey).count();
        assertTrue(sql >= 15, "only " + sql + " SQL questions");
        assertEquals(List.of(), SqlReferenceCheck.validate(List.of(TestSupport.shippedContent()), List.of()));
    }
}
