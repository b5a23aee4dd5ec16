package campus.certification.attempt;

import java.util.Locale;

public enum SubmitReason {
    /** The candidate pressed submit. */
    CANDIDATE,
    /** Time ran out and the exam submits itself. */
    TIME_UP,
    /** The grace period after time-out ended without the candidate submitting. */
    GRACE_ENDED,
    /** Time ran out under the not-counted policy. */
    EXPIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SubmitReason fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
