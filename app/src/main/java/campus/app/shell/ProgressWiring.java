package campus.app.shell;

import campus.app.embed.ContentScans;
import campus.app.progress.ProgressModel;
import campus.app.progress.Syllabi;
import campus.app.trace.Milestones;
import campus.certification.bank.QuizCatalog;
import campus.courses.Library;
import campus.i18n.Lang;
import campus.labs.LabCatalog;
import campus.progress.LearningEvent;
import campus.progress.derived.ProgressSnapshot;
import campus.progress.derived.ProgressTracker;
import campus.progress.derived.Syllabus;
import campus.progress.store.ProgressStore;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Connects the window to the learner's progress: records lesson opened, lesson read to the end and preference
 * changes; keeps the {@link ProgressModel} up to date from the store (derived on a worker thread, never the UI
 * thread) and from the content (the syllabus, rebuilt off the UI thread when the courses change); applies a
 * preference another device set later than this one.
 */
final class ProgressWiring {

    private final ShellViewModel vm;
    private final ProgressStore store;
    private final ProgressModel model;
    private final ContentScans scans;
    private final Milestones milestones;
    private final ExecutorService worker = campus.app.concurrent.DaemonThreads.singleThread("campus-progress-derive");
    private final AtomicLong syllabusRequest = new AtomicLong();
    private final Map<String, String> applied = new HashMap<>();
    private boolean applying;
    private ReadToEnd readToEnd;

    ProgressWiring(ShellViewModel vm, ProgressStore store, ProgressModel model, ContentScans scans, Milestones milestones) {
        this.vm = vm;
        this.store = store;
        this.model = model;
        this.scans = scans;
        this.milestones = milestones;
        vm.lessonProperty().addListener((o, was, now) -> {
            if (now != null) {
                store.recordNow(LearningEvent.LESSON_OPENED, subject(now), Map.of());
                if (readToEnd != null) {
                    readToEnd.arm();
                }
            }
        });
        vm.langProperty().addListener((o, was, now) -> preference("language", now.code()));
        vm.darkProperty().addListener((o, was, now) -> preference("theme", now ? "dark" : "light"));
        vm.zoomProperty().addListener((o, was, now) -> preference("zoom", String.valueOf(now.intValue())));
    }

    private static String subject(OpenLesson open) {
        return Syllabus.lessonSubject(open.lesson().course().id(), open.lesson().slug());
    }

    private void preference(String key, String value) {
        if (!applying) {
            store.recordNow(LearningEvent.PREFERENCE_CHANGED, key, Map.of("value", value));
        }
    }

    /** After the first frame: follow the store and the content, and watch for lessons read to the end. */
    void start(LessonPane lessonPane) {
        readToEnd = new ReadToEnd(lessonPane.scrollPane(), () -> !vm.loadingProperty().get() && vm.lessonProperty().get() != null
                && lessonPane.rendered() != null && lessonPane.rendered().isComplete(), this::lessonRead);
        vm.loadingProperty().addListener((o, was, now) -> readToEnd.check());
        if (vm.lessonProperty().get() != null) {
            readToEnd.arm();
        }
        store.ready().thenRun(() -> milestones.reached("progress store open"));
        ProgressTracker.follow(store, ZoneId.systemDefault(), worker, snapshot -> {
            milestones.reached("progress derived from " + snapshot.events() + " events");
            String me = store.deviceId();
            Platform.runLater(() -> {
                model.setSnapshot(snapshot);
                applyPreferences(snapshot, me);
            });
        });
        vm.libraryProperty().addListener((o, was, now) -> rebuildSyllabus(now));
        rebuildSyllabus(vm.libraryProperty().get());
    }

    private void lessonRead() {
        OpenLesson open = vm.lessonProperty().get();
        if (open != null && !model.snapshot().lessonRead(open.lesson().course().id(), open.lesson().slug())) {
            store.recordNow(LearningEvent.LESSON_COMPLETED, subject(open), Map.of());
        }
    }

    private void rebuildSyllabus(Library library) {
        if (library == null) {
            return;
        }
        long req = syllabusRequest.incrementAndGet();
        // The walk of the roots the lessons' labs and quizzes are read from too: one walk per library.
        scans.of(library).thenAcceptAsync(r -> {
            Syllabus s = Syllabi.of(library, LabCatalog.scan(r), QuizCatalog.scan(r));
            milestones.reached("syllabus built");
            Platform.runLater(() -> {
                if (req == syllabusRequest.get()) {
                    model.setSyllabus(s);
                }
            });
        }, worker).whenComplete((done, error) -> {
            if (error != null) {
                System.err.println("campus: the syllabus cannot be built: " + error);
            }
        });
    }

    /** A preference whose latest value came from another device is taken over here (without recording it again). */
    private void applyPreferences(ProgressSnapshot s, String me) {
        for (ProgressSnapshot.Preference p : s.preferences().values()) {
            if (p.device().equals(me) || p.id().equals(applied.get(p.key()))) {
                continue;
            }
            applied.put(p.key(), p.id());
            applying = true;
            try {
                switch (p.key()) {
                    case "language" -> Lang.fromCode(p.value()).ifPresent(vm::setLang);
                    case "theme" -> vm.setDark(p.value().equals("dark"));
                    case "zoom" -> {
                        try {
                            vm.setZoom(Integer.parseInt(p.value()));
                        } catch (NumberFormatException ignored) {
                            // a value this build cannot read leaves the zoom as it is
                        }
                    }
                    default -> { }
                }
            } finally {
                applying = false;
            }
        }
    }

    void close() {
        worker.shutdownNow();
    }
}
