package campus.courses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.courses.doc.Block;
import campus.courses.doc.Inline;
import campus.courses.doc.LinkTarget;
import campus.i18n.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shipped beginner course is the renderer's showcase: in each language it uses every construct. */
class SampleCourseTest {

    static final Set<String> EVERY_CONSTRUCT = new TreeSet<>(List.of(
            "h1", "h2", "h3", "Paragraph", "BulletList", "OrderedList", "nested list", "BlockQuote",
            "CodeBlock sql", "Table", "align LEFT", "align CENTER", "align RIGHT", "ThematicBreak",
            "admonition NOTE", "admonition TIP", "admonition WARNING", "admonition with title",
            "LabEmbed first-select", "QuizEmbed first-steps-check",
            "Emphasis", "Strong", "Strikethrough", "Code", "Image resolved", "link Lesson", "link Lesson#anchor",
            "link Anchor", "link Web", "FootnoteRef", "Footnotes", "task OPEN", "task DONE"));

    @ParameterizedTest
    @EnumSource(Lang.class)
    void sampleCourseUsesEveryConstructInEachLanguage(Lang lang) {
        Course course = CourseLoader.load(List.of(ContentRoot.shipped())).course("sql-fundamentals").orElseThrow();
        Set<String> seen = new TreeSet<>();
        for (LessonInfo lesson : course.lessons()) {
            LoadedLesson loaded = CourseLoader.loadLesson(course, lesson.slug(), lang);
            assertEquals(lang, loaded.shownIn());
            assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
            blocks(loaded.document().orElseThrow().blocks(), seen, 0);
        }
        Set<String> missing = new TreeSet<>(EVERY_CONSTRUCT);
        missing.removeAll(seen);
        assertEquals(Set.of(), missing);
    }

    private static void blocks(List<Block> blocks, Set<String> seen, int depth) {
        for (Block b : blocks) {
            List<Inline> inlines = new ArrayList<>();
            if (b instanceof Block.Heading h) {
                seen.add("h" + h.level());
                inlines.addAll(h.content());
            } else if (b instanceof Block.Paragraph p) {
                seen.add("Paragraph");
                inlines.addAll(p.content());
            } else if (b instanceof Block.BulletList l) {
                seen.add(depth > 0 ? "nested list" : "BulletList");
                l.items().forEach(i -> {
                    if (i.task() != Block.Task.NONE) {
                        seen.add("task " + i.task());
                    }
                    blocks(i.blocks(), seen, depth + 1);
                });
            } else if (b instanceof Block.OrderedList l) {
                seen.add(depth > 0 ? "nested list" : "OrderedList");
                l.items().forEach(i -> blocks(i.blocks(), seen, depth + 1));
            } else if (b instanceof Block.BlockQuote q) {
                seen.add("BlockQuote");
                blocks(q.blocks(), seen, depth);
            } else if (b instanceof Block.CodeBlock c) {
                seen.add("CodeBlock " + c.language());
            } else if (b instanceof Block.Table t) {
                seen.add("Table");
                t.columns().forEach(a -> seen.add("align " + a));
                t.header().forEach(r -> r.forEach(c -> inlines.addAll(c.content())));
                t.body().forEach(r -> r.forEach(c -> inlines.addAll(c.content())));
            } else if (b instanceof Block.ThematicBreak) {
                seen.add("ThematicBreak");
            } else if (b instanceof Block.Admonition a) {
                seen.add("admonition " + a.kind());
                if (!a.title().isEmpty()) {
                    seen.add("admonition with title");
                }
                blocks(a.blocks(), seen, depth);
            } else if (b instanceof Block.LabEmbed lab) {
                seen.add("LabEmbed " + lab.labId());
            } else if (b instanceof Block.QuizEmbed quiz) {
                seen.add("QuizEmbed " + quiz.quizId());
            } else if (b instanceof Block.Footnotes f) {
                seen.add("Footnotes");
                f.notes().forEach(n -> blocks(n.blocks(), seen, depth));
            }
            inlines(inlines, seen);
        }
    }

    private static void inlines(List<Inline> inlines, Set<String> seen) {
        for (Inline i : inlines) {
            if (i instanceof Inline.Emphasis e) {
                seen.add("Emphasis");
                inlines(e.content(), seen);
            } else if (i instanceof Inline.Strong s) {
                seen.add("Strong");
                inlines(s.content(), seen);
            } else if (i instanceof Inline.Strikethrough s) {
                seen.add("Strikethrough");
                inlines(s.content(), seen);
            } else if (i instanceof Inline.Code) {
                seen.add("Code");
            } else if (i instanceof Inline.FootnoteRef) {
                seen.add("FootnoteRef");
            } else if (i instanceof Inline.Image img && !img.resolved().isEmpty()) {
                seen.add("Image resolved");
            } else if (i instanceof Inline.Link l) {
                if (l.target() instanceof LinkTarget.Lesson t) {
                    seen.add(t.anchor().isEmpty() ? "link Lesson" : "link Lesson#anchor");
                } else {
                    seen.add("link " + l.target().getClass().getSimpleName());
                }
                inlines(l.content(), seen);
            }
        }
    }
}
