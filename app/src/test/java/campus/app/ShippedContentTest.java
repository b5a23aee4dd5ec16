package campus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.courses.ContentRoot;
import campus.courses.Course;
import campus.courses.CourseLoader;
import campus.courses.LessonInfo;
import campus.courses.LoadedLesson;
import campus.courses.doc.Block;
import campus.courses.doc.Inline;
import campus.certification.bank.BankFiles;
import campus.certification.bank.ExamLoader;
import campus.certification.bank.QuizCatalog;
import campus.certification.bank.ShippedContent;
import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.i18n.Lang;
import campus.i18n.Text;
import campus.labs.Lab;
import campus.labs.LabCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What shipped content must have beyond what the formats require (and `campus validate` checks): every
 * lesson in both languages, hints for every lab, an explanation for every quiz and exam question, no Markdown
 * in a choice's text (the app shows it as written), every image a lesson shows, and the numbers the courses were
 * written to (3 courses, 24 lessons, 50 labs). The same checks run on a folder with one defect of each kind, so they
 * are known to catch them.
 */
class ShippedContentTest {

    @Test
    void shippedContentIsCompleteInBothLanguages() throws IOException {
        List<String> defects = defects(ContentRoot.shipped(), List.of(ShippedContent.examsRoot()));
        assertEquals(List.of(), defects);
    }

    @Test
    void theShippedCoursesAreNotEmpty() {
        List<Course> courses = CourseLoader.load(List.of(ContentRoot.shipped())).courses();
        assertEquals("sql-fundamentals", courses.get(0).id(), "the beginner course comes first");
        assertTrue(courses.get(0).lessons().size() >= 9);
    }

    @Test
    void theShippedCoursesReachThreeCoursesTwentyFourLessonsInBothLanguagesAndFiftyLabsWithHints() {
        assertEquals(List.of(), shortOfTheNumbers(ContentRoot.shipped()));
    }

    @Test
    void contentShortOfTheNumbersIsFound(@TempDir Path root) {
        writeDemoCourse(root.resolve("demo"));
        write(root.resolve("demo/01-one/labs/with-hint.json"), """
                {"id": "with-hint", "title": {"en": "T", "zh": "T"}, "task": {"en": "Do it.", "zh": "做吧。"},
                 "dataset": "bookshop", "check": "result", "hints": [{"en": "Count.", "zh": "计数。"}]}
                """);
        write(root.resolve("demo/01-one/labs/with-hint.sql"), "SELECT 1;\n");
        assertEquals(List.of(
                "1 course, 3 needed",
                "1 lesson in both languages, 24 needed",
                "1 lab with hints in both languages, 50 needed"), shortOfTheNumbers(ContentRoot.folder(root)));
    }

    /**
     * What the content under {@code root} lacks of the numbers the courses were written to: 3 courses, 24 lessons
     * each in both languages, 50 labs each with hints in both languages.
     */
    static List<String> shortOfTheNumbers(ContentRoot root) {
        List<Course> courses = CourseLoader.load(List.of(root)).courses();
        long lessons = courses.stream().mapToLong(c -> c.lessons().stream()
                .filter(l -> Stream.of(Lang.values()).allMatch(lang -> Files.isRegularFile(c.lessonFile(l.slug(), lang))
                        && CourseLoader.loadLesson(c, l.slug(), lang).shownIn() == lang))
                .count()).sum();
        long labs = LabCatalog.scan(List.of(root.path())).labs().stream()
                .filter(lab -> !lab.hints().isEmpty() && lab.hints().stream().allMatch(Text::complete))
                .count();
        List<String> out = new ArrayList<>();
        if (courses.size() < 3) {
            out.add(courses.size() + (courses.size() == 1 ? " course" : " courses") + ", 3 needed");
        }
        if (lessons < 24) {
            out.add(lessons + (lessons == 1 ? " lesson" : " lessons") + " in both languages, 24 needed");
        }
        if (labs < 50) {
            out.add(labs + (labs == 1 ? " lab" : " labs") + " with hints in both languages, 50 needed");
        }
        return out;
    }

