package campus.certification.attempt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the proctor reads in an attempt besides the answers: the times the exam window lost the focus, the times the
 * app was closed and reopened, and the clock anomalies. Kept in the attempt, so in its signed record. Not thread-safe:
 * {@link ExamSession} calls it under its lock.
 */
final class ProctoringLog {

    private final Attempt a;
    /** Monotonic time the window lost the focus, or -1 while it has it. */
    private long leftAtMono = -1;

    ProctoringLog(Attempt a) {
        this.a = a;
    }

    /** Whether the window has lost the focus and not had it back. */
    boolean away() {
        return leftAtMono >= 0;
    }

    /** The window lost the focus at monotonic time {@code mono}, wall time {@code wall}: an open leave. */
    void left(long mono, Instant wall) {
        leftAtMono = mono;
        a.leaves.add(new Attempt.Leave(wall, a.elapsedMs, -1));
    }

    /** The window has the focus again at monotonic time {@code mono}: completes the open leave, returns the time away. */
    Duration returned(long mono) {
        long ms = Math.max(0, (mono - leftAtMono) / 1_000_000L);
        int last = a.leaves.size() - 1;
        Attempt.Leave open = a.leaves.get(last);
        a.leaves.set(last, new Attempt.Leave(open.at(), open.elapsedMs(), ms));
        leftAtMono = -1;
        return Duration.ofMillis(ms);
    }

    /** Forgets an open leave without completing it (the attempt is closing or was never left). */
    void notAway() {
        leftAtMono = -1;
    }

    List<Attempt.Leave> leaves() {
        return List.copyOf(a.leaves);
    }

    void anomalies(List<ClockAnomaly> found) {
        a.anomalies.addAll(found);
    }

    List<ClockAnomaly> anomalies() {
        return List.copyOf(a.anomalies);
    }

    void resumed(Attempt.Resume resume) {
        a.resumes.add(resume);
    }
}
