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
        RecordVerifier.Report r = RecordVerifier.verify(record, exam, TestSupport.grader(), Optional.of(service.installKey().publicKey()));
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
        RecordVerifier.Report r = RecordVerifier.verify(env.toString(), exam, TestSupport.grader(), Optional.empty());
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
            assertFalse(RecordVerifier.verify(env.toString(), exam, TestSupport.grader(), Optional.empty()).ok(), field);
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
        RecordVerifier.Report r = RecordVerifier.verify(forged, exam, TestSupport.grader(), Optional.of(service.installKey().publicKey()));
        assertFalse(r.ok());
        assertTrue(r.findings().stream().anyMatch(m -> m.key().equals("certification.record.other-key")));
        // Without a known device key the forged envelope still fails: the payload names the original key.
        assertTrue(RecordVerifier.verify(forged, exam, TestSupport.grader(), Optional.empty()).findings().stream()
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
        RecordVerifier.Report r = RecordVerifier.verify(resigned, exam, TestSupport.grader(), Optional.empty());
        assertTrue(r.signatureValid());
        assertEquals("certification.record.score-mismatch", r.findings().get(0).key());
    }

    @Test
    void aChangedBankIsReported() throws IOException {
        Path copy = data.resolve("bank");
        campus.certification.attempt.ExamSessionTestAccess.copyBank(TestSupport.bankDir("all-types"), copy);
        Path q = copy.resolve("questions/misc.json");
        Files.writeString(q, Files.readString(q).replace("\"answer\": false", "\"answer\": true"));
        LoadedExam changed = service.openFolder(copy);
        RecordVerifier.Report r = RecordVerifier.verify(record, changed, TestSupport.grader(), Optional.empty());
        assertTrue(r.findings().stream().anyMatch(m -> m.key().equals("certification.record.bank-changed")));
    }
}
