package campus.certification.attempt;

import java.time.Instant;

/**
 * The two clocks an exam reads: a monotonic one for elapsed time while the app runs (immune to
 * the wall clock being changed), and the wall clock for time stamps and time spent closed.
 */
public interface ExamClock {

    ExamClock SYSTEM = new ExamClock() {
        @Override
        public long monotonicNanos() {
            return System.nanoTime();
        }

        @Override
        public Instant wallNow() {
            return Instant.now();
        }
    };

    long monotonicNanos();

    Instant wallNow();
}
