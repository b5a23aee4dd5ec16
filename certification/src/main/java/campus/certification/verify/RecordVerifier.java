package campus.certification.verify;

import campus.certification.CertificationException;
import campus.certification.attempt.Attempt;
import campus.certification.attempt.AttemptCodec;
import campus.certification.attempt.AttemptStatus;
import campus.certification.attempt.SubmitReason;
import campus.certification.bank.Blueprint;
import campus.certification.bank.LoadedExam;
import campus.certification.form.ExamForm;
import campus.certification.form.FormGenerator;
import campus.certification.grading.ExamResult;
import campus.certification.grading.Grader;
import campus.certification.integrity.InstallKey;
import campus.certification.integrity.SignedEnvelope;
import campus.i18n.Msg;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a submitted attempt record against the plaintext bank: signature, signer, exam and bank
 * identity, the form (regenerated from seed and history), and the score (re-graded). What
 * {@code campus exam verify} prints and what the server runs on every uploaded record. Thread-safe.
 */
public final class RecordVerifier {

    /**
     * @param signerTrusted whether the signing key is one the verifier was told to trust
     * @param findings      every mismatch found; empty for a record that checks out
     * @param signer        fingerprint of the key that signed it (empty when the envelope is unreadable)
     * @param time          the attempt's time as the bank's limit sees it: limit, time used, each resume
     */
    public record Report(boolean signatureValid, boolean signerTrusted, String signer, Optional<Attempt> attempt,
                         Optional<ExamResult> regraded, List<Msg> findings, List<Msg> time) {
        public Report {
            findings = List.copyOf(findings);
            time = List.copyOf(time);
        }

        /** The record is intact and agrees with the bank, whoever signed it. */
        public boolean ok() {
            return signatureValid && findings.isEmpty();
        }

        /** Intact, agrees with the bank, and signed by a trusted key: only this is "verified". */
        public boolean verified() {
            return ok() && signerTrusted;
        }
    }

    /**
     * How far past the limit an answer or a submit may be stamped: the exam observes its clock at each action and
     * once a second, so a real attempt never lands later than this.
     */
    static final long SLACK_MS = 5_000;

    private RecordVerifier() {
    }

    /**
     * @param trusted the keys this record may be signed with (a proctor's keyring; the server knows each device's
     *                key); empty when none was given, and then the record can check out but is not verified
     */
    public static Report verify(String recordText, LoadedExam exam, Grader grader, Set<PublicKey> trusted) {
        SignedEnvelope.Opened opened;
        try {
            opened = SignedEnvelope.open(recordText, SignedEnvelope.RECORD);
        } catch (CertificationException e) {
            return new Report(false, false, "", Optional.empty(), Optional.empty(), List.of(e.msg()), List.of());
        }
        String signer = InstallKey.fingerprint(opened.key());
        boolean signerTrusted = trusted.contains(opened.key());
        List<Msg> findings = new ArrayList<>();
        if (!trusted.isEmpty() && !signerTrusted) {
            findings.add(trusted.size() == 1
                    ? Msg.of("certification.record.other-key", signer, InstallKey.fingerprint(trusted.iterator().next()))
                    : Msg.of("certification.record.untrusted-key", signer, trusted.size()));
        }
        Attempt a;
        try {
            a = AttemptCodec.decode(opened.payload());
        } catch (CertificationException e) {
            findings.add(e.msg());
            return new Report(true, signerTrusted, signer, Optional.empty(), Optional.empty(), findings, List.of());
        }
        if (!InstallKey.decodePublic(a.publicKey()).equals(opened.key())) {
            findings.add(Msg.of("certification.record.key-mismatch"));
        }
        if (!a.status().finished() || a.claimed() == null) {
            findings.add(Msg.of("certification.record.not-submitted", a.status().code()));
            return new Report(true, signerTrusted, signer, Optional.of(a), Optional.empty(), findings, List.of());
        }
        if (!a.examId().equals(exam.id())) {
            findings.add(Msg.of("certification.record.other-exam", a.examId(), exam.id()));
            return new Report(true, signerTrusted, signer, Optional.of(a), Optional.empty(), findings, List.of());
        }
        if (!a.bankSha256().equals(exam.bankSha256())) {
            findings.add(Msg.of("certification.record.bank-changed", a.bankSha256(), exam.bankSha256()));
        }
        List<Msg> time = checkTime(a, exam.blueprint(), findings);
        ExamForm expected;
        try {
            expected = FormGenerator.generate(exam.bank(), exam.blueprint(), a.form().seed(), a.form().history());
        } catch (CertificationException e) {
            findings.add(e.msg());
            return new Report(true, signerTrusted, signer, Optional.of(a), Optional.empty(), findings, time);
        }
        if (!expected.equals(a.form())) {
            findings.add(Msg.of("certification.record.form-mismatch"));
        }
        if (a.form().items().stream().anyMatch(i -> exam.bank().find(i.questionId()).isEmpty())) {
            return new Report(true, signerTrusted, signer, Optional.of(a), Optional.empty(), findings, time);
        }
        ExamResult regraded = grader.grade(exam.bank(), exam.blueprint(), a.form(), a.responses());
        Attempt.Claimed c = a.claimed();
        if (a.status() == AttemptStatus.EXPIRED) {
            if (c.counted() || c.passed() || c.score() != 0) {
                findings.add(Msg.of("certification.record.score-mismatch", c.score(), 0.0));
            }
        } else if (Math.abs(regraded.score() - c.score()) > 0.005 || regraded.passed() != c.passed()
                || Math.abs(regraded.max() - c.max()) > 0.005 || !c.counted()) {
            findings.add(Msg.of("certification.record.score-mismatch", c.score(), regraded.score()));
        }
        return new Report(true, signerTrusted, signer, Optional.of(a), Optional.of(regraded), findings, time);
    }

