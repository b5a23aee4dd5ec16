package campus.certification.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.certification.TestSupport;
import campus.certification.grading.Grader;
import campus.certification.sql.LabsSqlGrader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code questions try} as an author uses it: what it prints, exactly, in both languages, and when it refuses. */
class QuestionTryTest {

    static final String BANK = TestSupport.bankDir("moodle-rules").toString();

    record Run(int status, String out, String err) {
    }

    static Run run(Grader grader, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = QuestionsCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), grader);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(Grader.withoutSql(), args);
    }

    @Test
    void printsTheScoreTheFeedbackTheRightAnswerAndTheExplanation() {
        Run r = run("try", BANK, "single-weighted", "--choose", "BANANA");
        assertEquals(0, r.status, r.err);
        assertEquals("""
                Score: 0 of 1, wrong (0 of 1 points)
                Feedback:
                  Not SQL.
                  Read the chapter again.
                Right answer: SELECT; WITH
                Explanation:
                  Queries start with SELECT or WITH.
                """, r.out);
    }

    @Test
    void printsTheSameInChinese() {
        Run r = run("try", BANK, "first-match", "--answer", "3.12", "--lang", "zh");
        assertEquals("""
                得分：0.5（满分 1），部分正确（1 分中得 0.5 分）
                反馈：
                  差一点。
                正确答案：3.14 ± 0.005
                解析：
                  3.14
                """, r.out);
    }

    @Test
    void aRightAnswerShowsNoRightAnswerLine() {
        Run r = run("try", BANK, "true-false-feedback", "--choose", "False");
        assertEquals("""
                Score: 1 of 1, right (1 of 1 points)
                Feedback:
                  Right.
                Explanation:
                  Comparisons with NULL are unknown.
                """, r.out);
        assertEquals(run("try", BANK, "true-false-feedback", "--choose", "错误", "--lang", "zh").out,
                run("try", BANK, "true-false-feedback", "--answer", "false", "--lang", "zh").out);
    }

    @Test
    void jsonGivesTheFractionAndTheFeedback() {
        Run r = run("try", BANK, "thirds", "--choose", "COUNT", "--choose", "SUM", "--json");
        assertEquals("""
                {
                  "question": "thirds",
                  "fraction": 0.6666666,
                  "outcome": "partial",
                  "points": 0.6666666,
                  "max": 1.0,
                  "feedback": "",
                  "rightAnswer": "COUNT; SUM; AVG",
                  "explanation": "COUNT, SUM and AVG."
                }
                """, r.out);
    }

    @Test
    void matchingPairsAndOrderingItemsAreNamedByTheirText() {
        assertEquals("Score: 1 of 1, right (1 of 1 points)", run("try", BANK, "shared-right", "--choose", "CREATE -> DDL",
                "--choose", "ALTER -> DDL", "--choose", "insert->dml").out.lines().findFirst().orElseThrow());
        assertEquals("Score: 0.6666667 of 1, partly right (0.6666667 of 1 points)", run("try", BANK, "relative-next",
                "--choose", "ORDER BY", "--choose", "SELECT", "--choose", "FROM", "--choose", "WHERE").out.lines().findFirst().orElseThrow());
    }

    @Test
    void anOptionThatDoesNotExistIsAUsageErrorThatListsTheOptions() {
        Run r = run("try", BANK, "single-weighted", "--choose", "MAYBE");
        assertEquals(2, r.status);
        assertEquals("No option \"MAYBE\" in question \"single-weighted\"; it has: \"SELECT\", \"WITH\", \"VALUES\", \"BANANA\"\n", r.err);
        Run zh = run("try", BANK, "single-weighted", "--choose", "MAYBE", "--lang", "zh");
        assertEquals("题目“single-weighted”中没有选项“MAYBE”；可选的有：\"SELECT\", \"WITH\", \"VALUES\", \"BANANA\"\n", zh.err);
    }

    @Test
    void answersOfTheWrongKindAreUsageErrors() {
        assertEquals("Question \"first-match\" is answered by typing: use --answer TEXT\n",
                run("try", BANK, "first-match", "--choose", "3.14").err);
        assertEquals("Question \"thirds\" is answered by choosing: use --choose TEXT once per option, per pair (\"left -> right\") or per item in order\n",
                run("try", BANK, "thirds", "--answer", "COUNT").err);
        assertEquals("Question \"single-weighted\" takes one option only\n",
                run("try", BANK, "single-weighted", "--choose", "SELECT", "--choose", "WITH").err);
        assertEquals("Question \"true-false-feedback\" is true or false: use --choose true or --choose false\n",
                run("try", BANK, "true-false-feedback", "--choose", "maybe").err);
        assertEquals(2, run("try", BANK).status);
        assertEquals(2, run("try", BANK, "thirds", "--choose").status);
    }

    @Test
    void aMissingQuestionOrFolderIsNamed() {
        Run r = run("try", BANK, "nope", "--answer", "1");
        assertEquals(1, r.status);
        assertEquals("No question \"nope\" in " + BANK + "; it has: first-match, relative-next, shared-right, "
                + "single-weighted, thirds, true-false-feedback, wildcards\n", r.err);
        Path none = Path.of(BANK).resolve("not-there");
        Run zh = run("try", none.toString(), "x", "--answer", "1", "--lang", "zh");
        assertEquals(1, zh.status);
        assertEquals("无法读取 " + none + "：不是文件夹\n", zh.err);
    }

    @Test
    void sqlQuestionsAreGradedByTheLabsCheckerWhenOneIsGiven(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("questions"));
        Files.writeString(dir.resolve("questions/sql.json"), """
                [{"id": "count", "type": "sql", "topics": ["t"], "difficulty": "easy",
                  "prompt": {"en": "How many customers?", "zh": "有多少客户？"},
                  "sql": {"dataset": "bookshop", "reference": "SELECT COUNT(*) FROM customers"},
                  "explanation": {"en": "COUNT(*)", "zh": "COUNT(*)"}}]""");
        try (LabsSqlGrader sql = LabsSqlGrader.bundledDatasets()) {
            Run right = run(Grader.withSql(sql), "try", dir.toString(), "count", "--answer", "select count(*) from customers");
            assertEquals(0, right.status, right.err);
            assertEquals("Score: 1 of 1, right (1 of 1 points)", right.out.lines().findFirst().orElseThrow(), right.out);
            Run wrong = run(Grader.withSql(sql), "try", dir.toString(), "count", "--answer", "SELECT 1");
            assertEquals("Score: 0 of 1, wrong (0 of 1 points)", wrong.out.lines().findFirst().orElseThrow(), wrong.out);
        }
        Run none = run("try", dir.toString(), "count", "--answer", "SELECT 1");
        assertEquals(1, none.status);
        assertEquals("Question \"count\" is a SQL question, but no SQL checker is available to grade it\n", none.err);
    }
}
