package campus.certification.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.certification.TestSupport;
import campus.certification.bank.LoadedExam;
import campus.certification.form.ExamForm;
import campus.certification.form.FormGenerator;
import campus.certification.form.FormItem;
import campus.certification.model.AnswerKey;
import campus.certification.model.Response;
import campus.i18n.Lang;
import campus.i18n.Text;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bank-format rules imported questions rely on, written by hand in {@code banks/moodle-rules}: a
 * bank that opens (no problem at all), graded through the grader exams use, with the feedback a learner
 * reads for each response, in both languages.
 */
class BankRulesTest {

    static LoadedExam exam;

    @BeforeAll
    static void load() throws IOException {
        exam = TestSupport.load("moodle-rules");
    }

    private static QuestionGrade grade(String id, Response r) {
        return Grader.withoutSql().grade(exam.bank().get(id), r, 2);
    }

    private static String said(QuestionGrade g, Lang lang) {
        return String.join(" | ", g.answerFeedback().stream().map(t -> t.in(lang)).toList());
    }

    private static Response.Choice chose(String ids) {
        return new Response.Choice(ids.isBlank() ? List.of() : Arrays.asList(ids.split(" ")));
    }

    @Test
    void singleChoiceWithWeightsGradesTheChosenOption() {
        QuestionGrade a = grade("single-weighted", chose("a"));
        assertEquals(1, a.fraction());
        assertEquals(2, a.earned());
        assertEquals("Well done.", said(a, Lang.EN));
        QuestionGrade b = grade("single-weighted", chose("b"));
        assertEquals(1, b.fraction(), "two options of full weight are both right, as in Moodle");
        assertEquals("Yes, a CTE. | Well done.", said(b, Lang.EN));
        assertEquals("对，公用表表达式。 | 很好。", said(b, Lang.ZH));
        QuestionGrade c = grade("single-weighted", chose("c"));
        assertEquals(0.5, c.fraction());
        assertEquals(QuestionGrade.Outcome.PARTIAL, c.outcome());
        assertEquals("Nearly.", said(c, Lang.EN));
        QuestionGrade d = grade("single-weighted", chose("d"));
        assertEquals(0, d.fraction(), "a negative weight scores 0, never below");
        assertEquals("Not SQL. | Read the chapter again.", said(d, Lang.EN));
        assertEquals(0, grade("single-weighted", chose("a b")).fraction(), "a single-choice question takes one option");
    }

    @ParameterizedTest(name = "thirds [{0}] -> {1}")
    @CsvSource({"'a b c',1,CORRECT", "'a b',0.6666666,PARTIAL", "'a b c d',0,WRONG", "a,0.3333333,PARTIAL", "'',0,WRONG"})
    void weightsThatAddUpToOneWithinRoundingAreFullMarks(String chosen, double fraction, QuestionGrade.Outcome outcome) {
        QuestionGrade g = grade("thirds", chose(chosen));
        assertEquals(fraction, g.fraction(), 1e-12);
        assertEquals(outcome, g.outcome());
        assertEquals(2 * fraction, g.earned(), 1e-12);
    }

    @ParameterizedTest(name = "first match: ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            3.14  | 0.5 | Nearly.           | 差一点。
            3.12  | 0.5 | Nearly.           | 差一点。
            3.142 | 0.5 | Nearly.           | 差一点。
            3     | 0   | More places.      | 多保留几位。
            7     | 0   | Pi is about 3.14. | 圆周率约为 3.14。
            pi    | 0   | Pi is about 3.14. | 圆周率约为 3.14。
            """)
    void theFirstListedAnswerThatMatchesDecides(String typed, double fraction, String en, String zh) {
        // 3.14 ± 0.005 lies inside the 3.1 ± 0.05 listed before it, so, as in Moodle, it never counts
        QuestionGrade g = grade("first-match", new Response.FillIn(typed));
        assertEquals(fraction, g.fraction(), 1e-12);
        assertEquals(en, said(g, Lang.EN));
        assertEquals(zh, said(g, Lang.ZH));
    }

    @ParameterizedTest(name = "wildcards: ''{0}'' -> {1}")
    @CsvSource({"SELECT,1", "SELT,1", "SELECT LIMIT,1", "select,0", "a*b,0.5", "axb,0", "'',0"})
    void aStarStandsForAnyCharactersAndAnEscapedStarForItself(String typed, double fraction) {
        assertEquals(fraction, grade("wildcards", new Response.FillIn(typed)).fraction(), 1e-12);
    }

    @Test
    void trueFalseFeedbackFollowsTheAnswerGiven() {
        assertEquals("Right.", said(grade("true-false-feedback", new Response.TrueFalse(false)), Lang.EN));
        assertEquals("NULL = NULL 的结果未知。", said(grade("true-false-feedback", new Response.TrueFalse(true)), Lang.ZH));
    }

    @ParameterizedTest(name = "shared right item: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            p1=p1 p2=p1 p3=p3 | 1
            p1=p2 p2=p2 p3=p3 | 1
            p1=p1 p2=p3 p3=p3 | 0.6666667
            p1=x1 p2=x1 p3=x1 | 0
            """)
    void rightItemsThatReadTheSameAreOneItem(String given, double fraction) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : given.split(" ")) {
            m.put(pair.split("=")[0], pair.split("=")[1]);
        }
        assertEquals(fraction, grade("shared-right", new Response.Matching(m)).fraction(), 1e-6);
    }

    @Test
    void aFormShowsARightItemThatSeveralLeftItemsShareOnce() {
        ExamForm form = FormGenerator.generate(exam.bank(), exam.blueprint(), 42, Set.of());
        FormItem item = form.items().stream().filter(i -> i.questionId().equals("shared-right")).findFirst().orElseThrow();
        AnswerKey.MatchingKey key = (AnswerKey.MatchingKey) exam.bank().get("shared-right").key();
        Map<String, Text> texts = new LinkedHashMap<>();
        key.pairs().forEach(p -> texts.put(p.id(), p.right()));
        key.distractors().forEach(d -> texts.put(d.id(), d.text()));
        List<String> shown = item.order().stream().map(id -> texts.get(id).en()).sorted().toList();
        assertEquals(List.of("DCL", "DDL", "DML"), shown);
    }

    @ParameterizedTest(name = "relative to the next item: [{0}] -> {1}")
    @CsvSource({"'i1 i2 i3 i4',1", "'i4 i1 i2 i3',0.6666667", "'i2 i1 i3 i4',0.3333333", "'i4 i3 i2 i1',0", "'i1 i2',0.3333333"})
    void orderingByTheItemThatFollows(String given, double fraction) {
        assertEquals(fraction, grade("relative-next", new Response.Ordering(Arrays.asList(given.split(" ")))).fraction(), 1e-6);
    }
}
