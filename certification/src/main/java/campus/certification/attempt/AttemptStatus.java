package campus.certification.attempt;

import java.util.Locale;

public enum AttemptStatus {
    /** Being answered (or closed and waiting to be resumed). */
    IN_PROGRESS,
    /** Time is up under the grace policy: answers are locked, submit is still possible. */
    GRACE,
    /** Submitted, graded and signed. */
    SUBMITTED,
    /** Time ran out under the not-counted policy: closed ungraded, scores zero. */
    EXPIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AttemptStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public boolean finished() {
        return this == SUBMITTED || this == EXPIRED;
    }
}
