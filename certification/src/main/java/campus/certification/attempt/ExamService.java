package campus.certification.attempt;

import campus.certification.CertificationException;
import campus.certification.bank.BankFiles;
import campus.certification.bank.ExamLoader;
import campus.certification.bank.ExamMode;
import campus.certification.bank.LoadedExam;
import campus.certification.form.ExamForm;
import campus.certification.form.FormGenerator;
import campus.certification.grading.Grader;
import campus.certification.integrity.ExamPackage;
import campus.certification.integrity.InstallKey;
import campus.certification.model.Question;
import campus.i18n.Msg;
import campus.progress.LearningEventSink;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The entry point the app's exam screens use: open an exam, start or resume an attempt, list attempts.
 * Every method reads or writes disk (opening a package also runs the slow KDF): call them on a worker thread.
 */
public final class ExamService {

    private final AttemptStore store;
    private final InstallKey key;
    private final String appSha256;
    private final Grader grader;
    private final LearningEventSink events;
    private final ExamClock clock;

    private ExamService(AttemptStore store, InstallKey key, String appSha256, Grader grader, LearningEventSink events,
                        ExamClock clock) {
        this.store = store;
        this.key = key;
        this.appSha256 = appSha256;
        this.grader = grader;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param dataDir   the user's Campus data folder; holds keys/, attempts/ and records/
     * @param appSha256 SHA-256 of the running app (the app computes it, e.g. over its jar), recorded in every attempt
     * @param grader    {@link Grader#withSql} when the app has the labs checker, else {@link Grader#withoutSql()}
     */
    public static ExamService create(Path dataDir, String appSha256, Grader grader, LearningEventSink events,
                                     ExamClock clock) throws IOException {
        InstallKey key = InstallKey.loadOrCreate(dataDir);
        return new ExamService(new AttemptStore(dataDir, key), key, Objects.requireNonNull(appSha256), grader, events, clock);
    }

    public InstallKey installKey() {
        return key;
    }

    public AttemptStore store() {
        return store;
    }

    /** A plain exam folder (shipped practice exams, or an author's bank). */
    public LoadedExam openFolder(Path examDir) {
        try {
            return ExamLoader.load(BankFiles.read(examDir), Optional.empty());
        } catch (IOException e) {
            throw new CertificationException(Msg.of("certification.content.unreadable", String.valueOf(e.getMessage())), e);
        }
    }

    /** An encrypted package, opened with the proctor's unlock code. */
    public LoadedExam openPackage(Path packageFile, String unlockCode) {
        return ExamPackage.open(packageFile, unlockCode);
    }

    /**
     * Starts an attempt: draws a fresh form (avoiding questions this install saw in earlier attempts
     * of the exam, where the bank allows; those of the latest attempts last of all) and saves it before returning.
     */
    public ExamSession start(LoadedExam exam, ExamMode mode, String candidate) {
        long seed = new SecureRandom().nextLong();
        ExamForm form = FormGenerator.generate(exam.bank(), exam.blueprint(), seed, history(exam));
        List<Question> questions = form.questionIds().stream().map(exam.bank()::get).toList();
        grader.requireCanGrade(questions);
        Attempt a = new Attempt();
        a.attemptId = UUID.randomUUID().toString();
        a.examId = exam.id();
        a.mode = mode;
        a.candidate = candidate == null ? "" : candidate.trim();
        a.form = form;
        a.timeLimitMs = exam.blueprint().timeLimit().toMillis();
        a.onTimeout = exam.blueprint().onTimeout();
        a.graceMs = exam.blueprint().grace().toMillis();
        a.startedAt = clock.wallNow();
        a.checkpointAt = a.startedAt;
        a.appSha256 = appSha256;
        a.packageSha256 = exam.packageSha256().orElse(null);
        a.bankSha256 = exam.bankSha256();
        a.publicKey = key.publicKeyBase64();
        ExamSession session = new ExamSession(a, exam, store, grader, clock, events);
        session.tickSave();
        return session;
    }

    /**
     * The questions of this install's earlier attempts of the exam, one set per attempt, the most recent
     * start first. Older attempts are left out once the newer ones cover the whole bank: they could no
     * longer change which question is drawn, and the record stays small.
     */
    private List<Set<String>> history(LoadedExam exam) {
        List<Attempt> earlier = new ArrayList<>();
        for (AttemptStore.Stored s : store.list()) {
            s.attempt().filter(a -> a.examId.equals(exam.id())).ifPresent(earlier::add);
        }
        earlier.sort(Comparator.comparing((Attempt a) -> a.startedAt).reversed().thenComparing(a -> a.attemptId));
        Set<String> bank = new HashSet<>();
        exam.bank().questions().forEach(q -> bank.add(q.id()));
        List<Set<String>> history = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (Attempt a : earlier) {
            if (covered.containsAll(bank)) {
                break;
            }
            history.add(new LinkedHashSet<>(a.form.questionIds()));
            covered.addAll(a.form.questionIds());
        }
        return history;
    }

    /** Attempts on this install not yet submitted, to offer "resume" on start-up. */
    public List<Attempt> unfinished() {
        return store.list().stream().flatMap(s -> s.attempt().stream()).filter(a -> !a.status.finished()).toList();
    }

    /**
     * Reopens an attempt after the app closed or crashed. Time closed counts (a clock set back
     * counts as zero and is recorded); if time ran out meanwhile, the exam's time-out policy applies
     * at once and the session comes back finished.
     *
     * @throws CertificationException when the attempt file was edited, belongs to another install,
     *                                or was started on a different version of the exam
     */
    public ExamSession resume(LoadedExam exam, String attemptId) {
        Attempt a = store.load(attemptId);
        if (!a.examId.equals(exam.id()) || !a.bankSha256.equals(exam.bankSha256())) {
            throw new CertificationException(Msg.of("certification.attempt.other-exam", attemptId, a.examId));
        }
        ExamSession session = new ExamSession(a, exam, store, grader, clock, events);
        if (a.status.finished()) {
            session.restoreOutcome();
            return session;
        }
        session.resumedAfterClose();
        session.tickSave();
        session.tick();
        return session;
    }
}
