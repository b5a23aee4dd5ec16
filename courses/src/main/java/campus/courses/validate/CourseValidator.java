package campus.courses.validate;

import campus.courses.ContentRoot;
import campus.courses.Course;
import campus.courses.CourseLoader;
import campus.courses.LessonInfo;
import campus.courses.Library;
import campus.courses.LoadedLesson;
import campus.courses.doc.Block;
import campus.courses.doc.LessonDocument;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks course content the way {@code campus validate} reports it: everything the loader and the
 * parser find, plus both language versions of every lesson present and alike in structure, links to
 * headings of other lessons that exist, and embedded labs/quizzes that exist.
 */
public final class CourseValidator {

    /** The lab and quiz ids that exist, or {@link #UNCHECKED} while those modules are not consulted. */
    public record Embeds(Set<String> labIds, Set<String> quizIds, boolean check) {
        public static final Embeds UNCHECKED = new Embeds(Set.of(), Set.of(), false);

        public static Embeds of(Set<String> labIds, Set<String> quizIds) {
            return new Embeds(labIds, quizIds, true);
        }
    }

    private CourseValidator() {
    }

    /** Every problem, sorted by file and line; empty when the content is clean. */
    public static List<Problem> validate(List<ContentRoot> roots, Embeds embeds) {
        Library lib = CourseLoader.load(roots);
        Set<Problem> problems = new LinkedHashSet<>(lib.problems());
        for (Course course : lib.courses()) {
            validateCourse(course, embeds, problems::add);
        }
        List<Problem> out = new ArrayList<>(problems);
        out.sort(Problem.ORDER);
        return out;
    }

    private static void validateCourse(Course course, Embeds embeds, Consumer<Problem> sink) {
        // First pass: every lesson's heading anchors per language, so links into other lessons can be checked.
        Map<Lang, Map<String, Set<String>>> anchors = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            Map<String, Set<String>> byLesson = new HashMap<>();
            for (LessonInfo lesson : course.lessons()) {
                LoadedLesson loaded = CourseLoader.loadLesson(course, lesson.slug(), lang);
                if (loaded.shownIn() == lang && loaded.document().isPresent()) {
                    Set<String> set = new HashSet<>();
                    walk(loaded.document().get().blocks(), b -> {
                        if (b instanceof Block.Heading h) {
                            set.add(h.anchor());
                        }
                    });
                    byLesson.put(lesson.slug(), set);
                }
            }
            anchors.put(lang, byLesson);
        }
        for (LessonInfo lesson : course.lessons()) {
            Map<Lang, LessonDocument> docs = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                Map<String, Set<String>> known = anchors.get(lang);
                // A target lesson missing in this language is reported as a missing translation already.
                LoadedLesson loaded = CourseLoader.loadLesson(course, lesson.slug(), lang,
                        (slug, anchor) -> !known.containsKey(slug) || known.get(slug).contains(anchor));
                String display = course.display(lesson.slug() + "/lesson." + lang.code() + ".md");
                if (loaded.shownIn() != lang || loaded.document().isEmpty()) {
                    loaded.problems().stream().filter(p -> p.path().equals(display)).forEach(sink);
                    continue;
                }
                loaded.problems().forEach(sink);
                docs.put(lang, loaded.document().get());
                checkEmbeds(loaded.document().get(), display, embeds, sink);
            }
            if (docs.size() == 2) {
                StructureCheck.compare(docs.get(Lang.EN), course.display(lesson.slug() + "/lesson.en.md"),
                        docs.get(Lang.ZH), course.display(lesson.slug() + "/lesson.zh.md")).ifPresent(sink);
            }
        }
    }

    static void checkEmbeds(LessonDocument doc, String display, Embeds embeds, Consumer<Problem> sink) {
        if (!embeds.check()) {
            return;
        }
        walk(doc.blocks(), block -> {
            if (block instanceof Block.LabEmbed lab && !embeds.labIds().contains(lab.labId())) {
                sink.accept(new Problem(display, lab.line(), Msg.of("courses.validate.unknownLab", lab.labId())));
            } else if (block instanceof Block.QuizEmbed quiz && !embeds.quizIds().contains(quiz.quizId())) {
                sink.accept(new Problem(display, quiz.line(), Msg.of("courses.validate.unknownQuiz", quiz.quizId())));
            }
        });
    }

    private static void walk(List<Block> blocks, Consumer<Block> visit) {
        for (Block b : blocks) {
            visit.accept(b);
            if (b instanceof Block.BlockQuote q) {
                walk(q.blocks(), visit);
            } else if (b instanceof Block.Admonition a) {
                walk(a.blocks(), visit);
            } else if (b instanceof Block.BulletList l) {
                l.items().forEach(i -> walk(i.blocks(), visit));
            } else if (b instanceof Block.OrderedList l) {
                l.items().forEach(i -> walk(i.blocks(), visit));
            } else if (b instanceof Block.Footnotes f) {
                f.notes().forEach(n -> walk(n.blocks(), visit));
            }
        }
    }
}