    /**
     * Holds the attempt's time against the bank's blueprint, never the limit the record itself carries: the limit,
     * grace and policy must be the blueprint's; no answer may be stamped after the limit; a candidate's own submit
     * and every resume must fall within limit + grace (a submit the exam made itself on time-out may come later,
     * e.g. when the app was reopened after the end). Returns the lines to print.
     */
    static List<Msg> checkTime(Attempt a, Blueprint blueprint, List<Msg> findings) {
        long limit = blueprint.timeLimit().toMillis();
        long grace = blueprint.onTimeout() == Blueprint.OnTimeout.GRACE ? blueprint.grace().toMillis() : 0;
        if (a.timeLimitMs() != limit) {
            findings.add(Msg.of("certification.record.time-limit", minutes(a.timeLimitMs()), minutes(limit)));
        }
        if (a.onTimeout() != blueprint.onTimeout()
                || (blueprint.onTimeout() == Blueprint.OnTimeout.GRACE && a.graceMs() != grace)) {
            findings.add(Msg.of("certification.record.timeout-policy", a.onTimeout() == null ? "?" : a.onTimeout().code(),
                    seconds(a.graceMs()), blueprint.onTimeout().code(), seconds(grace)));
        }
        List<Msg> lines = new ArrayList<>();
        lines.add(Msg.of("certification.cli.time", minutes(limit), seconds(grace), seconds(a.elapsedMs()),
                a.submitReason() == null ? "?" : a.submitReason().code()));
        a.timings().entrySet().stream()
                .filter(t -> t.getValue().answeredAtMs() > limit + SLACK_MS)
                .sorted(Map.Entry.comparingByKey())
                .forEach(t -> findings.add(Msg.of("certification.record.answered-late", t.getKey(),
                        seconds(t.getValue().answeredAtMs()), minutes(limit))));
        if (a.submitReason() == SubmitReason.CANDIDATE && a.elapsedMs() > limit + grace + SLACK_MS) {
            findings.add(Msg.of("certification.record.submitted-late", seconds(a.elapsedMs()), seconds(limit + grace)));
        }
        Instant deadline = a.startedAt() == null ? null : a.startedAt().plusMillis(limit + grace + SLACK_MS);
        for (Attempt.Resume r : a.resumes()) {
            lines.add(Msg.of("certification.cli.resumed", String.valueOf(r.at()), seconds(r.closedMs())));
            if (deadline != null && r.at().isAfter(deadline) && a.submitReason() == SubmitReason.CANDIDATE) {
                findings.add(Msg.of("certification.record.resumed-late", String.valueOf(r.at()), String.valueOf(deadline)));
            }
            if (r.closedMs() < 0) {
                findings.add(Msg.of("certification.record.resume-negative", String.valueOf(r.at())));
            }
        }
        return lines;
    }

    private static long minutes(long ms) {
        return Math.round(ms / 60_000.0);
    }

    private static long seconds(long ms) {
        return Math.round(ms / 1000.0);
    }
}
