package campus.certification.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import campus.certification.CertificationException;
import campus.certification.TestSupport;
import campus.certification.bank.LoadedExam;
import campus.certification.form.ExamForm;
import campus.certification.form.FormGenerator;
import campus.certification.model.Question;
import campus.certification.model.Response;
import campus.certification.sql.SqlGrade;
import campus.i18n.Msg;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraderTest {

    static LoadedExam exam;
    static final Grader GRADER = TestSupport.grader();

    @BeforeAll
    static void load() throws IOException {
        exam = TestSupport.load("all-types");
    }

    private static double grade(String id, Response r) {
        Question q = exam.bank().get(id);
        return GRADER.grade(q, r, 1).fraction();
    }

    private static List<String> ids(String s) {
        return s.isBlank() ? List.of() : List.of(s.split(" "));
    }

    @ParameterizedTest(name = "single {0}: chose [{1}] -> {2}")
    @CsvSource({"s1,b,1", "s1,a,0", "s1,c,0", "s1,'',0", "s1,a b,0", "s1,b b,1", "s1,z,0"})
    void singleChoice(String id, String chosen, double expected) {
        assertEquals(expected, grade(id, new Response.Choice(ids(chosen))), 1e-9);
    }

    @ParameterizedTest(name = "multiple all-or-nothing: [{0}] -> {1}")
    @CsvSource({"a c,1", "c a,1", "a,0", "c,0", "a b c,0", "a c d,0", "b d,0", "'',0", "a c z,0"})
    void multipleAllOrNothing(String chosen, double expected) {
        assertEquals(expected, grade("m1", new Response.Choice(ids(chosen))), 1e-9);
    }

    @ParameterizedTest(name = "multiple partial: [{0}] -> {1}")
    @CsvSource({"a c,1", "a,0.5", "c,0.5", "a b,0", "a b c,0.5", "b,0", "'',0"})
    void multiplePartial(String chosen, double expected) {
        assertEquals(expected, grade("m2", new Response.Choice(ids(chosen))), 1e-9);
    }

    @ParameterizedTest(name = "true/false: {0} -> {1}")
    @CsvSource({"false,1", "true,0"})
    void trueFalse(boolean answer, double expected) {
        assertEquals(expected, grade("tf1", new Response.TrueFalse(answer)), 1e-9);
    }

    @ParameterizedTest(name = "fill-in text: ''{0}'' -> {1}")
    @CsvSource(value = {"DISTINCT|1", "distinct|1", "  distinct  |1", "Select   Distinct|1", "ＤＩＳＴＩＮＣＴ|1",
            "distinctrow|0.5", "distinc|0", "|0", "unique|0"}, delimiter = '|')
    void fillInText(String given, double expected) {
        assertEquals(expected, grade("f1", new Response.FillIn(given == null ? "" : given)), 1e-9);
    }

    @ParameterizedTest(name = "fill-in number: ''{0}'' -> {1}")
    @CsvSource(value = {"3.14|1", "3.15|1", "3.13|1", "3.1416|1", "3.16|0.5", "3|0.5", "3.5|0.5", "3.51|0", "2.9|0",
            "pi|0", "３.１４|1", " 3.14 |1", "+3.14|1", "1e400|0"}, delimiter = '|')
    void fillInNumber(String given, double expected) {
        assertEquals(expected, grade("n1", new Response.FillIn(given)), 1e-9);
    }

    @ParameterizedTest(name = "matching: {0} -> {1}")
    @CsvSource(value = {"p1=p1 p2=p2 p3=p3|1", "p1=p2 p2=p1 p3=p3|0", "p1=p1 p2=p2|0", "p1=p1 p2=p2 p3=x1|0", "|0"},
            delimiter = '|')
    void matching(String given, double expected) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String pair : ids(given == null ? "" : given)) {
            m.put(pair.split("=")[0], pair.split("=")[1]);
        }
        assertEquals(expected, grade("mt1", new Response.Matching(m)), 1e-9);
    }

    @ParameterizedTest(name = "ordering partial: [{0}] -> {1}")
    @CsvSource(value = {"i1 i2 i3 i4|1", "i2 i1 i3 i4|0.5", "i4 i3 i2 i1|0", "i1 i2 i4 i3|0.5", "i1 i2 i3|0.75",
            "i1 i2 i3 i4 i4|0"}, delimiter = '|')
    void orderingPartial(String given, double expected) {
        assertEquals(expected, grade("o1", new Response.Ordering(ids(given))), 1e-9);
    }

    @ParameterizedTest(name = "sql: ''{0}'' -> {1}")
    @CsvSource(value = {"SELECT COUNT(*) FROM customers|1", "select count(*)   from customers;|1", "SELECT 1|0"}, delimiter = '|')
    void sqlUsesTheGivenGrader(String sql, double expected) {
        QuestionGrade g = GRADER.grade(exam.bank().get("q1"), new Response.Sql(sql), 2);
        assertEquals(expected, g.fraction(), 1e-9);
        assertEquals(2 * expected, g.earned(), 1e-9);
    }

    @Test
    void anExamShowsOnlyFeedbackThatHidesTheExpectedResultWhileAQuizShowsTheDifference() {
        Msg practice = Msg.of("certification.sql.noFeedback");
        Msg exam = Msg.of("certification.sql.wrong");
        Grader grader = Grader.withSql((spec, sql) -> new SqlGrade(0, practice, exam));
        Question q = GraderTest.exam.bank().get("q1");
        assertEquals(practice, grader.grade(q, new Response.Sql("SELECT 1"), 1).feedback().orElseThrow());

        ExamForm form = FormGenerator.generate(GraderTest.exam.bank(), GraderTest.exam.blueprint(), 7, java.util.Set.of());
        String itemId = form.items().stream().filter(i -> i.questionId().equals("q1")).findFirst().orElseThrow().questionId();
        ExamResult r = grader.grade(GraderTest.exam.bank(), GraderTest.exam.blueprint(), form,
                Map.of(itemId, new Response.Sql("SELECT 1")));
        assertEquals(exam, r.grades().stream().filter(g -> g.questionId().equals("q1")).findFirst().orElseThrow()
                .feedback().orElseThrow());
    }

    @Test
    void unansweredScoresZeroAndSaysSo() {
        QuestionGrade g = GRADER.grade(exam.bank().get("s1"), null, 2);
        assertEquals(QuestionGrade.Outcome.UNANSWERED, g.outcome());
        assertEquals(0, g.earned());
        assertEquals(2, g.max());
    }

    @Test
    void sqlQuestionWithoutGraderIsAClearErrorNotAZero() {
        CertificationException e = assertThrows(CertificationException.class,
                () -> Grader.withoutSql().grade(exam.bank().get("q1"), new Response.Sql("SELECT 1"), 1));
        assertEquals("certification.grading.no-sql-grader", e.msg().key());
        assertThrows(CertificationException.class, () -> Grader.withoutSql().requireCanGrade(exam.bank().questions()));
    }

    @Test
    void aResponseOfTheWrongKindIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> grade("s1", new Response.TrueFalse(true)));
    }

    @Test
    void outcomeNamesPartialCredit() {
        assertEquals(QuestionGrade.Outcome.PARTIAL, GRADER.grade(exam.bank().get("m2"), Response.Choice.of("a"), 2).outcome());
        assertEquals(QuestionGrade.Outcome.CORRECT, GRADER.grade(exam.bank().get("m2"), Response.Choice.of("a", "c"), 2).outcome());
        assertEquals(QuestionGrade.Outcome.WRONG, GRADER.grade(exam.bank().get("m2"), Response.Choice.of("b"), 2).outcome());
    }
}
