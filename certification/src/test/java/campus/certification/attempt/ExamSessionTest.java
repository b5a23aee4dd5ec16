package campus.certification.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.CertificationException;
import campus.certification.TestSupport;
import campus.certification.TestSupport.FakeClock;
import campus.certification.bank.ExamMode;
import campus.certification.bank.LoadedExam;
import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.certification.model.Response;
import campus.progress.LearningEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamSessionTest {

    @TempDir
    Path data;
    FakeClock clock = new FakeClock();
    List<LearningEvent> events = new ArrayList<>();
    LoadedExam exam;
    ExamService service;

    @BeforeEach
    void setUp() throws IOException {
        exam = TestSupport.load("all-types");
        service = ExamService.create(data, "app-sha", TestSupport.grader(), events::add, clock);
    }

    /** The right response, as the session presents the question, for each question of the all-types bank. */
    static Response right(ExamSession s, String questionId) {
        Question q = s.exam().bank().get(questionId);
        if (q.key() instanceof AnswerKey.MatchingKey m) {
            PresentedQuestion p = s.questions().stream().filter(x -> x.questionId().equals(questionId)).findFirst().orElseThrow();
            java.util.Map<String, String> map = new java.util.HashMap<>();
            m.pairs().forEach(pair -> map.put(pair.id(), p.parts().stream()
                    .filter(part -> part.text().equals(pair.right())).findFirst().orElseThrow().id()));
            return new Response.Matching(map);
        }
        return right(q);
    }

    static Response right(Question q) {
        AnswerKey k = q.key();
        if (k instanceof AnswerKey.ChoiceKey c) {
            return new Response.Choice(c.options().stream().filter(AnswerKey.Option::correct).map(AnswerKey.Option::id).toList());
        }
        if (k instanceof AnswerKey.TrueFalseKey t) {
            return new Response.TrueFalse(t.answer());
        }
        if (k instanceof AnswerKey.FillInKey) {
            return new Response.FillIn(q.id().equals("n1") ? "3.14" : "distinct");
        }
        if (k instanceof AnswerKey.OrderingKey o) {
            return new Response.Ordering(o.items().stream().map(AnswerKey.Item::id).toList());
        }
        return new Response.Sql(((AnswerKey.SqlKey) k).spec().referenceSql());
    }

    @Test
    void answersArePersistedAndResumeWithTheRightRemainingTime() throws IOException {
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Ann");
        String first = s.questions().get(0).questionId();
        clock.advance(Duration.ofMinutes(5));
        s.answer(first, right(s, first));
        // The app dies here; 3 minutes later it starts again with a fresh service.
        clock.advance(Duration.ofMinutes(3));
        ExamService again = ExamService.create(data, "app-sha", TestSupport.grader(), events::add, clock);
        assertEquals(1, again.unfinished().size());
        ExamSession r = again.resume(exam, s.attemptId());
        assertEquals(right(s, first), r.responses().get(first));
        assertEquals(Duration.ofMinutes(22), r.remaining());
        assertEquals(List.of(), r.anomalies());
    }

    @Test
    void leavingTheExamWindowIsRecordedWithTheTimeAwayAndSurvivesAResume() throws IOException {
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Ann");
        clock.advance(Duration.ofMinutes(2));
        s.windowLeft();
        s.windowLeft(); // a second loss without a return is the same absence
        clock.advance(Duration.ofSeconds(14));
        assertEquals(Optional.of(Duration.ofSeconds(14)), s.windowReturned());
        assertEquals(Optional.empty(), s.windowReturned(), "nothing open any more");
        clock.advance(Duration.ofMinutes(1));
        s.windowLeft();
        // Campus is killed while the candidate is away: the open absence is saved as it is.
        ExamService again = ExamService.create(data, "app-sha", TestSupport.grader(), events::add, clock);
        ExamSession r = again.resume(exam, s.attemptId());
        List<Attempt.Leave> leaves = r.windowLeaves();
        assertEquals(2, leaves.size());
        assertEquals(Duration.ofMinutes(2).toMillis(), leaves.get(0).elapsedMs());
        assertEquals(14_000, leaves.get(0).awayMs());
        assertEquals(-1, leaves.get(1).awayMs());
        assertEquals(Duration.ofMinutes(30).minusMinutes(2).minusSeconds(14).minusMinutes(1), r.remaining(),
                "time away is exam time like any other");

        ExamOutcome o = r.submit();
        r.windowLeft();
        assertEquals(2, r.windowLeaves().size(), "nothing is recorded after submit");
        String payload = new String(java.util.Base64.getDecoder().decode(com.google.gson.JsonParser.parseString(
                java.nio.file.Files.readString(o.record())).getAsJsonObject().get("payload").getAsString()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"windowLeaves\":[{"), "the signed record carries them: " + payload);
    }

    @Test
    void clockSetBackDuringTheExamGivesNoTimeAndIsRecorded() {
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Ann");
        clock.advance(Duration.ofMinutes(10));
        clock.wall = clock.wall.minus(Duration.ofHours(1));
        assertEquals(Duration.ofMinutes(20), s.remaining());
        assertEquals(ClockAnomaly.Kind.SET_BACK, s.anomalies().get(0).kind());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(19), s.remaining());
    }

    @Test
    void clockSetBackWhileClosedCountsTheGapAsZero() {
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Ann");
        clock.advance(Duration.ofMinutes(10));
        s.tick();
        s.flag(s.questions().get(0).questionId(), true);
        clock.wall = clock.wall.minus(Duration.ofHours(2));
        ExamSession r = service.resume(exam, s.attemptId());
        assertEquals(Duration.ofMinutes(20), r.remaining());
        assertEquals(ClockAnomaly.Kind.SET_BACK_WHILE_CLOSED, r.anomalies().get(0).kind());
    }

    @Test
    void sleepOrClockForwardIsChargedAndRecorded() {
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Ann");
        clock.wall = clock.wall.plus(Duration.ofMinutes(4));
        assertEquals(Duration.ofMinutes(26), s.remaining());
        assertEquals(ClockAnomaly.Kind.WALL_AHEAD, s.anomalies().get(0).kind());
    }

    @Test
    void autoSubmitAtTimeOutKeepsTheAnswers() {
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Ann");
        for (PresentedQuestion p : s.questions()) {
            s.answer(p.questionId(), right(s, p.questionId()));
        }
        clock.advance(Duration.ofMinutes(29));
        assertTrue(s.tick().isEmpty());
        clock.advance(Duration.ofMinutes(1));
        ExamOutcome o = s.tick().orElseThrow();
        assertEquals(SubmitReason.TIME_UP, o.reason());
        assertEquals(o.result().orElseThrow().max(), o.result().orElseThrow().score());
        assertTrue(o.claimed().passed());
        assertTrue(Files.isRegularFile(o.record()));
        CertificationException late = assertThrows(CertificationException.class,
                () -> s.answer(s.questions().get(0).questionId(), right(s, s.questions().get(0).questionId())));
        assertEquals("certification.attempt.closed", late.msg().key());
        LearningEvent e = events.get(0);
        assertEquals(LearningEvent.EXAM_RESULT, e.kind());
        assertEquals("all-types", e.subject());
        assertEquals(true, e.data().get("passed"));
        assertEquals("certification", e.data().get("mode"));
        assertEquals(s.attemptId(), e.data().get("attemptId"));
    }

    @Test
    void timeRunningOutWhileClosedSubmitsOnResume() {
        ExamSession s = service.start(exam, ExamMode.PRACTICE, "Ann");
        String q = s.questions().get(0).questionId();
        s.answer(q, right(s, q));
        clock.advance(Duration.ofHours(2));
        ExamSession r = service.resume(exam, s.attemptId());
        ExamOutcome o = r.outcome().orElseThrow();
        assertEquals(SubmitReason.TIME_UP, o.reason());
        assertTrue(o.result().orElseThrow().score() > 0);
    }

    @Test
    void explanationsOnlyWhereTheExamAllows() {
        ExamOutcome practice = service.start(exam, ExamMode.PRACTICE, "Ann").submit();
        assertTrue(practice.explanationsVisible());
        assertEquals(8, practice.review().size());
        ExamOutcome cert = service.start(exam, ExamMode.CERTIFICATION, "Ann").submit();
        assertFalse(cert.explanationsVisible());
        assertEquals(List.of(), cert.review());
        assertFalse(cert.result().orElseThrow().topics().isEmpty());
    }

    @Test
    void editingTheStoredAttemptIsDetectedAndTheFileIsKept() throws IOException {
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Ann");
        Path file = service.store().attemptFile(s.attemptId());
        String text = Files.readString(file);
        com.google.gson.JsonObject env = com.google.gson.JsonParser.parseString(text).getAsJsonObject();
        String payload = new String(java.util.Base64.getDecoder().decode(env.get("payload").getAsString()), StandardCharsets.UTF_8);
        env.addProperty("payload", java.util.Base64.getEncoder().encodeToString(
                payload.replace("\"elapsedMs\":0", "\"elapsedMs\":-600000").getBytes(StandardCharsets.UTF_8)));
        Files.writeString(file, env.toString());
        CertificationException e = assertThrows(CertificationException.class, () -> service.resume(exam, s.attemptId()));
        assertEquals("certification.attempt.tampered", e.msg().key());
        assertTrue(Files.exists(file));
        assertTrue(service.store().list().get(0).problem().isPresent());
    }

    @Test
    void anotherInstallCannotResumeTheAttempt() throws IOException {
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Ann");
        Path other = data.resolveSibling(data.getFileName() + "-other");
        ExamService stranger = ExamService.create(other, "app-sha", TestSupport.grader(), events::add, clock);
        Files.createDirectories(other.resolve("attempts"));
        Files.copy(service.store().attemptFile(s.attemptId()), stranger.store().attemptFile(s.attemptId()));
        assertEquals("certification.attempt.tampered",
                assertThrows(CertificationException.class, () -> stranger.resume(exam, s.attemptId())).msg().key());
    }

    @Test
    void nextAttemptAvoidsQuestionsAlreadySeen() throws IOException {
        LoadedExam pcta = service.openFolder(TestSupport.bankDir("pcta-sample"));
        ExamSession first = service.start(pcta, ExamMode.PRACTICE, "Ann");
        ExamSession second = service.start(pcta, ExamMode.PRACTICE, "Ann");
        java.util.Set<String> overlap = new java.util.HashSet<>(first.attempt().form().questionIds());
        overlap.retainAll(second.attempt().form().questionIds());
        assertEquals(4, overlap.size());
    }

    @Test
    void graceLocksAnswersThenSubmits() throws IOException {
        LoadedExam g = allTypesWithTimeout("grace", "\"grace\", \"graceSeconds\": 60");
        ExamSession s = service.start(g, ExamMode.CERTIFICATION, "Ann");
        clock.advance(Duration.ofMinutes(30));
        assertTrue(s.tick().isEmpty());
        assertEquals(AttemptStatus.GRACE, s.status());
        String q = s.questions().get(0).questionId();
        assertEquals("certification.attempt.time-up",
                assertThrows(CertificationException.class, () -> s.answer(q, right(s, q))).msg().key());
        clock.advance(Duration.ofSeconds(61));
        assertEquals(SubmitReason.GRACE_ENDED, s.tick().orElseThrow().reason());
    }

    @Test
    void notCountedPolicyClosesUngraded() throws IOException {
        LoadedExam g = allTypesWithTimeout("nc", "\"not-counted\"");
        ExamSession s = service.start(g, ExamMode.CERTIFICATION, "Ann");
        clock.advance(Duration.ofMinutes(31));
        ExamOutcome o = s.submit();
        assertEquals(AttemptStatus.EXPIRED, o.status());
        assertTrue(o.result().isEmpty());
        assertFalse(o.claimed().counted());
    }

    /** The all-types exam copied to {@code folder} with its {@code "onTimeout"} value replaced by {@code policyJson}. */
    private LoadedExam allTypesWithTimeout(String folder, String policyJson) throws IOException {
        Path dir = data.resolve(folder);
        copyBank(TestSupport.bankDir("all-types"), dir);
        Path ej = dir.resolve("exam.json");
        Files.writeString(ej, Files.readString(ej).replace("\"auto-submit\"", policyJson));
        return service.openFolder(dir);
    }

    static void copyBank(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve("questions"));
        Files.copy(from.resolve("exam.json"), to.resolve("exam.json"));
        try (var s = Files.list(from.resolve("questions"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.copy(p, to.resolve("questions").resolve(p.getFileName().toString()));
            }
        }
    }
}
