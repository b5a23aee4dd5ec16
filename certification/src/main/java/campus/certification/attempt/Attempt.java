package campus.certification.attempt;

import campus.certification.bank.Blueprint;
import campus.certification.bank.ExamMode;
import campus.certification.form.ExamForm;
import campus.certification.model.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything about one sitting of an exam, as persisted after every change and, once submitted,
 * signed as the attempt record. Mutable; {@link ExamSession} owns it and guards it with its lock.
 * Times are exam time in milliseconds unless named otherwise.
 */
public final class Attempt {

    /** Time spent on one question and when it was last answered. */
    public record Timing(long timeMs, long answeredAtMs, int changes) {
    }

    /** The app was closed for {@code closedMs} (wall time, counted) and reopened at {@code at}. */
    public record Resume(Instant at, long closedMs) {
    }

    /**
     * The exam window lost the keyboard focus at {@code at}, exam time {@code elapsedMs} (the candidate switched to
     * another program or window), for {@code awayMs}; -1 while it has not come back (or never did: a crash).
     */
    public record Leave(Instant at, long elapsedMs, long awayMs) {
    }

    /** The grade the app computed at submit, as the candidate saw it. */
    public record Claimed(double score, double max, boolean passed, boolean counted) {
    }

    String attemptId;
    String examId;
    ExamMode mode;
    String candidate;
    AttemptStatus status = AttemptStatus.IN_PROGRESS;
    ExamForm form;
    long timeLimitMs;
    Blueprint.OnTimeout onTimeout;
    long graceMs;
    Instant startedAt;
    long elapsedMs;
    Instant checkpointAt;
    long sequence;
    final Map<String, Response> responses = new LinkedHashMap<>();
    final Set<String> flagged = new LinkedHashSet<>();
    final Map<String, Timing> timings = new LinkedHashMap<>();
    final List<ClockAnomaly> anomalies = new ArrayList<>();
    final List<Resume> resumes = new ArrayList<>();
    final List<Leave> leaves = new ArrayList<>();
    Instant submittedAt;
    SubmitReason submitReason;
    Claimed claimed;
    String appSha256;
    String packageSha256;
    String bankSha256;
    String publicKey;

    public String attemptId() {
        return attemptId;
    }

    public String examId() {
        return examId;
    }

    public ExamMode mode() {
        return mode;
    }

    public String candidate() {
        return candidate;
    }

    public AttemptStatus status() {
        return status;
    }

    public ExamForm form() {
        return form;
    }

    public long timeLimitMs() {
        return timeLimitMs;
    }

    public long graceMs() {
        return graceMs;
    }

    public Blueprint.OnTimeout onTimeout() {
        return onTimeout;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long elapsedMs() {
        return elapsedMs;
    }

    public Instant checkpointAt() {
        return checkpointAt;
    }

    public Map<String, Response> responses() {
        return Map.copyOf(responses);
    }

    public Set<String> flagged() {
        return Set.copyOf(flagged);
    }

    public Map<String, Timing> timings() {
        return Map.copyOf(timings);
    }

    public List<ClockAnomaly> anomalies() {
        return List.copyOf(anomalies);
    }

    public List<Resume> resumes() {
        return List.copyOf(resumes);
    }

    public List<Leave> leaves() {
        return List.copyOf(leaves);
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public SubmitReason submitReason() {
        return submitReason;
    }

    public Claimed claimed() {
        return claimed;
    }

    public String appSha256() {
        return appSha256;
    }

    public String packageSha256() {
        return packageSha256;
    }

    public String bankSha256() {
        return bankSha256;
    }

    public String publicKey() {
        return publicKey;
    }
}
