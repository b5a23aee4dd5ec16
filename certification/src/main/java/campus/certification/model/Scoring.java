package campus.certification.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a question with several parts (multiple choice, matching, ordering) turns a partly right
 * response into credit. {@code "scoring"} in the question file; all-or-nothing when absent.
 */
public enum Scoring {
    /** Full points only when the response is exactly right, otherwise zero (PCTA/PCTP rule). */
    ALL_OR_NOTHING("all-or-nothing"),
    /**
     * Multiple choice: (right options chosen − wrong options chosen) / right options, at least 0.
     * Matching: pairs matched right / pairs. Ordering: items in their right place / items.
     */
    PARTIAL("partial"),
    /**
     * Choice questions: the chosen option's {@code weight} (single choice) or the sum of the chosen
     * options' weights (multiple choice), clamped to 0..1 (Moodle's rule).
     */
    WEIGHTED("weighted"),
    /**
     * Ordering only: each item but the last earns a share when the learner put the right item straight
     * after it (Moodle's "relative to the next item, excluding the last").
     */
    RELATIVE_NEXT("relative-next");

    private final String code;

    Scoring(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Scoring> fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.code.equals(c)).findFirst();
    }
}
