package campus.courses.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import campus.courses.ContentRoot;
import campus.courses.Course;
import campus.courses.CourseLoader;
import campus.courses.LessonInfo;
import campus.courses.Library;
import campus.courses.LoadedLesson;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LessonCodecTest {

    /** Every construct the model has, nested, with problems carrying each kind of argument. */
    static LessonDocument everything() {
        List<Inline> rich = List.of(new Inline.Text("plain 中文 "), new Inline.Emphasis(List.of(new Inline.Text("em"))),
                new Inline.Strong(List.of(new Inline.Strikethrough(List.of(new Inline.Code("SELECT 1"))))),
                new Inline.Break(true), new Inline.Break(false),
                new Inline.Link(new LinkTarget.Lesson("02-two", "joins"), "title", List.of(new Inline.Text("next"))),
                new Inline.Link(new LinkTarget.Anchor("top"), "", List.of()),
                new Inline.Link(new LinkTarget.Web("https://example.com/?q=a&b"), "", List.of(new Inline.Text("web"))),
                new Inline.Link(new LinkTarget.Broken("../nowhere/"), "", List.of(new Inline.Text("broken"))),
                new Inline.Image("img/a.png", "01-one/img/a.png", "alt", "t"), new Inline.RawHtml("<b>"),
                new Inline.FootnoteRef("src-1", 1), new Inline.FootnoteRef("注", 2));
        List<Block> inner = List.of(new Block.Paragraph(7, rich), new Block.CodeBlock(8, "sql", "SELECT *\nFROM t;"));
        List<Block> blocks = List.of(
                new Block.Heading(1, 1, "title", rich),
                new Block.Paragraph(3, rich),
                new Block.BulletList(5, List.of(new Block.ListItem(5, inner, Block.Task.OPEN),
                        new Block.ListItem(6, inner, Block.Task.DONE),
                        new Block.ListItem(9, List.of(new Block.OrderedList(10, 3, List.of(new Block.ListItem(10, inner))))))),
                new Block.BlockQuote(12, inner),
                new Block.CodeBlock(14, "", "x".repeat(70_000)),   // longer than DataOutput's 64 KB strings
                new Block.Table(20, List.of(Block.Align.LEFT, Block.Align.CENTER, Block.Align.RIGHT, Block.Align.NONE),
                        List.of(List.of(new Block.Cell(rich), new Block.Cell(List.of()))),
                        List.of(List.of(new Block.Cell(List.of(new Inline.Text("1")))), List.of())),
                new Block.ThematicBreak(25),
                new Block.Admonition(27, Block.AdmonitionKind.WARNING, "Careful", inner),
                new Block.Admonition(30, Block.AdmonitionKind.TIP, "", List.of()),
                new Block.LabEmbed(33, "first-select"), new Block.QuizEmbed(35, "quiz-1"),
                new Block.RawHtml(37, "<div>\n</div>"),
                new Block.Footnotes(40, List.of(new Block.Footnote(40, "src-1", 1, inner),
                        new Block.Footnote(42, "注", 2, List.of(new Block.BulletList(43, List.of(new Block.ListItem(43, inner))))))));
        List<Problem> problems = List.of(
                new Problem("c/01-one/lesson.en.md", 3, Msg.of("courses.lesson.noTitle")),
                new Problem("c/01-one/lesson.en.md", 4, Msg.of("k", "s", 1, 2L, 2.5, true)));
        return new LessonDocument("A title", blocks, problems);
    }

    @Test
    void everyConstructSurvivesTheRoundTrip() throws Exception {
        LessonDocument doc = everything();
        assertTrue(LessonCodec.encodable(doc));
        assertEquals(doc, LessonCodec.read(ByteBuffer.wrap(LessonCodec.toBytes(doc))));
    }

    @Test
    void everyShippedLessonSurvivesTheRoundTripInBothLanguages() throws Exception {
        Library library = CourseLoader.load(List.of(ContentRoot.shipped()));
        int lessons = 0;
        for (Course c : library.courses()) {
            for (LessonInfo info : c.lessons()) {
                for (Lang lang : Lang.values()) {
                    LoadedLesson l = CourseLoader.loadLesson(c, info.slug(), lang);
                    LessonDocument doc = l.document().orElseThrow();
                    assertEquals(doc, LessonCodec.read(ByteBuffer.wrap(LessonCodec.toBytes(doc))), c.id() + "/" + info.slug());
                    lessons++;
                }
            }
        }
        assertTrue(lessons >= 4, "shipped lessons read: " + lessons);
    }

    @Test
    void aMessageArgumentOfAnotherTypeIsNotEncodable() {
        LessonDocument doc = new LessonDocument("t", List.of(),
                List.of(new Problem("p", 1, Msg.of("k", new java.util.ArrayList<>()))));
        assertFalse(LessonCodec.encodable(doc));
    }

    @Test
    void everyTruncationIsReportedAsDamage() {
        byte[] bytes = LessonCodec.toBytes(smallDoc());
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThrows(LessonCodec.Corrupt.class, () -> LessonCodec.read(ByteBuffer.wrap(cut)), "cut at " + n);
        }
    }

    @Test
    void trailingBytesAndAnotherVersionAreDamage() {
        byte[] bytes = LessonCodec.toBytes(smallDoc());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(LessonCodec.Corrupt.class, () -> LessonCodec.read(ByteBuffer.wrap(longer)));
        byte[] other = bytes.clone();
        other[3]++;
        assertThrows(LessonCodec.Corrupt.class, () -> LessonCodec.read(ByteBuffer.wrap(other)));
    }

    @Test
    void aHugeCountIsDamageNotAnAllocation() {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(LessonCodec.VERSION).putInt(0).putInt(Integer.MAX_VALUE);   // empty title, then 2^31-1 blocks
        assertThrows(LessonCodec.Corrupt.class, () -> LessonCodec.read(ByteBuffer.wrap(b.array())));
    }

    /** Flipped bytes give damage or some document, never another exception (or an out-of-memory error). */
    @Test
    void randomDamageNeverEscapesAsAnotherException() {
        byte[] bytes = LessonCodec.toBytes(smallDoc());
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            byte[] damaged = bytes.clone();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            try {
                LessonCodec.read(ByteBuffer.wrap(damaged));
            } catch (LessonCodec.Corrupt expected) {
                // fine
            } catch (RuntimeException | Error e) {
                fail("damage gave " + e, e);
            }
        }
    }

    private static LessonDocument smallDoc() {
        LessonDocument all = everything();
        List<Block> small = all.blocks().stream().filter(b -> !(b instanceof Block.CodeBlock)).toList();
        return new LessonDocument(all.title(), small, all.problems());
    }
}
