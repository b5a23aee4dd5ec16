package campus.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.attempt.ExamClock;
import campus.certification.attempt.ExamOutcome;
import campus.certification.attempt.ExamService;
import campus.certification.attempt.ExamSession;
import campus.certification.attempt.PresentedQuestion;
import campus.certification.bank.ExamMode;
import campus.certification.bank.LoadedExam;
import campus.certification.grading.Grader;
import campus.certification.integrity.SignedEnvelope;
import campus.certification.model.Response;
import campus.certification.sql.SqlGrade;
import campus.i18n.Msg;
import campus.progress.LearningEventSink;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code campus exam verify} on records a candidate changed and signed again with their own install key, run the way a
 * proctor runs it: {@link Cli} with {@code --key}, so the SQL answers are re-graded by the labs checker on the bundled
 * datasets ({@code Grader.withSql(LabsSqlGrader…)}), in lab worker processes. Hostile answers must each be graded
 * wrong without deserializing anything, crashing or hanging the verifier, the report must be printed in full, and an
 * honest answer graded after them in the same lab session must still be right. A raised time limit must be caught.
 */
class ExamVerifyResignedRecordTest {

    private static final String EXAM = "resigned-sql";
    /** Every SQL question asks the same, so all answers are graded in one lab session, one after another. */
    private static final String COUNT_BOOKS = "SELECT COUNT(*) FROM books";

    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * Five hostile answers worth 1, 2, 4, 8 and 16 points and an honest one worth 32, graded in this order: the
     * re-graded score names exactly which answers were right.
     */
    private static Path writeBank(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("questions"));
        Files.writeString(dir.resolve("exam.json"), """
                {"id": "%s", "title": {"en": "SQL answers", "zh": "SQL 答题"},
                 "timeLimitMinutes": 30, "pass": {"points": 32}, "shuffleQuestions": false, "shuffleOptions": false,
                 "explanations": "practice-only", "onTimeout": "auto-submit",
                 "topics": {"sql": {"en": "SQL queries", "zh": "SQL 查询"}},
                 "sections": [{"id": "sql", "title": {"en": "SQL", "zh": "SQL"}, "types": ["sql"], "count": 6}]}
                """.formatted(EXAM));
        StringBuilder q = new StringBuilder("[\n");
        String[] ids = {"h1", "h2", "h3", "h4", "h5", "honest"};
        for (int i = 0; i < ids.length; i++) {
            q.append("""
                     {"id": "%s", "type": "sql", "topics": ["sql"], "difficulty": "easy", "points": %d,
                      "prompt": {"en": "How many books are there?", "zh": "一共有多少本书？"},
                      "sql": {"dataset": "bookshop", "reference": "%s", "check": "result"},
                      "explanation": {"en": "COUNT(*) counts rows.", "zh": "COUNT(*) 统计行数。"}}%s
                    """.formatted(ids[i], 1 << i, COUNT_BOOKS, i < ids.length - 1 ? "," : ""));
        }
        Files.writeString(dir.resolve("questions/sql.json"), q.append("]\n").toString());
        return dir;
    }

    private Path bank;
    private ExamService service;

    /**
     * Takes an exam honestly (with a stand-in grader: the real one runs at verify), then edits the signed record's
     * payload as a candidate holding the install key would, and signs it again with that key.
     */
    private Path resignedRecord(Consumer<JsonObject> edit) throws IOException {
        bank = writeBank(tmp.resolve("bank"));
        Grader standIn = Grader.withSql((spec, sql) -> new SqlGrade(0, Msg.of("certification.sql.wrong")));
        service = ExamService.create(tmp.resolve("data"), "app-sha", standIn, LearningEventSink.NONE, ExamClock.SYSTEM);
        LoadedExam exam = service.openFolder(bank);
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Mallory");
        assertEquals(List.of("h1", "h2", "h3", "h4", "h5", "honest"),
                s.questions().stream().map(PresentedQuestion::questionId).toList(), "the order answers are graded in");
        for (PresentedQuestion p : s.questions()) {
            s.answer(p.questionId(), new Response.Sql("SELECT 0"));
        }
        ExamOutcome o = s.submit();
        JsonObject env = JsonParser.parseString(Files.readString(o.record(), StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject payload = JsonParser.parseString(new String(Base64.getDecoder().decode(env.get("payload").getAsString()),
                StandardCharsets.UTF_8)).getAsJsonObject();
        edit.accept(payload);
        Path resigned = tmp.resolve("resigned.record.json");
        Files.writeString(resigned, SignedEnvelope.seal(SignedEnvelope.RECORD, payload.toString().getBytes(StandardCharsets.UTF_8),
                service.installKey()), StandardCharsets.UTF_8);
        return resigned;
    }

    private static void answer(JsonObject payload, String questionId, String sql) {
        JsonObject r = new JsonObject();
        r.addProperty("sql", sql);
        payload.getAsJsonObject("responses").add(questionId, r);
    }

    private static void claim(JsonObject payload, double score, boolean passed) {
        payload.getAsJsonObject("claimed").addProperty("score", score);
        payload.getAsJsonObject("claimed").addProperty("passed", passed);
    }

    private int verify(Path record) {
        return Cli.run(List.of("exam", "verify", record.toString(), bank.toString(),
                        "--key", tmp.resolve("data/keys/install-ed25519.pub").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void hostileSqlAnswersAreEachGradedWrongAndTheHonestOneAfterThemRight() throws Exception {
        Path mark = tmp.resolve("deserialized.txt");
        String payload = Tripwire.hex(mark);
        tripwireWorks(payload, mark);
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("h1", "SELECT CAST(X'" + payload + "' AS OTHER)");
        hostile.put("h2", "SELECT ARRAY[CAST(X'" + payload + "' AS OTHER)]");
        hostile.put("h3", "SELECT " + "(".repeat(60_000) + "1" + ")".repeat(60_000));
        hostile.put("h4", "SELECT COUNT(*) FROM books WHERE REPEAT('a', 3000) LIKE '" + "%a".repeat(20) + "%b'");
        hostile.put("h5", "SELECT \"REPEAT\"('x', 1000000000)");
        Path record = resignedRecord(p -> {
            hostile.forEach((q, sql) -> answer(p, q, sql));
            answer(p, "honest", "select count(*) from books b");
            claim(p, 32, true); // the honest answer alone: what re-grading must find
        });

        int code = verify(record);

        String errText = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, errText);
        assertEquals("", errText, "no finding, no stack trace");
        assertFalse(Files.exists(mark), () -> "a learner's bytes were deserialized: " + read(mark));
        List<String> lines = outLines();
        assertEquals(5, lines.size(), lines.toString());
        assertEquals("Signature valid; signed by install key " + service.installKey().fingerprint(), lines.get(0));
        assertTrue(lines.get(1).startsWith("Attempt ") && lines.get(1).contains(" of exam " + EXAM + ", candidate \"Mallory\", mode certification"),
                lines.get(1));
        // 32 of 63: the honest answer (32 points) is right, each hostile one (1, 2, 4, 8, 16) is wrong
        assertEquals("Re-graded score: 32 of 63, passed", lines.get(2));
        assertTrue(lines.get(3).startsWith("Time: limit 30 min (the exam's), grace 0 s, used "), lines.get(3));
        assertEquals(record + ": verified, the claimed result matches the bank.", lines.get(4));
    }

    /** The payload really is one: read back in this JVM, it leaves its mark (which is then removed). */
    private static void tripwireWorks(String hex, Path mark) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(HexFormat.of().parseHex(hex)))) {
            in.readObject();
        }
        assertTrue(Files.exists(mark), "the tripwire does not fire");
        Files.delete(mark);
        // and a lab worker, started with this JVM's class path, could load its class
        String classes = Path.of(Tripwire.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        assertTrue(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).stream()
                .anyMatch(e -> Path.of(e).toAbsolutePath().equals(Path.of(classes).toAbsolutePath())), classes);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void aRaisedTimeLimitIsCaughtWhateverTheRecordSays() throws Exception {
        long limit = 30 * 60_000L;
        Path record = resignedRecord(p -> {
            answer(p, "honest", COUNT_BOOKS);
            claim(p, 32, true);
            // ten hours to answer, one answer given and the exam submitted long after the real limit
            p.addProperty("timeLimitMs", 10 * 3_600_000L);
            p.addProperty("elapsedMs", limit + 3_600_000L);
            p.getAsJsonObject("timings").getAsJsonObject("honest").addProperty("answeredAtMs", limit + 1_800_000L);
        });

        assertEquals(1, verify(record));

        List<String> findings = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "The record's time limit is 600 min, but the exam allows 30 min",
                "Question honest was answered at 3,600 s of exam time, after the 30-minute limit",
                "The candidate submitted at 5,400 s of exam time, after the limit and grace (1,800 s)",
                record + ": does NOT verify."), findings);
        List<String> lines = outLines();
        assertEquals("Re-graded score: 32 of 63, passed", lines.get(2), lines.toString());
        assertEquals("Time: limit 30 min (the exam's), grace 0 s, used 5,400 s; submitted: candidate", lines.get(3));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("verified"), lines.toString());
    }
}
