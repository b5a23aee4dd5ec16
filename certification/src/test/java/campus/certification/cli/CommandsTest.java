package campus.certification.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.TestSupport;
import campus.certification.attempt.ExamOutcome;
import campus.certification.attempt.ExamService;
import campus.certification.attempt.ExamSession;
import campus.certification.bank.ContentValidator;
import campus.certification.bank.ExamMode;
import campus.certification.bank.LoadedExam;
import campus.certification.integrity.InstallKey;
import campus.certification.model.Response;
import campus.i18n.Lang;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    @TempDir
    Path tmp;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int exam(String... args) {
        return ExamCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int questions(String... args) {
        return QuestionsCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void packThenOpenAndVerifyAgainstThePackage() throws IOException {
        Path bank = TestSupport.shippedContent().resolve("pcta-practice");
        Path pkg = tmp.resolve("pcta.cxp");
        assertEquals(0, exam("pack", bank.toString(), "--code", "ABCD-EFGH-JKLM", "--out", pkg.toString(), "--iterations", "10000"));
        TestSupport.FakeClock clock = new TestSupport.FakeClock();
        ExamService service = ExamService.create(tmp.resolve("data"), "app", TestSupport.grader(), e -> { }, clock);
        LoadedExam exam = service.openPackage(pkg, "abcd efgh jklm");
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Bo");
        s.answer(s.questions().get(0).questionId(), Response.Choice.of(s.questions().get(0).parts().get(1).id()));
        clock.advance(java.time.Duration.ofSeconds(90));
        s.windowLeft();
        clock.advance(java.time.Duration.ofSeconds(14));
        s.windowReturned();
        ExamOutcome o = s.submit();
        // without a trusted key the record checks out but is not called verified
        assertEquals(1, exam("verify", o.record().toString(), bank.toString()), errText());
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains(o.record() + ": checks out against the bank, but is NOT verified: it is signed by install key "
                + service.installKey().fingerprint() + ", which you did not name as trusted."), said);
        assertTrue(said.contains("(exam time 90 s) for 14 s: another program or window was in front."), said);
        assertTrue(said.contains("Time: limit " + exam.blueprint().timeLimit().toMinutes() + " min (the exam's), grace "), said);
        assertFalse(said.contains(": verified"), said);
        out.reset();
        Path pub = tmp.resolve("data/keys/install-ed25519.pub");
        assertEquals(0, exam("verify", o.record().toString(), pkg.toString(), "--code", "ABCD-EFGH-JKLM", "--key", pub.toString()),
                errText());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(o.record() + ": verified, the claimed result matches the bank."));
        assertEquals(0, exam("verify", o.record().toString(), bank.toString(), "--key", pub.toString()), errText());
        Path keyring = tmp.resolve("keyring.txt");
        Files.writeString(keyring, "# room 101\n" + InstallKey.loadOrCreate(tmp.resolve("other")).publicKeyBase64() + " Ana\n\n"
                + "data/keys/install-ed25519.pub Bo\n");
        assertEquals(0, exam("verify", o.record().toString(), bank.toString(), "--keyring", keyring.toString()), errText());
        Files.writeString(keyring, "# room 101\nnot-a-key Ana\n");
        assertEquals(1, exam("verify", o.record().toString(), bank.toString(), "--keyring", keyring.toString()));
        assertTrue(errText().contains(keyring + ":2: neither an Ed25519 public key in Base64 nor an install key's .pub file"), errText());
        assertEquals(1, exam("verify", o.record().toString(), pkg.toString(), "--code", "WRONG-CODE-123"));
        assertTrue(errText().contains("Wrong unlock code"));
    }

    @Test
    void verifyFailsOnAnEditedRecord() throws IOException {
        ExamService service = ExamService.create(tmp.resolve("data"), "app", TestSupport.grader(), e -> { }, new TestSupport.FakeClock());
        LoadedExam exam = TestSupport.load("all-types");
        ExamOutcome o = service.start(exam, ExamMode.CERTIFICATION, "Bo").submit();
        String text = Files.readString(o.record());
        Files.writeString(o.record(), text.replace("\"signature\":\"", "\"signature\":\"AA"));
        assertEquals(1, exam("verify", o.record().toString(), TestSupport.bankDir("all-types").toString()));
        assertTrue(errText().contains("does NOT verify"));
    }

    @Test
    void packRefusesABrokenBankWithPathAndLine() throws IOException {
        Path bank = tmp.resolve("bank");
        Files.createDirectories(bank.resolve("questions"));
        Files.writeString(bank.resolve("exam.json"), "{\"id\": \"x\",\n \"title\": }");
        Files.writeString(bank.resolve("questions/q.json"), "[]");
        assertEquals(1, exam("pack", bank.toString(), "--code", "ABCD-EFGH-JKLM", "--out", tmp.resolve("x.cxp").toString()));
        assertTrue(errText().contains("exam.json:2: Malformed JSON"), errText());
        assertTrue(Files.notExists(tmp.resolve("x.cxp")));
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, exam());
        assertEquals(2, exam("pack", "dir"));
        assertEquals(2, exam("frobnicate"));
        assertEquals(2, exam("verify", "a", "b", "--bogus", "1"));
        assertEquals(2, questions("import"));
        assertEquals(2, questions("export", "x"));
    }

    @Test
    void importWritesABankThatValidateFlagsForTranslation() throws IOException {
        Path gift = tmp.resolve("t.gift");
        Files.write(gift, getClass().getResourceAsStream("/import/teacher.gift").readAllBytes());
        Path into = tmp.resolve("bank");
        assertEquals(0, questions("import", gift.toString(), "--into", into.toString()));
        assertTrue(errText().contains("line 36: not imported"), errText());
        assertTrue(Files.isRegularFile(into.resolve("questions/sql-basics.json")));
        List<String> problems = ContentValidator.validate(List.of(into), List.of()).stream().map(p -> p.format(Lang.EN)).toList();
        assertTrue(problems.stream().anyMatch(p -> p.contains("sql-basics.json") && p.contains("has no \"zh\" text")), problems.toString());
        // A second import of the same file does not overwrite or clash with the first.
        assertEquals(0, questions("import", gift.toString(), "--into", into.toString()));
        assertTrue(Files.isRegularFile(into.resolve("questions/sql-basics-2.json")));
        assertTrue(Files.readString(into.resolve("questions/sql-basics-2.json")).contains("\"primary-key-2\""));
    }

    @Test
    void importOfMoodleXmlIsDetectedByContent() throws IOException {
        Path xml = tmp.resolve("export.txt");
        Files.write(xml, getClass().getResourceAsStream("/import/moodle.xml").readAllBytes());
        assertEquals(0, questions("import", xml.toString(), "--into", tmp.resolve("b").toString()));
        assertTrue(Files.isRegularFile(tmp.resolve("b/questions/indexes.json")));
        assertTrue(errText().contains("Cloze"), errText());
    }
}
