package campus.certification.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.i18n.Msg;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQL questions graded by the real labs checker on a bundled dataset. */
class LabsSqlGraderTest {

    static LabsSqlGrader grader;

    static final SqlQuestionSpec CHEAP_BOOKS = new SqlQuestionSpec("bookshop",
            "SELECT title, price FROM books WHERE price < 10 ORDER BY price, title", SqlQuestionSpec.Check.RESULT,
            true, 0, List.of());

    @BeforeAll
    static void open() {
        grader = LabsSqlGrader.bundledDatasets();
    }

    @AfterAll
    static void close() {
        grader.close();
    }

    @Test
    void anEquivalentQueryGetsFullCredit() {
        SqlGrade g = grader.grade(CHEAP_BOOKS, "select b.title, b.price from books b where b.price < 10.00 order by 2, 1");
        assertEquals(1.0, g.fraction());
    }

    @Test
    void aNearMissGetsNoCreditAndSaysWhy() {
        SqlGrade g = grader.grade(CHEAP_BOOKS, "SELECT title, price FROM books WHERE price < 10");
        assertEquals(0.0, g.fraction());
        assertTrue(g.feedback().in(Lang.EN).contains("wrong order"), g.feedback().in(Lang.EN));
    }

    @Test
    void examFeedbackNeverShowsTheExpectedResult() {
        SqlQuestionSpec state = new SqlQuestionSpec("bookshop", "UPDATE books SET price = price + 1 WHERE genre = 'poetry'",
                SqlQuestionSpec.Check.STATE, false, 0, List.of("books"));
        // wrong order, a missing row, a wrong value, too few columns, a changed table: each says how in practice
        for (var wrong : List.of(List.of(CHEAP_BOOKS, "SELECT title, price FROM books WHERE price < 10"),
                List.of(CHEAP_BOOKS, "SELECT title, price FROM books WHERE price < 9 ORDER BY price, title"),
                List.of(CHEAP_BOOKS, "SELECT title, price + 1 FROM books WHERE price < 10 ORDER BY price, title"),
                List.of(CHEAP_BOOKS, "SELECT title FROM books WHERE price < 10 ORDER BY price, title"),
                List.of(state, "UPDATE books SET price = price + 2 WHERE genre = 'poetry'"))) {
            SqlGrade g = grader.grade((SqlQuestionSpec) wrong.get(0), (String) wrong.get(1));
            assertEquals(0.0, g.fraction(), wrong.get(1).toString());
            assertNotEquals(Msg.of("certification.sql.wrong"), g.feedback(), wrong.get(1).toString());
            assertEquals("Not correct: the result is not what the question asks for.", g.examFeedback().in(Lang.EN));
            assertEquals("不正确：结果与题目要求的不符。", g.examFeedback().in(Lang.ZH));
        }
        assertEquals("Correct.", grader.grade(CHEAP_BOOKS, "SELECT title, price FROM books WHERE price < 10 ORDER BY 2, 1")
                .examFeedback().in(Lang.EN));
        // an error in the candidate's own SQL is theirs to see
        SqlGrade refused = grader.grade(CHEAP_BOOKS, "SELECT FILE_READ('/etc/passwd')");
        assertEquals(refused.feedback(), refused.examFeedback());
        SqlGrade typo = grader.grade(CHEAP_BOOKS, "SELECT titel FROM books");
        assertEquals(typo.feedback(), typo.examFeedback());
        assertTrue(typo.examFeedback().in(Lang.EN).toLowerCase().contains("titel"), typo.examFeedback().in(Lang.EN));
    }

    @Test
    void aRefusedStatementIsFeedbackNotAnException() {
        SqlGrade g = grader.grade(CHEAP_BOOKS, "SELECT FILE_READ('/etc/passwd')");
        assertEquals(0.0, g.fraction());
        assertTrue(g.feedback().in(Lang.EN).contains("FILE_READ"), g.feedback().in(Lang.EN));
    }

    @Test
    void stateQuestionsCompareTheTablesAfterwards() {
        SqlQuestionSpec spec = new SqlQuestionSpec("bookshop", "UPDATE books SET price = price + 1 WHERE genre = 'poetry'",
                SqlQuestionSpec.Check.STATE, false, 0, List.of("books"));
        assertEquals(1.0, grader.grade(spec, "update books set price = 1 + price where genre = 'poetry'").fraction());
        assertEquals(0.0, grader.grade(spec, "update books set price = price + 1").fraction());
    }

    @Test
    void anUnknownDatasetIsAClearMessage() {
        SqlQuestionSpec spec = new SqlQuestionSpec("no-such-dataset", "SELECT 1", SqlQuestionSpec.Check.RESULT, false, 0, List.of());
        SqlGrade g = grader.grade(spec, "SELECT 1");
        assertEquals(0.0, g.fraction());
        assertTrue(g.feedback().in(Lang.EN).contains("no-such-dataset"), g.feedback().in(Lang.EN));
    }
}
