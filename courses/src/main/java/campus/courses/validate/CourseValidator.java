package campus.courses.validate;

import campus.courses.ContentRoot;
import campus.courses.Course;
import campus.courses.CourseLoader;
import campus.courses.LessonInfo;
import campus.courses.Library;
import campus.courses.LoadedLesson;
import campus.courses.doc.Block;
import campus.courses.doc.Inline;
import campus.courses.doc.LessonDocument;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks course content the way {@code campus validate} reports it: everything the loader finds,
 * plus each lesson in each language present, images that exist, and embedded labs/quizzes that exist.
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

    public static List<Problem> validate(List<ContentRoot> roots, Embeds embeds) {
        Library lib = CourseLoader.load(roots);
        Set<Problem> problems = new LinkedHashSet<>(lib.problems());
        for (Course course : lib.courses()) {
            for (LessonInfo lesson : course.lessons()) {
                for (Lang lang : Lang.values()) {
                    LoadedLesson loaded = CourseLoader.loadLesson(course, lesson.slug(), lang);
                    if (loaded.shownIn() != lang || loaded.document().isEmpty()) {
                        // the missing file itself is among the loader's problems
                        loaded.problems().stream().filter(p -> p.path().endsWith("lesson." + lang.code() + ".md"))
                                .forEach(problems::add);
                        continue;
                    }
                    problems.addAll(loaded.problems());
                    String display = course.display(lesson.slug() + "/lesson." + lang.code() + ".md");
                    checkDocument(course, loaded.document().get(), display, embeds, problems::add);
                }
            }
        }
        List<Problem> out = new ArrayList<>(problems);
        out.sort(Problem.ORDER);
        return out;
    }

    static void checkDocument(Course course, LessonDocument doc, String display, Embeds embeds, Consumer<Problem> sink) {
        walk(doc.blocks(), block -> {
            if (block instanceof Block.LabEmbed lab && embeds.check() && !embeds.labIds().contains(lab.labId())) {
                sink.accept(new Problem(display, lab.line(), Msg.of("courses.validate.unknownLab", lab.labId())));
            } else if (block instanceof Block.QuizEmbed quiz && embeds.check() && !embeds.quizIds().contains(quiz.quizId())) {
                sink.accept(new Problem(display, quiz.line(), Msg.of("courses.validate.unknownQuiz", quiz.quizId())));
            }
            for (Inline.Image img : images(block)) {
                if (!img.resolved().isEmpty() && !Files.isRegularFile(course.dir().resolve(img.resolved()))) {
                    sink.accept(new Problem(display, block.line(), Msg.of("courses.validate.missingImage", img.source())));
                }
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
            }
        }
    }

    private static List<Inline.Image> images(Block b) {
        List<Inline.Image> out = new ArrayList<>();
        if (b instanceof Block.Paragraph p) {
            collect(p.content(), out);
        } else if (b instanceof Block.Heading h) {
            collect(h.content(), out);
        } else if (b instanceof Block.Table t) {
            t.header().forEach(r -> r.forEach(c -> collect(c.content(), out)));
            t.body().forEach(r -> r.forEach(c -> collect(c.content(), out)));
        }
        return out;
    }

    private static void collect(List<Inline> inlines, List<Inline.Image> out) {
        for (Inline i : inlines) {
            if (i instanceof Inline.Image img) {
                out.add(img);
            } else if (i instanceof Inline.Link l) {
                collect(l.content(), out);
            } else if (i instanceof Inline.Emphasis e) {
                collect(e.content(), out);
            } else if (i instanceof Inline.Strong s) {
                collect(s.content(), out);
            } else if (i instanceof Inline.Strikethrough s) {
                collect(s.content(), out);
            }
        }
    }
}
