package campus.certification.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.i18n.Lang;
import campus.i18n.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code campus validate} runs every SQL question's reference through the labs checker. */
class SqlReferenceCheckTest {

    @TempDir
    Path dir;

    private Path bank(String reference, String check) throws IOException {
        Path exam = dir.resolve("sql-exam");
        Files.createDirectories(exam.resolve("questions"));
        Files.writeString(exam.resolve("exam.json"), """
                {"id": "sql-exam", "title": {"en": "SQL", "zh": "SQL"}, "timeLimitMinutes": 10, "pass": {"percent": 60},
                 "topics": {"t": {"en": "Topic", "zh": "主题"}},
                 "sections": [{"id": "s", "title": {"en": "SQL", "zh": "SQL"}, "types": ["sql"], "count": 1}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(exam.resolve("questions/q.json"), """
                [
                  {"id": "cheap-books", "type": "sql", "topics": ["t"], "difficulty": "easy",
                   "prompt": {"en": "Cheap books", "zh": "便宜的书"}, "explanation": {"en": "WHERE.", "zh": "WHERE。"},
                   "sql": {"dataset": "bookshop", "reference": "%s", "check": "%s"}}
                ]
                """.formatted(reference, check), StandardCharsets.UTF_8);
        return exam;
    }

    @Test
    void aReferenceThatPassesItsOwnCheckIsNotReported() throws IOException {
        assertEquals(List.of(), SqlReferenceCheck.validate(List.of(bank("SELECT title FROM books WHERE price < 10", "result")), List.of()));
    }

    @Test
    void aReferenceTheCheckerRefusesIsReportedOnTheQuestionsLineInBothLanguages() throws IOException {
        Path exam = bank("SELECT title FROM no_such_table", "result");
        List<Problem> ps = SqlReferenceCheck.validate(List.of(exam), List.of());
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(exam.resolve("questions/q.json").toString(), ps.get(0).path());
        assertEquals(2, ps.get(0).line());
        String en = ps.get(0).message().in(Lang.EN);
        String zh = ps.get(0).message().in(Lang.ZH);
        assertEquals("SQL question \"cheap-books\": the reference answer does not pass its own check (%s), so every right answer would be marked wrong"
                .formatted(ps.get(0).message().args().get(1)), en);
        assertEquals("SQL 题“cheap-books”：参考答案通不过它自己的检查（%s），这样所有正确答案都会被判错"
                .formatted(ps.get(0).message().args().get(2)), zh);
        assertEquals(true, en.contains("NO_SUCH_TABLE") || en.toLowerCase(java.util.Locale.ROOT).contains("no_such_table"), en);
    }

    @Test
    void aMissingDatasetIsReported() throws IOException {
        Path exam = bank("SELECT 1", "result").resolve("questions/q.json");
        Files.writeString(exam, Files.readString(exam).replace("bookshop", "no-such-dataset"));
        List<Problem> ps = SqlReferenceCheck.validate(List.of(exam.getParent().getParent()), List.of());
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(true, ps.get(0).message().in(Lang.EN).contains("no-such-dataset"), ps.get(0).message().in(Lang.EN));
    }
}
