package campus.app.exam;

import campus.certification.CertificationException;
import campus.certification.attempt.Attempt;
import campus.certification.attempt.ExamService;
import campus.certification.attempt.ExamSession;
import campus.certification.bank.ContentException;
import campus.certification.bank.ExamMode;
import campus.certification.bank.LoadedExam;
import campus.i18n.Lang;
import campus.i18n.Msg;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The launcher's state and actions: practice exams, opening a package with the unlock code, and
 * unfinished attempts to resume. Every service call runs on the context's worker; results come back
 * on the UI thread. The package a certification attempt came from is remembered in
 * {@code <data>/exam-ui/packages.properties} so that resuming only asks for the code again
 * (the decrypted bank never touches the disk).
 */
final class ExamLauncherViewModel {

    /** A session ready to show, with the code that unlocked it (null in practice mode). */
    record Ready(ExamSession session, ExamMode mode, String proctorCode) {
    }

    private final ExamContext ctx;
    private final Consumer<Ready> onReady;
    private final ObservableList<LoadedExam> practice = FXCollections.observableArrayList();
    private final ObservableList<Attempt> unfinished = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Msg> error = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> packageFile = new SimpleObjectProperty<>();
    private final StringProperty candidate = new SimpleStringProperty("");

    ExamLauncherViewModel(ExamContext ctx, Consumer<Ready> onReady) {
        this.ctx = ctx;
        this.onReady = onReady;
        candidate.set(ctx.candidate());
    }

    ObservableList<LoadedExam> practice() {
        return practice;
    }

    ObservableList<Attempt> unfinished() {
        return unfinished;
    }

    BooleanProperty busyProperty() {
        return busy;
    }

    ObjectProperty<Msg> errorProperty() {
        return error;
    }

    ObjectProperty<Path> packageFileProperty() {
        return packageFile;
    }

    StringProperty candidateProperty() {
        return candidate;
    }

    /** Loads the practice exams and the unfinished attempts. */
    void load() {
        work(() -> {
            ExamService service = ctx.service().join();
            List<LoadedExam> exams = new ArrayList<>();
            List<Msg> problems = new ArrayList<>();
            for (Path dir : ctx.practiceExamFolders()) {
                try {
                    exams.add(service.openFolder(dir));
                } catch (ContentException e) {
                    problems.add(Msg.of("app.exam.practice-broken", dir.getFileName().toString(), e.problems().size()));
                } catch (CertificationException e) {
                    problems.add(e.msg());
                }
            }
            List<Attempt> open = service.unfinished();
            return () -> {
                practice.setAll(exams);
                unfinished.setAll(open);
                if (!problems.isEmpty()) {
                    error.set(problems.get(0));
                }
            };
        });
    }

    void startPractice(LoadedExam exam) {
        String who = candidate.get();
        work(() -> {
            ExamSession s = ctx.service().join().start(exam, ExamMode.PRACTICE, who);
            return () -> onReady.accept(new Ready(s, ExamMode.PRACTICE, null));
        });
    }

    /**
     * A package given from outside the launcher (on the command line: a double-clicked {@code .campusexam}): its
     * header is checked off the UI thread; a file that cannot be a package is not chosen and says why.
     */
    void openPackage(Path file) {
        work(() -> {
            campus.certification.integrity.ExamPackage.check(file);
            return () -> packageFile.set(file);
        });
    }

    /** Decrypts the chosen package with the code (the KDF takes about a second) and starts a certification attempt. */
    void unlock(String code) {
        Path file = packageFile.get();
        if (file == null) {
            error.set(Msg.of("app.exam.choose-package-first"));
            return;
        }
        String who = candidate.get();
        work(() -> {
            ExamService service = ctx.service().join();
            LoadedExam exam = service.openPackage(file, code);
            ExamSession s = service.start(exam, ExamMode.CERTIFICATION, who);
            remember(s.attemptId(), file);
            return () -> onReady.accept(new Ready(s, ExamMode.CERTIFICATION, code));
        });
    }

    /** Practice attempts reopen their shipped exam; certification attempts need the package and the code again. */
    void resume(Attempt a, String code) {
        Optional<LoadedExam> shipped = practice.stream().filter(e -> e.id().equals(a.examId())).findFirst();
        Path file = packageFile.get();
        if (a.mode() == ExamMode.CERTIFICATION && file == null) {
            error.set(Msg.of("app.exam.choose-package-first"));
            return;
        }
        work(() -> {
            ExamService service = ctx.service().join();
            LoadedExam exam;
            if (a.mode() == ExamMode.CERTIFICATION) {
                exam = service.openPackage(file, code);
            } else {
                exam = shipped.orElseThrow(() -> new CertificationException(Msg.of("app.exam.exam-gone", a.examId())));
            }
            ExamSession s = service.resume(exam, a.attemptId());
            String proctor = a.mode() == ExamMode.CERTIFICATION ? code : null;
            return () -> onReady.accept(new Ready(s, a.mode(), proctor));
        });
    }

    /** Prefills the package a certification attempt came from, when this install remembers it. */
    void selectAttempt(Attempt a) {
        if (a.mode() != ExamMode.CERTIFICATION) {
            return;
        }
        CompletableFuture.supplyAsync(() -> remembered(a.attemptId()), ctx.executor())
                .thenAccept(p -> p.ifPresent(f -> Platform.runLater(() -> packageFile.set(f))));
    }

    private interface Job {
        Runnable run() throws Exception;
    }

    private void work(Job job) {
        busy.set(true);
        error.set(null);
        CompletableFuture.runAsync(() -> {
            Runnable done;
            try {
                done = job.run();
            } catch (Exception e) {
                Msg m = message(e);
                done = () -> error.set(m);
            }
            Runnable then = done;
            Platform.runLater(() -> {
                busy.set(false);
                then.run();
            });
        }, ctx.executor());
    }

    private static Msg message(Throwable e) {
        Throwable t = e;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ContentException ce) {
            return Msg.of("app.exam.package-invalid", ce.problems().size());
        }
        if (t instanceof CertificationException ce) {
            return ce.msg();
        }
        return Msg.of("app.exam.failed-unexpectedly", String.valueOf(t.getMessage()));
    }

    private Path memoryFile() {
        return ctx.dataDir().resolve("exam-ui").resolve("packages.properties");
    }

    private synchronized void remember(String attemptId, Path file) throws IOException {
        Properties p = readMemory();
        p.setProperty(attemptId, file.toAbsolutePath().toString());
        Files.createDirectories(memoryFile().getParent());
        try (OutputStream out = Files.newOutputStream(memoryFile())) {
            p.store(out, "exam package of each certification attempt, to offer it again on resume");
        }
    }

    private synchronized Optional<Path> remembered(String attemptId) {
        try {
            return Optional.ofNullable(readMemory().getProperty(attemptId)).map(Path::of).filter(Files::isRegularFile);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Properties readMemory() throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(memoryFile())) {
            try (InputStream in = Files.newInputStream(memoryFile())) {
                p.load(in);
            }
        }
        return p;
    }

    Supplier<Lang> language() {
        return ctx::language;
    }
}
