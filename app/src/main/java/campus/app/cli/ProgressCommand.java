package campus.app.cli;

import campus.app.progress.Syllabi;
import campus.app.state.DataFolder;
import campus.certification.bank.QuizCatalog;
import campus.courses.ContentRoot;
import campus.courses.Course;
import campus.courses.CourseLoader;
import campus.courses.LessonInfo;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.content.ContentScan;
import campus.labs.Lab;
import campus.labs.LabCatalog;
import campus.progress.derived.ProgressFold;
import campus.progress.derived.ProgressSnapshot;
import campus.progress.derived.Syllabus;
import campus.progress.store.ProgressStore;
import campus.progress.store.StoreUnavailableException;
import campus.progress.store.StoredEvent;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code campus progress [--data DIR] [--content DIR]… [--json] [--lang zh]}: the learner's derived progress
 * (courses, lessons done, labs passed with best score, quiz results by topic, exams, streak), computed from
 * the events in that data folder's progress store. Reading never creates a store.
 */
final class ProgressCommand {

    private ProgressCommand() {
    }

    static int run(List<String> args, List<Path> defaultRoots, PrintStream out, PrintStream err) {
        Optional<Path> data = Optional.empty();
        List<Path> roots = new ArrayList<>();
        boolean json = false;
        Lang lang = Lang.EN;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--json")) {
                json = true;
            } else if ((a.equals("--data") || a.equals("--content") || a.equals("--lang")) && i + 1 < args.size()) {
                String v = args.get(++i);
                if (a.equals("--data")) {
                    data = Optional.of(Path.of(v));
                } else if (a.equals("--content")) {
                    roots.add(Path.of(v));
                } else {
                    Optional<Lang> l = Lang.fromCode(v);
                    if (l.isEmpty()) {
                        err.println(Msg.of("app.progress.cli.usage").in(lang));
                        return 2;
                    }
                    lang = l.get();
                }
            } else {
                err.println(Msg.of("app.progress.cli.usage").in(lang));
                return 2;
            }
        }
        if (roots.isEmpty()) {
            roots.addAll(defaultRoots);
        }
        Path dir = DataFolder.resolve(data);
        ProgressSnapshot snap;
        try {
            snap = read(dir, lang, err);
        } catch (StoreUnavailableException e) {
            err.println(e.msg().in(lang));
            return 1;
        }
        List<ContentRoot> contentRoots = roots.stream()
                .map(p -> p.equals(ContentRoot.shipped().path()) ? ContentRoot.shipped() : ContentRoot.folder(p)).toList();
        List<Course> courses = CourseLoader.load(contentRoots).courses();
        ContentScan scan = ContentScan.of(roots);   // one walk for the labs and the quizzes
        LabCatalog labs = LabCatalog.scan(scan);
        QuizCatalog quizzes = QuizCatalog.scan(scan);
        Syllabus syllabus = Syllabi.of(courses, labs, quizzes);
        if (json) {
            out.println(new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create()
                    .toJson(json(dir, snap, courses, labs, syllabus, lang)));
        } else {
            text(dir, snap, courses, labs, syllabus, lang, out);
        }
        return 0;
    }

    /** Folds the store's events; a data folder without a store shows empty progress and stays untouched. */
    private static ProgressSnapshot read(Path dir, Lang lang, PrintStream err) {
        if (!Files.exists(dir.resolve(ProgressStore.FOLDER).resolve(ProgressStore.FILE)) && !Files.exists(dir.resolve("events.jsonl"))) {
            return ProgressSnapshot.EMPTY;
        }
        try (ProgressStore store = ProgressStore.open(dir)) {
            store.notices().forEach(n -> err.println(n.in(lang)));
            ProgressFold fold = new ProgressFold(ZoneId.systemDefault());
            for (List<StoredEvent> page = store.eventsAfter(0, 5000); !page.isEmpty(); page = store.eventsAfter(fold.lastPos(), 5000)) {
                page.forEach(fold::add);
            }
            return fold.snapshot();
        }
    }

    private static String lessonState(ProgressSnapshot s, String course, Syllabus.LessonOutline l) {
        if (s.lessonDone(course, l)) {
            return "done";
        }
        if (s.lessonRead(course, l.slug())) {
            return "read";
        }
        return s.lessonOpened(course, l.slug()) ? "opened" : "not-started";
    }

    private static void text(Path dir, ProgressSnapshot s, List<Course> courses, LabCatalog labs, Syllabus syllabus, Lang lang,
                             PrintStream out) {
        out.println(Msg.of("app.progress.cli.header", dir.toString(), s.events()).in(lang));
        for (Course c : courses) {
            Syllabus.CourseOutline o = syllabus.course(c.id()).orElseThrow();
            out.println(Msg.of("app.progress.cli.course", c.title().in(lang), s.percent(o), s.lessonsDone(o), o.lessons().size()).in(lang));
            for (Syllabus.LessonOutline l : o.lessons()) {
                String title = c.lesson(l.slug()).map(LessonInfo::title).map(t -> t.in(lang)).orElse(l.slug());
                String state = lessonState(s, c.id(), l);
                out.println("    " + (state.equals("done") ? "✓ " : "  ") + title + " — " + Msg.of("app.progress.lesson." + state).in(lang));
            }
        }
        List<Lab> all = labs.labs();
        int passed = (int) all.stream().filter(l -> s.labPassed(l.id())).count();
        out.println(Msg.of("app.progress.cli.labs", passed, all.size()).in(lang));
        for (Lab l : all) {
            Optional<ProgressSnapshot.LabRecord> r = s.lab(l.id());
            if (r.isEmpty() || r.get().attempts() == 0) {
                out.println("    " + l.id() + " — " + Msg.of("app.progress.cli.labNotTried").in(lang));
            } else {
                out.println("    " + (r.get().passed() ? "✓ " : "") + l.id() + " — "
                        + Msg.of("app.progress.cli.lab", r.get().bestScore(), l.points(), r.get().attempts(), r.get().passes()).in(lang));
            }
        }
        List<ProgressSnapshot.TopicResult> topics = s.quizByTopic(syllabus);
        out.println(Msg.of("app.progress.cli.quizzes", topics.size()).in(lang));
        for (ProgressSnapshot.TopicResult t : topics) {
            out.println("    " + Msg.of("app.progress.cli.topic", t.topic(), t.correct(), t.answered()).in(lang));
        }
        out.println(Msg.of("app.progress.cli.exams", s.exams().size()).in(lang));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
        for (ProgressSnapshot.ExamRecord e : s.exams()) {
            out.println("    " + (e.at() == null ? "?" : f.format(e.at())) + "  " + e.examId() + " — "
                    + Msg.of(e.passed() ? "app.progress.cli.examPassed" : "app.progress.cli.examFailed",
                    num(e.score()), num(e.max()), e.mode()).in(lang));
        }
        ProgressSnapshot.Streak st = s.streak(LocalDate.now());
        out.println(Msg.of("app.progress.cli.streak", st.current(), st.longest()).in(lang));
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static JsonObject json(Path dir, ProgressSnapshot s, List<Course> courses, LabCatalog labs, Syllabus syllabus, Lang lang) {
        JsonObject o = new JsonObject();
        o.addProperty("data", dir.toString());
        o.addProperty("events", s.events());
        JsonArray cs = new JsonArray();
        for (Course c : courses) {
            Syllabus.CourseOutline outline = syllabus.course(c.id()).orElseThrow();
            JsonObject co = new JsonObject();
            co.addProperty("id", c.id());
            co.addProperty("title", c.title().in(lang));
            co.addProperty("percent", s.percent(outline));
            co.addProperty("lessonsDone", s.lessonsDone(outline));
            co.addProperty("lessonCount", outline.lessons().size());
            JsonArray ls = new JsonArray();
            for (Syllabus.LessonOutline l : outline.lessons()) {
                JsonObject lo = new JsonObject();
                lo.addProperty("slug", l.slug());
                lo.addProperty("title", c.lesson(l.slug()).map(LessonInfo::title).map(t -> t.in(lang)).orElse(l.slug()));
                lo.addProperty("state", lessonState(s, c.id(), l));
                lo.addProperty("done", s.lessonDone(c.id(), l));
                JsonArray lab = new JsonArray();
                l.labs().forEach(lab::add);
                lo.add("labs", lab);
                ls.add(lo);
            }
            co.add("lessons", ls);
            cs.add(co);
        }
        o.add("courses", cs);
        JsonArray la = new JsonArray();
        for (Lab l : labs.labs()) {
            JsonObject lo = new JsonObject();
            ProgressSnapshot.LabRecord r = s.lab(l.id()).orElse(new ProgressSnapshot.LabRecord(l.id(), 0, 0, 0, false));
            lo.addProperty("id", l.id());
            lo.addProperty("course", l.courseId());
            lo.addProperty("lesson", l.lesson());
            lo.addProperty("passed", r.passed());
            lo.addProperty("bestScore", r.bestScore());
            lo.addProperty("maxScore", l.points());
            lo.addProperty("attempts", r.attempts());
            lo.addProperty("passes", r.passes());
            lo.addProperty("solutionRevealed", r.solutionRevealed());
            la.add(lo);
        }
        o.add("labs", la);
        JsonArray qa = new JsonArray();
        for (ProgressSnapshot.TopicResult t : s.quizByTopic(syllabus)) {
            JsonObject to = new JsonObject();
            to.addProperty("topic", t.topic());
            to.addProperty("answered", t.answered());
            to.addProperty("correct", t.correct());
            qa.add(to);
        }
        o.add("quizTopics", qa);
        JsonArray ea = new JsonArray();
        for (ProgressSnapshot.ExamRecord e : s.exams()) {
            JsonObject eo = new JsonObject();
            eo.addProperty("exam", e.examId());
            eo.addProperty("at", e.at() == null ? null : e.at().toString());
            eo.addProperty("score", e.score());
            eo.addProperty("max", e.max());
            eo.addProperty("passed", e.passed());
            eo.addProperty("mode", e.mode());
            eo.addProperty("counted", e.counted());
            ea.add(eo);
        }
        o.add("exams", ea);
        ProgressSnapshot.Streak st = s.streak(LocalDate.now());
        JsonObject so = new JsonObject();
        so.addProperty("current", st.current());
        so.addProperty("longest", st.longest());
        o.add("streak", so);
        JsonObject prefs = new JsonObject();
        s.preferences().forEach((k, v) -> prefs.addProperty(k, v.value()));
        o.add("preferences", prefs);
        return o;
    }
}
