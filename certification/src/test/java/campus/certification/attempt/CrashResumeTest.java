package campus.certification.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.TestSupport;
import campus.certification.bank.ExamMode;
import campus.certification.bank.LoadedExam;
import campus.certification.model.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts an exam in another JVM, kills it hard after an answer, and resumes here. */
class CrashResumeTest {

    @TempDir
    Path data;

    /** The candidate's process: answers one question, reports, then waits to be killed. */
    public static void main(String[] args) throws Exception {
        LoadedExam exam = TestSupport.load("all-types");
        ExamService service = ExamService.create(Path.of(args[0]), "app-sha", TestSupport.grader(), e -> { }, ExamClock.SYSTEM);
        ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "Ann");
        // The "choice" section draws 3 of s1, s2, m1, m2, so a single-choice question is always on the form
        // (the true-false one is drawn only 5 times in 6).
        PresentedQuestion single = s.questions().stream().filter(p -> p.typeCode().equals("single")).findFirst().orElseThrow();
        String q = single.questionId();
        s.answer(q, Response.Choice.of(single.parts().get(0).id()));
        System.out.println("ANSWERED " + s.attemptId() + " " + q + " " + single.parts().get(0).id());
        System.out.flush();
        Thread.sleep(60_000);
    }

    @Test
    void anAttemptKilledAfterAnAnswerResumesWithItInANewProcess() throws Exception {
        java.time.Instant launched = java.time.Instant.now();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashResumeTest.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertNotNull(line);
        assertTrue(line.startsWith("ANSWERED "), line);
        String[] parts = line.split(" ");
        ExamService service = ExamService.create(data, "app-sha", TestSupport.grader(), e -> { }, ExamClock.SYSTEM);
        ExamSession s = service.resume(TestSupport.load("all-types"), parts[1]);
        assertEquals(Response.Choice.of(parts[3]), s.responses().get(parts[2]));
        // the clock went on counting across the crash, from the attempt's start (after launched), and was not reset
        // (a second's slack for clock readings rounded to the millisecond)
        Duration left = s.remaining();
        Duration atMostElapsed = Duration.between(launched, java.time.Instant.now());
        assertTrue(left.compareTo(Duration.ofMinutes(30)) < 0, left.toString());
        assertTrue(left.compareTo(Duration.ofMinutes(30).minus(atMostElapsed).minusSeconds(1)) >= 0, left + " after " + atMostElapsed);
        assertEquals(1, s.attempt().resumes().size());
    }
}
