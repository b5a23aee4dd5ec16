package campus.certification.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.TestSupport;
import campus.certification.TestSupport.FakeClock;
import campus.certification.attempt.ExamOutcome;
import campus.certification.attempt.ExamService;
import campus.certification.attempt.ExamSession;
import campus.certification.attempt.PresentedQuestion;
import campus.certification.bank.ExamMode;
import campus.certification.bank.LoadedExam;
import campus.certification.bank.Quiz;
import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.certification.model.Response;
import campus.certification.quiz.QuizSession;
import campus.certification.verify.RecordVerifier;
import campus.i18n.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchingLabelsTest {

    @TempDir
    Path data;
    LoadedExam exam;
    AnswerKey.MatchingKey key;
    ExamService service;

    @BeforeEach
    void setUp() throws IOException {
        // The all-types bank with every "misc" question drawn, so each form has the matching question.
        Path bank = data.resolve("bank");
        Files.createDirectories(bank.resolve("questions"));
        Path src = TestSupport.bankDir("all-types");
        Files.writeString(bank.resolve("exam.json"), Files.readString(src.resolve("exam.json")).replace("\"count\": 5", "\"count\": 6"));
        for (String f : List.of("choice.json", "misc.json")) {
            Files.copy(src.resolve("questions").resolve(f), bank.resolve("questions").resolve(f));
        }
        service = ExamService.create(data.resolve("data"), "app-sha", TestSupport.grader(), e -> { }, new FakeClock());
        exam = service.openFolder(bank);
        key = (AnswerKey.MatchingKey) exam.bank().get("mt1").key();
    }

    @Test
    void aPresentedMatchingQuestionExposesNoIdThatPairsALeftItemWithItsAnswer() {
        Set<String> authored = new HashSet<>();
        key.pairs().forEach(p -> authored.add(p.id()));
        key.distractors().forEach(d -> authored.add(d.id()));
        for (long seed = 0; seed < 50; seed++) {
            ExamForm form = FormGenerator.generate(exam.bank(), exam.blueprint(), seed, Set.of());
            FormItem item = form.item("mt1");
            PresentedQuestion p = PresentedQuestion.of(1, exam.bank().get("mt1"), item.points(), item.order());
            Set<String> leftIds = new HashSet<>();
            p.left().forEach(l -> leftIds.add(l.id()));
            for (PresentedQuestion.Part right : p.parts()) {
                assertFalse(authored.contains(right.id()), "right item shown with its authored id " + right.id());
                assertFalse(leftIds.contains(right.id()), "right id equals a left id: " + right.id());
            }
        }
    }

    @Test
    void rightItemsNeverStartInTheOrderOfTheirLeftItems() {
        Question q = exam.bank().get("mt1");
        List<String> pairOrder = key.pairs().stream().map(AnswerKey.Pair::id).toList();
        for (long seed = 0; seed < 300; seed++) {
            for (boolean shuffle : new boolean[] {true, false}) {
                List<String> order = FormGenerator.order(q, shuffle, FormGenerator.random(seed, "x"));
                assertNotEquals(pairOrder, order.subList(0, pairOrder.size()), "seed " + seed);
                assertEquals(4, new HashSet<>(order).size());
            }
        }
    }

    @Test
    void answeringByLabelsGradesRightAndTheRecordReGradesFromTheSeed() throws IOException {
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Ann");
        PresentedQuestion p = matching(s);
        s.answer(p.questionId(), rightByLabels(p));
        ExamOutcome o = s.submit();
        int at = s.questions().indexOf(p);
        assertTrue(o.result().orElseThrow().grades().get(at).correct());

        RecordVerifier.Report report = RecordVerifier.verify(Files.readString(o.record()), exam, TestSupport.grader(),
                java.util.Set.of());
        assertTrue(report.ok(), () -> report.findings().toString());
        assertTrue(report.regraded().orElseThrow().grades().get(at).correct());
    }

    @Test
    void answeringWithTheAuthoredPairIdsGradesWrong() {
        ExamSession s = service.start(exam, ExamMode.PRACTICE, "Ann");
        PresentedQuestion p = matching(s);
        Map<String, String> leftToOwnId = new HashMap<>();
        p.left().forEach(l -> leftToOwnId.put(l.id(), l.id()));
        s.answer(p.questionId(), new Response.Matching(leftToOwnId));
        assertFalse(s.submit().result().orElseThrow().grades().get(s.questions().indexOf(p)).correct());
    }

    @Test
    void theAttemptFileHoldsLabelsNotTheAnswer() throws IOException {
        ExamSession s = service.start(exam, ExamMode.PRACTICE, "Ann");
        PresentedQuestion p = matching(s);
        s.answer(p.questionId(), rightByLabels(p));
        String file = new String(java.util.Base64.getDecoder().decode(com.google.gson.JsonParser.parseString(
                Files.readString(service.store().attemptFile(s.attemptId()))).getAsJsonObject().get("payload").getAsString()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(file.contains("\"p1\":\"p1\""), file);
        assertTrue(file.contains("\"p1\":\"#"), file);
    }

    @Test
    void aLessonQuizPresentsLabelsToo() {
        Quiz quiz = new Quiz("q-match", Text.same("Match"), "c", "01-x", List.of(exam.bank().get("mt1")), "test");
        QuizSession s = new QuizSession(quiz, TestSupport.grader(), e -> { }, 7, Clock.systemUTC());
        PresentedQuestion p = s.questions().get(0);
        p.parts().forEach(part -> assertTrue(part.id().startsWith("#"), part.id()));
        assertTrue(s.answer("mt1", rightByLabels(p)).grade().correct());
        assertFalse(s.answer("mt1", new Response.Matching(Map.of("p1", "p1", "p2", "p2", "p3", "p3"))).grade().correct());
    }

    @Test
    void anythingButALabelOfTheQuestionLeavesTheLeftItemUnmatched() {
        List<String> order = List.of("p2", "x1", "p1");
        Response.Matching r = MatchingLabels.toAuthored(order,
                new Response.Matching(Map.of("p1", "#3", "p2", "#9", "p3", "#0", "p4", "#01", "p5", "p1")));
        assertEquals(Map.of("p1", "p1"), r.matches());
    }

    private static PresentedQuestion matching(ExamSession s) {
        return s.questions().stream().filter(q -> q.typeCode().equals("matching")).findFirst().orElseThrow();
    }

    /** What a candidate who knows the answer picks on screen: the right item whose text belongs to the left item. */
    private Response.Matching rightByLabels(PresentedQuestion p) {
        Map<String, String> m = new HashMap<>();
        for (AnswerKey.Pair pair : key.pairs()) {
            m.put(pair.id(), p.parts().stream().filter(part -> part.text().equals(pair.right())).findFirst().orElseThrow().id());
        }
        return new Response.Matching(m);
    }
}