    @Test
    void eachKindOfDefectIsFound(@TempDir Path root) throws IOException {
        Path course = root.resolve("demo");
        writeDemoCourse(course);
        write(course.resolve("01-one/quizzes/demo-quiz.json"), """
                {"id": "demo-quiz", "title": {"en": "Q", "zh": "Q"}, "questions": [
                  {"id": "demo-q1", "type": "true-false", "topics": ["t"], "difficulty": "easy",
                   "prompt": {"en": "True?", "zh": "对吗？"}, "answer": true, "explanation": {"en": "", "zh": "因为。"}},
                  {"id": "demo-q2", "type": "single", "topics": ["t"], "difficulty": "easy",
                   "prompt": {"en": "Which `index`?", "zh": "哪个`索引`？"},
                   "options": [{"id": "a", "text": {"en": "`(a, b)`", "zh": "(a, b)"}, "correct": true},
                               {"id": "b", "text": {"en": "(b)", "zh": "`(b)`"}, "correct": false}],
                   "explanation": {"en": "Because.", "zh": "因为。"}}]}
                """);
        Path exam = root.resolve("exams/demo-exam");
        write(exam.resolve("exam.json"), """
                {"id": "demo-exam", "title": {"en": "E", "zh": "E"}, "description": {"en": "E", "zh": "E"},
                 "timeLimitMinutes": 5, "pass": {"percent": 60}, "topics": {"t": {"en": "T", "zh": "T"}},
                 "sections": [{"id": "s", "title": {"en": "S", "zh": "S"}, "count": 1}]}
                """);
        write(exam.resolve("questions/q.json"), """
                [{"id": "e1", "type": "true-false", "topics": ["t"], "difficulty": "easy",
                  "prompt": {"en": "True?", "zh": "对吗？"}, "answer": true, "explanation": {"en": "Yes.", "zh": ""}}]
                """);
        List<String> defects = defects(ContentRoot.folder(root), List.of(root.resolve("exams")));
        assertEquals(List.of(
                "demo/01-one (en): image ../images/table.png is missing",
                "demo/01-one (zh): image ../images/table.png is missing",
                "demo/02-two: lesson.zh.md is missing",
                "lab no-hints: no hints",
                "quiz demo-quiz, question demo-q1: no explanation in en",
                "quiz demo-quiz, question demo-q2: option a shows Markdown as text in en: `(a, b)`",
                "quiz demo-quiz, question demo-q2: option b shows Markdown as text in zh: `(b)`",
                "exam demo-exam, question e1: no explanation in zh"), defects);
    }

    /** Every defect of the content under {@code courses} and the exam folders under each of {@code examRoots}. */
    static List<String> defects(ContentRoot courses, List<Path> examRoots) throws IOException {
        List<String> out = new ArrayList<>();
        for (Course c : CourseLoader.load(List.of(courses)).courses()) {
            for (LessonInfo l : c.lessons()) {
                for (Lang lang : Lang.values()) {
                    if (!Files.isRegularFile(c.lessonFile(l.slug(), lang))) {
                        out.add(c.id() + "/" + l.slug() + ": lesson." + lang.code() + ".md is missing");
                        continue;
                    }
                    LoadedLesson loaded = CourseLoader.loadLesson(c, l.slug(), lang);
                    if (loaded.shownIn() != lang || loaded.document().isEmpty()) {
                        out.add(c.id() + "/" + l.slug() + ": the " + lang.code() + " version does not load");
                        continue;
                    }
                    List<Inline.Image> images = new ArrayList<>();
                    blocks(loaded.document().get().blocks(), images);
                    for (Inline.Image img : images) {
                        if (img.resolved().isEmpty() || !Files.isRegularFile(c.dir().resolve(img.resolved()))) {
                            out.add(c.id() + "/" + l.slug() + " (" + lang.code() + "): image " + img.source() + " is missing");
                        }
                    }
                }
            }
        }
        for (Lab lab : LabCatalog.scan(List.of(courses.path())).labs()) {
            if (lab.hints().isEmpty()) {
                out.add("lab " + lab.id() + ": no hints");
            }
            for (int i = 0; i < lab.hints().size(); i++) {
                for (Lang lang : Lang.values()) {
                    if (!lab.hints().get(i).has(lang)) {
                        out.add("lab " + lab.id() + ": hint " + (i + 1) + " has no " + lang.code() + " text");
                    }
                }
            }
        }
        for (var quiz : QuizCatalog.scan(List.of(courses.path())).quizzes()) {
            explained("quiz " + quiz.id(), quiz.questions(), out);
        }
        for (Path examRoot : examRoots) {
            List<Path> exams;
            try (Stream<Path> s = Files.list(examRoot)) {
                exams = s.filter(Files::isDirectory).sorted().toList();
            }
            for (Path exam : exams) {
                ExamLoader.Checked checked = ExamLoader.check(BankFiles.read(exam));
                explained("exam " + exam.getFileName().toString().replace("/", ""), checked.questions(), out);
            }
        }
        return out;
    }

