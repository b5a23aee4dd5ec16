package campus.certification.verify;

import campus.certification.CertificationException;
import campus.certification.attempt.Attempt;
import campus.certification.attempt.AttemptCodec;
import campus.certification.attempt.AttemptStatus;
import campus.certification.bank.LoadedExam;
import campus.certification.form.ExamForm;
import campus.certification.form.FormGenerator;
import campus.certification.grading.ExamResult;
import campus.certification.grading.Grader;
import campus.certification.integrity.InstallKey;
import campus.certification.integrity.SignedEnvelope;
import campus.i18n.Msg;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a submitted attempt record against the plaintext bank: signature, signer, exam and bank
 * identity, the form (regenerated from seed and history), and the score (re-graded). What
 * {@code campus exam verify} prints and what the server runs on every uploaded record. Thread-safe.
 */
public final class RecordVerifier {

    /**
     * @param findings every mismatch found; empty for a record that checks out
     * @param signer   fingerprint of the key that signed it (empty when the envelope is unreadable)
     */
    public record Report(boolean signatureValid, String signer, Optional<Attempt> attempt, Optional<ExamResult> regraded,
                         List<Msg> findings) {
        public Report {
            findings = List.copyOf(findings);
        }

        public boolean ok() {
            return signatureValid && findings.isEmpty();
        }
    }

    private RecordVerifier() {
    }

    /**
     * @param trusted the key this record must be signed with (the server knows each device's key);
     *                empty to accept the key the record carries
     */
    public static Report verify(String recordText, LoadedExam exam, Grader grader, Optional<PublicKey> trusted) {
        SignedEnvelope.Opened opened;
        try {
            opened = SignedEnvelope.open(recordText, SignedEnvelope.RECORD);
        } catch (CertificationException e) {
            return new Report(false, "", Optional.empty(), Optional.empty(), List.of(e.msg()));
        }
        String signer = InstallKey.fingerprint(opened.key());
        List<Msg> findings = new ArrayList<>();
        if (trusted.isPresent() && !trusted.get().equals(opened.key())) {
            findings.add(Msg.of("certification.record.other-key", signer, InstallKey.fingerprint(trusted.get())));
        }
        Attempt a;
        try {
            a = AttemptCodec.decode(opened.payload());
        } catch (CertificationException e) {
            findings.add(e.msg());
            return new Report(true, signer, Optional.empty(), Optional.empty(), findings);
        }
        if (!InstallKey.decodePublic(a.publicKey()).equals(opened.key())) {
            findings.add(Msg.of("certification.record.key-mismatch"));
        }
        if (!a.status().finished() || a.claimed() == null) {
            findings.add(Msg.of("certification.record.not-submitted", a.status().code()));
            return new Report(true, signer, Optional.of(a), Optional.empty(), findings);
        }
        if (!a.examId().equals(exam.id())) {
            findings.add(Msg.of("certification.record.other-exam", a.examId(), exam.id()));
            return new Report(true, signer, Optional.of(a), Optional.empty(), findings);
        }
        if (!a.bankSha256().equals(exam.bankSha256())) {
            findings.add(Msg.of("certification.record.bank-changed", a.bankSha256(), exam.bankSha256()));
        }
        ExamForm expected;
        try {
            expected = FormGenerator.generate(exam.bank(), exam.blueprint(), a.form().seed(), a.form().excluded());
        } catch (CertificationException e) {
            findings.add(e.msg());
            return new Report(true, signer, Optional.of(a), Optional.empty(), findings);
        }
        if (!expected.equals(a.form())) {
            findings.add(Msg.of("certification.record.form-mismatch"));
        }
        if (a.form().items().stream().anyMatch(i -> exam.bank().find(i.questionId()).isEmpty())) {
            return new Report(true, signer, Optional.of(a), Optional.empty(), findings);
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
        return new Report(true, signer, Optional.of(a), Optional.of(regraded), findings);
    }
}
