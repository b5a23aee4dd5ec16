package campus.app.exam;

import campus.app.quiz.SqlInput;
import campus.certification.attempt.ExamClock;
import campus.certification.attempt.ExamService;
import campus.certification.bank.ShippedContent;
import campus.certification.grading.Grader;
import campus.i18n.Lang;
import campus.progress.LearningEventSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the exam screens need from the app, made once by the shell. The {@link ExamService} is created
 * lazily on the worker (it may create the install key) and shared by every launcher opened with this
 * context, so unfinished attempts and the install key are the same everywhere.
 */
public final class ExamContext {

    private final Path dataDir;
    private final String appSha256;
    private final Grader grader;
    private final LearningEventSink events;
    private final Supplier<Lang> language;
    private ExamClock clock = ExamClock.SYSTEM;
    private Executor executor = defaultExecutor();
    private List<Path> practiceExamFolders;
    private String candidate = System.getProperty("user.name", "");
    private SqlInput.Factory sqlInput = SqlInput::textArea;
    private CompletableFuture<ExamService> service;

    private ExamContext(Path dataDir, String appSha256, Grader grader, LearningEventSink events, Supplier<Lang> language) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.appSha256 = Objects.requireNonNull(appSha256, "appSha256");
        this.grader = Objects.requireNonNull(grader, "grader");
        this.events = Objects.requireNonNull(events, "events");
        this.language = Objects.requireNonNull(language, "language");
    }

    /**
     * @param dataDir   the user's Campus data folder (attempts/, records/, keys/ go there)
     * @param appSha256 SHA-256 of the running app, written into every attempt record
     * @param grader    {@code Grader.withSql(labs checker)}, or {@code Grader.withoutSql()}
     * @param events    where exam results go as learning events
     * @param language  the app's current language, read when a launcher or exam window opens
     */
    public static ExamContext of(Path dataDir, String appSha256, Grader grader, LearningEventSink events,
                                 Supplier<Lang> language) {
        return new ExamContext(dataDir, appSha256, grader, events, language);
    }

    /** For tests: a clock they can advance. */
    public ExamContext clock(ExamClock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** Runs disk, KDF and grading work; default: a small pool of daemon threads. */
    public ExamContext executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor);
        return this;
    }

    /** Exam folders offered as practice exams; default: every shipped exam. */
    public ExamContext practiceExamFolders(List<Path> folders) {
        this.practiceExamFolders = List.copyOf(folders);
        return this;
    }

    /** The name prefilled for the candidate (the signed-in learner). */
    public ExamContext candidate(String name) {
        this.candidate = name == null ? "" : name;
        return this;
    }

    public ExamContext sqlInput(SqlInput.Factory factory) {
        this.sqlInput = Objects.requireNonNull(factory);
        return this;
    }

    Path dataDir() {
        return dataDir;
    }

    Lang language() {
        return language.get();
    }

    ExamClock clock() {
        return clock;
    }

    Executor executor() {
        return executor;
    }

    String candidate() {
        return candidate;
    }

    SqlInput.Factory sqlInput() {
        return sqlInput;
    }

    /** Worker only: the configured folders, or the shipped exams. */
    List<Path> practiceExamFolders() throws IOException {
        if (practiceExamFolders != null) {
            return practiceExamFolders;
        }
        Path root = ShippedContent.examsRoot();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("exam.json"))).sorted().toList();
        }
    }

    synchronized CompletableFuture<ExamService> service() {
        if (service == null) {
            service = CompletableFuture.supplyAsync(() -> {
                try {
                    return ExamService.create(dataDir, appSha256, grader, events, clock);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, executor);
        }
        return service;
    }

    private static ExecutorService defaultExecutor() {
        return campus.app.concurrent.DaemonThreads.fixed("campus-exam-worker", 2);
    }
}
