package campus.certification.attempt;

import campus.i18n.Msg;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Something odd about time during an attempt, kept in the attempt and its signed record so a
 * proctor or the server can judge it. None of them ever gives the candidate extra time.
 *
 * @param at        wall-clock time it was noticed
 * @param elapsedMs exam time used when it was noticed
 * @param amount    how far the wall clock and the monotonic clock disagreed
 */
public record ClockAnomaly(Kind kind, Instant at, long elapsedMs, Duration amount) {

    public enum Kind {
        /** The wall clock went back while the exam ran; the monotonic clock kept counting. */
        SET_BACK,
        /** The wall clock ran ahead of the monotonic one: the machine slept, or the clock was set forward. Charged. */
        WALL_AHEAD,
        /** On resume the wall clock read earlier than the last save: the closed time counts as zero. */
        SET_BACK_WHILE_CLOSED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public Msg message() {
        long s = amount.toSeconds();
        return switch (kind) {
            case SET_BACK -> Msg.of("certification.clock.set-back", s);
            case WALL_AHEAD -> Msg.of("certification.clock.wall-ahead", s);
            case SET_BACK_WHILE_CLOSED -> Msg.of("certification.clock.set-back-closed", s);
        };
    }
}