    private static void explained(String where, List<Question> questions, List<String> out) {
        for (Question q : questions) {
            for (Lang lang : Lang.values()) {
                Text e = q.explanation();
                if (e == null || !e.has(lang)) {
                    out.add(where + ", question " + q.id() + ": no explanation in " + lang.code());
                }
            }
            // the prompt and explanation are Markdown; an option is a radio button or check box label, shown as written
            if (q.key() instanceof AnswerKey.ChoiceKey choices) {
                for (AnswerKey.Option o : choices.options()) {
                    for (Lang lang : Lang.values()) {
                        String text = o.text().in(lang);
                        if (text.contains("`") || text.contains("**")) {
                            out.add(where + ", question " + q.id() + ": option " + o.id() + " shows Markdown as text in "
                                    + lang.code() + ": " + text);
                        }
                    }
                }
            }
        }
    }

    private static void blocks(List<Block> blocks, List<Inline.Image> images) {
        for (Block b : blocks) {
            if (b instanceof Block.Heading h) {
                inlines(h.content(), images);
            } else if (b instanceof Block.Paragraph p) {
                inlines(p.content(), images);
            } else if (b instanceof Block.BulletList l) {
                l.items().forEach(i -> blocks(i.blocks(), images));
            } else if (b instanceof Block.OrderedList l) {
                l.items().forEach(i -> blocks(i.blocks(), images));
            } else if (b instanceof Block.BlockQuote q) {
                blocks(q.blocks(), images);
            } else if (b instanceof Block.Admonition a) {
                blocks(a.blocks(), images);
            } else if (b instanceof Block.Footnotes f) {
                f.notes().forEach(n -> blocks(n.blocks(), images));
            } else if (b instanceof Block.Table t) {
                t.header().forEach(r -> r.forEach(cell -> inlines(cell.content(), images)));
                t.body().forEach(r -> r.forEach(cell -> inlines(cell.content(), images)));
            }
        }
    }

    private static void inlines(List<Inline> content, List<Inline.Image> images) {
        for (Inline in : content) {
            if (in instanceof Inline.Image img) {
                images.add(img);
            } else if (in instanceof Inline.Emphasis e) {
                inlines(e.content(), images);
            } else if (in instanceof Inline.Strong s) {
                inlines(s.content(), images);
            } else if (in instanceof Inline.Strikethrough s) {
                inlines(s.content(), images);
            } else if (in instanceof Inline.Link l) {
                inlines(l.content(), images);
            }
        }
    }

    /** A course of two lessons, the second in English only, whose first lesson shows a missing image and a lab without hints. */
    private static void writeDemoCourse(Path course) {
        write(course.resolve("course.json"), """
                {"id": "demo", "title": {"en": "Demo", "zh": "演示"}, "summary": {"en": "A demo.", "zh": "演示。"},
                 "level": "beginner", "lessons": ["01-one", "02-two"]}
                """);
        write(course.resolve("01-one/lesson.en.md"), "# One\n\n![A table](../images/table.png)\n\n```lab no-hints\n```\n");
        write(course.resolve("01-one/lesson.zh.md"), "# 一\n\n![表](../images/table.png)\n\n```lab no-hints\n```\n");
        write(course.resolve("02-two/lesson.en.md"), "# Two\n\nOnly in English.\n");
        write(course.resolve("01-one/labs/no-hints.json"), """
                {"id": "no-hints", "title": {"en": "T", "zh": "T"}, "task": {"en": "Do it.", "zh": "做吧。"},
                 "dataset": "bookshop", "check": "result"}
                """);
        write(course.resolve("01-one/labs/no-hints.sql"), "SELECT 1;\n");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
