package campus.app.shell;

import campus.courses.Course;
import campus.courses.doc.Block;
import campus.courses.doc.Inline;
import campus.courses.doc.LessonDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The course images a lesson shows that exist on disk, found on the background thread that loads
 * the lesson, so the renderer's image hook can answer without touching the disk on the UI thread.
 */
public final class LessonImages {

    private LessonImages() {
    }

    public static Set<String> existing(Course course, LessonDocument doc) {
        Set<String> referenced = new HashSet<>();
        blocks(doc.blocks(), referenced);
        Set<String> found = new HashSet<>();
        Path dir = course.dir().normalize();
        for (String rel : referenced) {
            Path p = dir.resolve(rel).normalize();
            if (p.startsWith(dir) && Files.isRegularFile(p)) {
                found.add(rel);
            }
        }
        return Set.copyOf(found);
    }

    private static void blocks(List<Block> blocks, Set<String> out) {
        for (Block b : blocks) {
            if (b instanceof Block.Heading) {
                inlines(((Block.Heading) b).content(), out);
            } else if (b instanceof Block.Paragraph) {
                inlines(((Block.Paragraph) b).content(), out);
            } else if (b instanceof Block.BulletList) {
                ((Block.BulletList) b).items().forEach(i -> blocks(i.blocks(), out));
            } else if (b instanceof Block.OrderedList) {
                ((Block.OrderedList) b).items().forEach(i -> blocks(i.blocks(), out));
            } else if (b instanceof Block.BlockQuote) {
                blocks(((Block.BlockQuote) b).blocks(), out);
            } else if (b instanceof Block.Admonition) {
                blocks(((Block.Admonition) b).blocks(), out);
            } else if (b instanceof Block.Footnotes f) {
                f.notes().forEach(n -> blocks(n.blocks(), out));
            } else if (b instanceof Block.Table) {
                Block.Table t = (Block.Table) b;
                t.header().forEach(row -> row.forEach(c -> inlines(c.content(), out)));
                t.body().forEach(row -> row.forEach(c -> inlines(c.content(), out)));
            }
        }
    }

    private static void inlines(List<Inline> content, Set<String> out) {
        for (Inline in : content) {
            if (in instanceof Inline.Image) {
                String r = ((Inline.Image) in).resolved();
                if (r != null && !r.isEmpty()) {
                    out.add(r);
                }
            } else if (in instanceof Inline.Emphasis) {
                inlines(((Inline.Emphasis) in).content(), out);
            } else if (in instanceof Inline.Strong) {
                inlines(((Inline.Strong) in).content(), out);
            } else if (in instanceof Inline.Strikethrough) {
                inlines(((Inline.Strikethrough) in).content(), out);
            } else if (in instanceof Inline.Link) {
                inlines(((Inline.Link) in).content(), out);
            }
        }
    }
}
