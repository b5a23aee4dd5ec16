package campus.certification.attempt;

import campus.certification.bank.Blueprint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The exam time of one attempt, read from an {@link ExamClock}. Exam time advances by the larger of the monotonic and
 * the wall-clock step between two readings, so sleep and time closed count, and setting the clock back never gives
 * time (it goes to the {@link ProctoringLog} as a {@link ClockAnomaly}). Not thread-safe: {@link ExamSession} calls it
 * under its lock.
 */
final class ExamTime {

    static final long ANOMALY_THRESHOLD_NANOS = 2_000_000_000L;
    static final long HEARTBEAT_NANOS = 5_000_000_000L;

    private final Attempt a;
    private final ExamClock clock;
    private final ProctoringLog log;
    private long accountedNanos;
    private long lastMono;
    private Instant lastWall;
    private long lastPersistMono;

    ExamTime(Attempt a, ExamClock clock, ProctoringLog log) {
        this.a = a;
        this.clock = clock;
        this.log = log;
        this.accountedNanos = a.elapsedMs * 1_000_000L;
        this.lastMono = clock.monotonicNanos();
        this.lastWall = clock.wallNow();
        this.lastPersistMono = lastMono;
    }

    /** Advances exam time to now; returns the anomalies this reading found (already logged). */
    List<ClockAnomaly> observe() {
        long nowMono = clock.monotonicNanos();
        Instant nowWall = clock.wallNow();
        long mono = Math.max(0, nowMono - lastMono);
        long wall = Duration.between(lastWall, nowWall).toNanos();
        List<ClockAnomaly> found = List.of();
        if (!a.status.finished()) {
            if (wall < mono - ANOMALY_THRESHOLD_NANOS) {
                found = List.of(new ClockAnomaly(ClockAnomaly.Kind.SET_BACK, nowWall, a.elapsedMs, Duration.ofNanos(mono - wall)));
            } else if (wall > mono + ANOMALY_THRESHOLD_NANOS) {
                found = List.of(new ClockAnomaly(ClockAnomaly.Kind.WALL_AHEAD, nowWall, a.elapsedMs, Duration.ofNanos(wall - mono)));
            }
            log.anomalies(found);
            accountedNanos += Math.max(mono, wall);
            a.elapsedMs = accountedNanos / 1_000_000L;
        }
        lastMono = nowMono;
        lastWall = nowWall;
        return found;
    }

    /** Counts the time the app was closed, never less than zero (a clock set back meanwhile is logged). */
    void resumedAfterClose() {
        Instant now = clock.wallNow();
        long closed = Duration.between(a.checkpointAt, now).toMillis();
        if (closed < 0) {
            log.anomalies(List.of(new ClockAnomaly(ClockAnomaly.Kind.SET_BACK_WHILE_CLOSED, now, a.elapsedMs,
                    Duration.ofMillis(-closed))));
            closed = 0;
        }
        log.resumed(new Attempt.Resume(now, closed));
        accountedNanos = (a.elapsedMs + closed) * 1_000_000L;
        a.elapsedMs = accountedNanos / 1_000_000L;
        lastMono = clock.monotonicNanos();
        lastWall = now;
    }

    boolean timeUp() {
        return accountedNanos >= a.timeLimitMs * 1_000_000L;
    }

    /** Exam time left in nanoseconds (negative once over); zero once the attempt is finished. */
    long leftNanos() {
        return a.status.finished() ? 0 : a.timeLimitMs * 1_000_000L - accountedNanos;
    }

    /** Time up on an unfinished attempt under the grace policy: the candidate may still press submit. */
    boolean inGrace() {
        return !a.status.finished() && a.onTimeout == Blueprint.OnTimeout.GRACE && timeUp();
    }

    /** Time left to press submit under the grace policy; zero otherwise. */
    Duration graceRemaining() {
        if (a.onTimeout != Blueprint.OnTimeout.GRACE || a.status.finished()) {
            return Duration.ZERO;
        }
        long limit = a.timeLimitMs * 1_000_000L;
        long grace = a.graceMs * 1_000_000L;
        return Duration.ofNanos(Math.max(0, Math.min(grace, limit + grace - accountedNanos)));
    }

    boolean graceOver() {
        return accountedNanos >= (a.timeLimitMs + a.graceMs) * 1_000_000L;
    }

    /** Whether the heartbeat should save the clock: a few seconds since the last save. */
    boolean saveDue() {
        return clock.monotonicNanos() - lastPersistMono >= HEARTBEAT_NANOS;
    }

    /** The attempt was saved as of the last reading. */
    void saved() {
        lastPersistMono = lastMono;
    }

    long accountedNanos() {
        return accountedNanos;
    }

    /** Monotonic time of the last reading. */
    long lastMono() {
        return lastMono;
    }

    /** Wall time of the last reading. */
    Instant lastWall() {
        return lastWall;
    }

    Instant wallNow() {
        return clock.wallNow();
    }
}
