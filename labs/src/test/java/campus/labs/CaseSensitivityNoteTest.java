package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.SandboxLimits;
import campus.progress.LearningEventSink;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A learner used to MySQL, whose default collation ignores case, writes {@code genre = 'Poetry'} where the bookshop
 * stores {@code 'poetry'}. Campus compares text exactly (as the courses' database does by default), so the attempt
 * fails, and the verdict says that case is why. The note never turns a fail into a pass, and is not given when the
 * query is wrong for another reason.
 */
class CaseSensitivityNoteTest {

    private static LabSession session;

    @BeforeAll
    static void open() throws Exception {
        session = LabSession.open(TestContent.lab("shop-poetry-titles"), DatasetLibrary.bundled(), SandboxLimits.DEFAULT,
                LearningEventSink.NONE);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static List<String> messages(Verdict v, Lang lang) {
        return v.messages().stream().map(m -> m.in(lang)).toList();
    }

    private static boolean hasNote(Verdict v) {
        return v.messages().stream().map(Msg::key).anyMatch("labs.compat.caseSensitive"::equals);
    }

    @Test
    void aLiteralInAnotherCaseFailsAndTheVerdictSaysCaseIsWhy() {
        Verdict v = session.check("SELECT title, price FROM books WHERE genre = 'Poetry'");
        assertFalse(v.passed());
        assertEquals(0, v.score());
        List<String> en = messages(v, Lang.EN);
        assertEquals(List.of("Expected 57 rows, got 0.", "Missing row: ('The Crimson Index 4', 15.99)"),
                en.subList(0, 2), "what differs comes first, as for any failed check");
        assertEquals(3, en.size(), en.toString());
        assertEquals("Compared without regard to case, as MySQL's default collation (utf8mb4_0900_ai_ci) compares text,"
                + " your SQL would give the expected result. Campus compares text case-sensitively, as the database"
                + " the courses teach does by default (utf8mb4_bin): check the case of 'Poetry'.", en.get(2));
        assertEquals("如果像 MySQL 的默认排序规则（utf8mb4_0900_ai_ci）那样比较文本时不区分大小写，你的 SQL 就会得到预期的结果。"
                + "Campus 比较文本时区分大小写，与课程所讲的数据库的默认排序规则（utf8mb4_bin）一致：请检查 'Poetry' 的大小写。",
                messages(v, Lang.ZH).get(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT title, price FROM books WHERE 'POETRY' = genre",
            "SELECT title, price FROM books WHERE genre IN ('Poetry', 'Verse')",
            "SELECT title, price FROM books WHERE genre LIKE 'Poet%'",
            "SELECT title, price FROM books WHERE genre <> 'Fiction' AND genre NOT IN ('MYSTERY', 'science',"
                    + " 'History', 'children', 'Computing')",
            "SELECT title, price FROM books WHERE CASE genre WHEN 'POETRY' THEN 1 ELSE 0 END = 1",
            "SELECT title, price FROM books WHERE genre BETWEEN 'Poetry' AND 'POETRY'",
            "SELECT title, price FROM books b WHERE b.genre = 'Poetry' AND b.published >= '1900'",
    })
    void everyKindOfTextComparisonIsExplained(String sql) {
        Verdict v = session.check(sql);
        assertFalse(v.passed());
        assertTrue(hasNote(v), messages(v, Lang.EN).toString());
    }

    @Test
    void severalLiteralsAreAllQuoted() {
        Verdict v = session.check("SELECT title, price FROM books WHERE genre = 'Poetry' OR genre = 'Verse'");
        String en = messages(v, Lang.EN).get(v.messages().size() - 1);
        String zh = messages(v, Lang.ZH).get(v.messages().size() - 1);
        assertTrue(en.endsWith("check the case of 'Poetry', 'Verse'."), en);
        assertTrue(zh.endsWith("请检查 'Poetry'、'Verse' 的大小写。"), zh);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT title, price FROM books WHERE genre = 'Fiction'",
            "SELECT title, price FROM books WHERE genre = 'Poetry' AND price > 20",
            "SELECT title FROM books WHERE genre = 'Poetry'",
            "SELECT title, price FROM books WHERE genre = 'poetry' AND price > 20",
            "SELECT title, price FROM books",
    })
    void aQueryWrongForAnotherReasonGetsNoNote(String sql) {
        Verdict v = session.check(sql);
        assertFalse(v.passed());
        assertFalse(hasNote(v), messages(v, Lang.EN).toString());
    }

    @Test
    void aPassingQueryIsUnchanged() {
        Verdict v = session.check("SELECT title, price FROM books WHERE genre = 'poetry'");
        assertTrue(v.passed());
        assertEquals(10, v.score());
        assertEquals(List.of(Msg.of("labs.check.passed")), v.messages());
    }

    /** A state lab: the statements run again, case-insensitively, on a fresh copy; the dataset is put back after. */
    @Test
    void aStateLabIsExplainedTooAndTheNextAttemptStartsFromTheDataset() throws Exception {
        try (LabSession state = LabSession.open(TestContent.lab("shop-reprice-poetry"), DatasetLibrary.bundled(),
                SandboxLimits.DEFAULT, LearningEventSink.NONE)) {
            Verdict habit = state.check("UPDATE books SET price = price * 1.10 WHERE genre = 'POETRY'");
            assertFalse(habit.passed());
            assertTrue(hasNote(habit), messages(habit, Lang.EN).toString());
            Verdict wrong = state.check("UPDATE books SET price = price * 1.20 WHERE genre = 'POETRY'");
            assertFalse(hasNote(wrong), messages(wrong, Lang.EN).toString());
            assertFalse(state.check("SELECT 1").passed(), "neither rerun left its changes behind");
            assertTrue(state.check("UPDATE books SET price = price * 1.10 WHERE genre = 'poetry'").passed());
        }
    }
}
