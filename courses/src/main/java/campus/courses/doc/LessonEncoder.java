package campus.courses.doc;

import campus.i18n.Problem;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/** Writes a {@link LessonDocument} in {@link LessonCodec}'s layout; {@link LessonDecoder} reads it back. */
final class LessonEncoder {
    private final DataOutputStream out;

    LessonEncoder(DataOutputStream out) {
        this.out = out;
    }

    void document(LessonDocument d) throws IOException {
        out.writeInt(LessonCodec.VERSION);
        str(d.title());
        blocks(d.blocks());
        out.writeInt(d.problems().size());
        for (Problem p : d.problems()) {
            str(p.path());
            out.writeInt(p.line());
            str(p.message().key());
            out.writeInt(p.message().args().size());
            for (Object a : p.message().args()) {
                arg(a);
            }
        }
    }

    private void arg(Object a) throws IOException {
        if (a instanceof String s) {
            out.writeByte('s');
            str(s);
        } else if (a instanceof Integer i) {
            out.writeByte('i');
            out.writeInt(i);
        } else if (a instanceof Long l) {
            out.writeByte('l');
            out.writeLong(l);
        } else if (a instanceof Double x) {
            out.writeByte('d');
            out.writeDouble(x);
        } else if (a instanceof Boolean b) {
            out.writeByte('b');
            out.writeBoolean(b);
        } else {
            throw new IllegalArgumentException("a message argument of type " + a.getClass().getName());
        }
    }

    private void blocks(List<Block> blocks) throws IOException {
        out.writeInt(blocks.size());
        for (Block b : blocks) {
            block(b);
        }
    }

    private void block(Block b) throws IOException {
        if (b instanceof Block.Heading h) {
            head('H', b);
            out.writeInt(h.level());
            str(h.anchor());
            inlines(h.content());
        } else if (b instanceof Block.Paragraph p) {
            head('P', b);
            inlines(p.content());
        } else if (b instanceof Block.BulletList l) {
            head('U', b);
            items(l.items());
        } else if (b instanceof Block.OrderedList l) {
            head('O', b);
            out.writeInt(l.start());
            items(l.items());
        } else if (b instanceof Block.BlockQuote q) {
            head('Q', b);
            blocks(q.blocks());
        } else if (b instanceof Block.CodeBlock c) {
            head('C', b);
            str(c.language());
            str(c.code());
        } else if (b instanceof Block.Table t) {
            head('T', b);
            out.writeInt(t.columns().size());
            for (Block.Align a : t.columns()) {
                out.writeByte(a.ordinal());
            }
            rows(t.header());
            rows(t.body());
        } else if (b instanceof Block.ThematicBreak) {
            head('R', b);
        } else if (b instanceof Block.Admonition a) {
            head('A', b);
            out.writeByte(a.kind().ordinal());
            str(a.title());
            blocks(a.blocks());
        } else if (b instanceof Block.LabEmbed l) {
            head('L', b);
            str(l.labId());
        } else if (b instanceof Block.QuizEmbed q) {
            head('Z', b);
            str(q.quizId());
        } else if (b instanceof Block.RawHtml h) {
            head('X', b);
            str(h.html());
        } else if (b instanceof Block.Footnotes f) {
            head('N', b);
            out.writeInt(f.notes().size());
            for (Block.Footnote n : f.notes()) {
                out.writeInt(n.line());
                str(n.label());
                out.writeInt(n.number());
                blocks(n.blocks());
            }
        } else {
            throw new IllegalArgumentException("a block of type " + b.getClass().getName());
        }
    }

    private void head(char tag, Block b) throws IOException {
        out.writeByte(tag);
        out.writeInt(b.line());
    }

    private void items(List<Block.ListItem> items) throws IOException {
        out.writeInt(items.size());
        for (Block.ListItem i : items) {
            out.writeInt(i.line());
            out.writeByte(i.task().ordinal());
            blocks(i.blocks());
        }
    }

    private void rows(List<List<Block.Cell>> rows) throws IOException {
        out.writeInt(rows.size());
        for (List<Block.Cell> row : rows) {
            out.writeInt(row.size());
            for (Block.Cell c : row) {
                inlines(c.content());
            }
        }
    }

    private void inlines(List<Inline> content) throws IOException {
        out.writeInt(content.size());
        for (Inline in : content) {
            inline(in);
        }
    }

    private void inline(Inline in) throws IOException {
        if (in instanceof Inline.Text t) {
            out.writeByte('t');
            str(t.text());
        } else if (in instanceof Inline.Emphasis e) {
            out.writeByte('e');
            inlines(e.content());
        } else if (in instanceof Inline.Strong s) {
            out.writeByte('s');
            inlines(s.content());
        } else if (in instanceof Inline.Strikethrough s) {
            out.writeByte('x');
            inlines(s.content());
        } else if (in instanceof Inline.Code c) {
            out.writeByte('c');
            str(c.code());
        } else if (in instanceof Inline.Break b) {
            out.writeByte('b');
            out.writeBoolean(b.hard());
        } else if (in instanceof Inline.Link l) {
            out.writeByte('l');
            target(l.target());
            str(l.title());
            inlines(l.content());
        } else if (in instanceof Inline.Image i) {
            out.writeByte('i');
            str(i.source());
            str(i.resolved());
            str(i.alt());
            str(i.title());
        } else if (in instanceof Inline.RawHtml h) {
            out.writeByte('h');
            str(h.html());
        } else if (in instanceof Inline.FootnoteRef f) {
            out.writeByte('f');
            str(f.label());
            out.writeInt(f.number());
        } else {
            throw new IllegalArgumentException("an inline of type " + in.getClass().getName());
        }
    }

    private void target(LinkTarget t) throws IOException {
        if (t instanceof LinkTarget.Lesson l) {
            out.writeByte('L');
            str(l.lessonSlug());
            str(l.anchor());
        } else if (t instanceof LinkTarget.Anchor a) {
            out.writeByte('A');
            str(a.anchor());
        } else if (t instanceof LinkTarget.Web w) {
            out.writeByte('W');
            str(w.url());
        } else if (t instanceof LinkTarget.Broken b) {
            out.writeByte('B');
            str(b.raw());
        } else {
            throw new IllegalArgumentException("a link target of type " + t.getClass().getName());
        }
    }

    private void str(String s) throws IOException {
        LessonCodec.writeString(out, s);
    }
}
