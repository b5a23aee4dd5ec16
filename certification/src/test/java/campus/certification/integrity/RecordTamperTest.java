package campus.certification.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.TestSupport;
import campus.certification.attempt.ExamOutcome;
import campus.certification.attempt.ExamService;
import campus.certification.attempt.ExamSession;
import campus.certification.attempt.PresentedQuestion;
import campus.certification.bank.ExamMode;
import campus.certification.bank.LoadedExam;
import campus.certification.model.Response;
import campus.certification.verify.RecordVerifier;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordTamperTest {

    @TempDir
    Path data;
    LoadedExam exam;
    ExamService service;
    String record;

    @BeforeEach
    void submitOne() throws IOException {
        exam = TestSupport.load("all-types");
        service = ExamService.create(data, "app-sha", TestSupport.grader(), e -> { }, new TestSupport.FakeClock());
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Ann");
        for (PresentedQuestion p : s.questions()) {
            if (p.typeCode().equals("single")) {
                s.answer(p.questionId(), Response.Choice.of(p.parts().get(0).id()));
            }
        }
        s.answer(s.questions().get(0).questionId(), ExamSessionResponses.anyFor(exam, s.questions().get(0)));
        ExamOutcome o = s.submit();
        record = Files.readString(o.record(), StandardCharsets.UTF_8);
    }

    @Test
    void anUntouchedRecordVerifies() {
        RecordVerifier.Report r = RecordVerifier.verify(record, exam, TestSupport.grader(), Set.of(service.installKey().publicKey()));
        assertTrue(r.ok(), r.findings().toString());
        assertEquals(r.attempt().orElseThrow().claimed().score(), r.regraded().orElseThrow().score());
    }

    static Stream<String> fields() {
        return Stream.of("attemptId", "examId", "mode", "candidate", "status", "form", "timeLimitMs", "onTimeout", "graceMs",
                "startedAt", "elapsedMs", "checkpointAt", "sequence", "responses", "flagged", "timings", "clockAnomalies",
                "resumes", "windowLeaves", "submittedAt", "submitReason", "claimed", "appSha256", "packageSha256", "bankSha256", "publicKey");
    }

    @ParameterizedTest(name = "changing {0} is detected")
    @MethodSource("fields")
    void everyFieldChangedIsDetected(String field) {
        JsonObject env = JsonParser.parseString(record).getAsJsonObject();
        JsonObject payload = JsonParser.parseString(new String(Base64.getDecoder().decode(env.get("payload").getAsString()),
                StandardCharsets.UTF_8)).getAsJsonObject();
        payload.add(field, changed(payload.get(field)));
        env.addProperty("payload", Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8)));
        RecordVerifier.Report r = RecordVerifier.verify(env.toString(), exam, TestSupport.grader(), Set.of());
        assertFalse(r.signatureValid());
        assertEquals("certification.record.bad-signature", r.findings().get(0).key());
    }

    private static JsonElement changed(JsonElement v) {
        if (v == null || v.isJsonNull()) {
            return new JsonPrimitive("x");
        }
        if (v.isJsonObject()) {
            JsonObject o = v.deepCopy().getAsJsonObject();
            o.addProperty("extra", 1);
            return o;
        }
        if (v.isJsonArray()) {
            JsonArray a = v.deepCopy().getAsJsonArray();
            a.add("extra");
            return a;
        }
        if (v.getAsJsonPrimitive().isBoolean()) {
            return new JsonPrimitive(!v.getAsBoolean());
        }
        if (v.getAsJsonPrimitive().isNumber()) {
            return new JsonPrimitive(v.getAsDouble() + 1);
        }
        return new JsonPrimitive(v.getAsString() + "x");
    }

    @Test
    void envelopeFieldsChangedAreDetected() {
        for (String field : new String[] {"format", "signature", "publicKey"}) {
            JsonObject env = JsonParser.parseString(record).getAsJsonObject();
            String v = env.get(field).getAsString();
            env.addProperty(field, field.equals("format") ? SignedEnvelope_ATTEMPT : flipBase64(v));
            assertFalse(RecordVerifier.verify(env.toString(), exam, TestSupport.grader(), Set.of()).ok(), field);
        }
    }

    private static final String SignedEnvelope_ATTEMPT = SignedEnvelope.ATTEMPT;

    private static String flipBase64(String b64) {
        byte[] b = Base64.getDecoder().decode(b64);
        b[b.length - 1] ^= 1;
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void reSignedByAnotherKeyIsRefusedWhenTheDeviceKeyIsKnown() throws IOException {
        JsonObject env = JsonParser.parseString(record).getAsJsonObject();
        byte[] payload = Base64.getDecoder().decode(env.get("payload").getAsString());
        InstallKey other = InstallKey.loadOrCreate(data.resolve("other"));
        String forged = SignedEnvelope.seal(SignedEnvelope.RECORD, payload, other);
        RecordVerifier.Report r = RecordVerifier.verify(forged, exam, TestSupport.grader(), Set.of(service.installKey().publicKey()));
        assertFalse(r.ok());
        assertTrue(r.findings().stream().anyMatch(m -> m.key().equals("certification.record.other-key")));
        // Without a known device key the forged envelope still fails: the payload names the original key.
        assertTrue(RecordVerifier.verify(forged, exam, TestSupport.grader(), Set.of()).findings().stream()
                .anyMatch(m -> m.key().equals("certification.record.key-mismatch")));
    }

    @Test
    void aScoreClaimedAboveTheBankIsReported() throws IOException {
        JsonObject env = JsonParser.parseString(record).getAsJsonObject();
        JsonObject payload = JsonParser.parseString(new String(Base64.getDecoder().decode(env.get("payload").getAsString()),
                StandardCharsets.UTF_8)).getAsJsonObject();
        payload.getAsJsonObject("claimed").addProperty("score", 99.0);
        String resigned = SignedEnvelope.seal(SignedEnvelope.RECORD, payload.toString().getBytes(StandardCharsets.UTF_8),
                service.installKey());
        RecordVerifier.Report r = RecordVerifier.verify(resigned, exam, TestSupport.grader(), Set.of());
        assertTrue(r.signatureValid());
        assertEquals("certification.record.score-mismatch", r.findings().get(0).key());
    }

    private JsonObject payload() {
        JsonObject env = JsonParser.parseString(record).getAsJsonObject();
        return JsonParser.parseString(new String(Base64.getDecoder().decode(env.get("payload").getAsString()),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private RecordVerifier.Report resignedByTheDevice(JsonObject payload) {
        String resigned = SignedEnvelope.seal(SignedEnvelope.RECORD, payload.toString().getBytes(StandardCharsets.UTF_8),
                service.installKey());
        return RecordVerifier.verify(resigned, exam, TestSupport.grader(), Set.of(service.installKey().publicKey()));
    }

    private static java.util.List<String> keys(RecordVerifier.Report r) {
        return r.findings().stream().map(m -> m.key()).toList();
    }

    @Test
    void theTimeLimitIsTheBanksNotTheRecords() {
        long limit = exam.blueprint().timeLimit().toMillis();
        JsonObject p = payload();
        // a candidate re-signs their attempt with a 10-hour limit and answers after the real one ran out
        p.addProperty("timeLimitMs", 10 * 3_600_000L);
        p.addProperty("elapsedMs", limit + 3_600_000L);
        String first = p.getAsJsonObject("timings").keySet().iterator().next();
        p.getAsJsonObject("timings").getAsJsonObject(first).addProperty("answeredAtMs", limit + 1_800_000L);
        RecordVerifier.Report r = resignedByTheDevice(p);
        assertTrue(r.signatureValid());
        assertFalse(r.ok());
        assertTrue(keys(r).containsAll(java.util.List.of("certification.record.time-limit",
                "certification.record.answered-late", "certification.record.submitted-late")), keys(r).toString());
        assertEquals("The record's time limit is 600 min, but the exam allows " + limit / 60_000 + " min",
                r.findings().stream().filter(m -> m.key().equals("certification.record.time-limit")).findFirst()
                        .orElseThrow().in(campus.i18n.Lang.EN));
        assertEquals("记录中的时限是 600 分钟，但考试只允许 " + limit / 60_000 + " 分钟",
                r.findings().stream().filter(m -> m.key().equals("certification.record.time-limit")).findFirst()
                        .orElseThrow().in(campus.i18n.Lang.ZH));
    }

    @Test
    void aSubmitWithinTheLimitPassesAndOneBeyondItFails() {
        long limit = exam.blueprint().timeLimit().toMillis();
        JsonObject p = payload();
        p.addProperty("elapsedMs", limit);
        assertTrue(resignedByTheDevice(p).ok(), keys(resignedByTheDevice(p)).toString());
        p.addProperty("elapsedMs", limit + 60_000);
        assertEquals(java.util.List.of("certification.record.submitted-late"), keys(resignedByTheDevice(p)));
        // the exam submitting itself when reopened after the end is how a real late attempt looks: not an overrun
        p.addProperty("submitReason", "time-up");
        assertTrue(resignedByTheDevice(p).ok(), keys(resignedByTheDevice(p)).toString());
    }

    @Test
    void everyResumeIsPrintedAndOneAfterTheEndIsAnOverrun() {
        long limit = exam.blueprint().timeLimit().toMillis();
        JsonObject p = payload();
        java.time.Instant started = java.time.Instant.parse(p.get("startedAt").getAsString());
        JsonObject early = new JsonObject();
        early.addProperty("at", started.plusSeconds(120).toString());
        early.addProperty("closedMs", 30_000);
        JsonObject late = new JsonObject();
        late.addProperty("at", started.plusMillis(limit).plusSeconds(3600).toString());
        late.addProperty("closedMs", 1_000);
        com.google.gson.JsonArray resumes = new com.google.gson.JsonArray();
        resumes.add(early);
        p.add("resumes", resumes);
        RecordVerifier.Report ok = resignedByTheDevice(p);
        assertTrue(ok.ok(), keys(ok).toString());
        assertTrue(ok.time().stream().anyMatch(m -> m.in(campus.i18n.Lang.EN)
                .equals("Resumed at " + started.plusSeconds(120) + " after 30 s closed")), ok.time().toString());
        resumes.add(late);
        assertEquals(java.util.List.of("certification.record.resumed-late"), keys(resignedByTheDevice(p)));
    }

    @Test
    void aValidSignatureByAnUntrustedKeyChecksOutButIsNotVerified() throws IOException {
        RecordVerifier.Report none = RecordVerifier.verify(record, exam, TestSupport.grader(), Set.of());
        assertTrue(none.ok());
        assertFalse(none.verified());
        RecordVerifier.Report trusted = RecordVerifier.verify(record, exam, TestSupport.grader(),
                Set.of(InstallKey.loadOrCreate(data.resolve("x")).publicKey(), service.installKey().publicKey()));
        assertTrue(trusted.verified());
        RecordVerifier.Report others = RecordVerifier.verify(record, exam, TestSupport.grader(),
                Set.of(InstallKey.loadOrCreate(data.resolve("x")).publicKey(), InstallKey.loadOrCreate(data.resolve("y")).publicKey()));
        assertFalse(others.ok());
        assertEquals(java.util.List.of("certification.record.untrusted-key"), keys(others));
    }

    @Test
    void attemptRecordAndKeyFilesAreReadableByTheirOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        java.util.List<Path> files;
        try (Stream<Path> all = Files.walk(data)) {
            files = all.filter(f -> !f.equals(data)).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".attempt.json")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".record.json")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".pub")), files.toString());
        for (Path f : files) {
            String want = Files.isDirectory(f) ? "rwx------" : "rw-------";
            assertEquals(want, java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)),
                    data.relativize(f).toString());
        }
    }

    @Test
    void aChangedBankIsReported() throws IOException {
        Path copy = data.resolve("bank");
        campus.certification.attempt.ExamSessionTestAccess.copyBank(TestSupport.bankDir("all-types"), copy);
        Path q = copy.resolve("questions/misc.json");
        Files.writeString(q, Files.readString(q).replace("\"answer\": false", "\"answer\": true"));
        LoadedExam changed = service.openFolder(copy);
        RecordVerifier.Report r = RecordVerifier.verify(record, changed, TestSupport.grader(), Set.of());
        assertTrue(r.findings().stream().anyMatch(m -> m.key().equals("certification.record.bank-changed")));
    }
}
