package campus.courses.doc;

import campus.i18n.Msg;
import campus.i18n.Problem;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact binary form of a {@link LessonDocument}, for {@link LessonCache}: reading it back takes a
 * fraction of a millisecond and no Markdown parser, where parsing the lesson again would start
 * Flexmark (tens of milliseconds the first time in a process). Strings are UTF-8 with an int length,
 * so code blocks and lessons of any size fit. Reading checks every length against what is left and
 * every tag against the known ones: a damaged or foreign input ends in {@link Corrupt}, never in a
 * wrong document or an out-of-memory error.
 */
public final class LessonCodec {

    /** Changes whenever the layout below or the meaning of a document changes. */
    static final int VERSION = 2;

    private LessonCodec() {
    }

    /** The input is not a document this codec wrote. */
    public static final class Corrupt extends Exception {
        private static final long serialVersionUID = 1L;

        Corrupt(String why) {
            super(why);
        }
    }

    /** Whether {@code doc} can be written: messages only carry strings and numbers as arguments. */
    public static boolean encodable(LessonDocument doc) {
        return doc.problems().stream().allMatch(p -> p.message().args().stream().allMatch(LessonCodec::encodableArg));
    }

    private static boolean encodableArg(Object a) {
        return a instanceof String || a instanceof Integer || a instanceof Long || a instanceof Double
                || a instanceof Boolean;
    }

    // ---- writing ----

    /** Writes {@code doc}; check {@link #encodable} first. */
    public static void write(LessonDocument doc, DataOutputStream out) throws IOException {
        new Writer(out).document(doc);
    }

    public static byte[] toBytes(LessonDocument doc) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(doc, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static final class Writer {
        private final DataOutputStream out;

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void document(LessonDocument d) throws IOException {
            out.writeInt(VERSION);
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
            writeString(out, s);
        }
    }

    // ---- reading ----

    /** Reads a document written by {@link #write}, starting at the buffer's position. */
    public static LessonDocument read(ByteBuffer in) throws Corrupt {
        try {
            return new Reader(in).document();
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new Corrupt(e.toString());
        }
    }

    static String readString(ByteBuffer in) throws Corrupt {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new Corrupt("a string of " + n + " bytes with " + in.remaining() + " left");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    private static final class Reader {
        private final ByteBuffer in;
        private int depth;

        Reader(ByteBuffer in) {
            this.in = in;
        }

        LessonDocument document() throws Corrupt {
            int version = in.getInt();
            if (version != VERSION) {
                throw new Corrupt("version " + version + ", expected " + VERSION);
            }
            String title = str();
            List<Block> blocks = blocks();
            int n = count(12);
            List<Problem> problems = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String path = str();
                int line = in.getInt();
                String key = str();
                int argc = count(1);
                Object[] args = new Object[argc];
                for (int a = 0; a < argc; a++) {
                    args[a] = arg();
                }
                problems.add(new Problem(path, line, Msg.of(key, args)));
            }
            if (in.hasRemaining()) {
                throw new Corrupt(in.remaining() + " bytes after the document");
            }
            return new LessonDocument(title, blocks, problems);
        }

        private Object arg() throws Corrupt {
            byte tag = in.get();
            switch (tag) {
                case 's': return str();
                case 'i': return in.getInt();
                case 'l': return in.getLong();
                case 'd': return in.getDouble();
                case 'b': return in.get() != 0;
                default: throw new Corrupt("message argument tag " + tag);
            }
        }

        /** A count of things each at least {@code minBytes} long: larger than what is left means damage. */
        private int count(int minBytes) throws Corrupt {
            int n = in.getInt();
            if (n < 0 || (long) n * minBytes > in.remaining()) {
                throw new Corrupt("a count of " + n + " with " + in.remaining() + " bytes left");
            }
            return n;
        }

        private List<Block> blocks() throws Corrupt {
            if (++depth > 200) {
                throw new Corrupt("blocks nested deeper than 200");
            }
            int n = count(5);
            List<Block> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(block());
            }
            depth--;
            return out;
        }

        private Block block() throws Corrupt {
            byte tag = in.get();
            int line = in.getInt();
            switch (tag) {
                case 'H': {
                    int level = in.getInt();
                    String anchor = str();
                    return new Block.Heading(line, level, anchor, inlines());
                }
                case 'P': return new Block.Paragraph(line, inlines());
                case 'U': return new Block.BulletList(line, items());
                case 'O': {
                    int start = in.getInt();
                    return new Block.OrderedList(line, start, items());
                }
                case 'Q': return new Block.BlockQuote(line, blocks());
                case 'C': {
                    String language = str();
                    return new Block.CodeBlock(line, language, str());
                }
                case 'T': {
                    int n = count(1);
                    List<Block.Align> columns = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        columns.add(Block.Align.values()[in.get()]);
                    }
                    List<List<Block.Cell>> header = rows();
                    return new Block.Table(line, columns, header, rows());
                }
                case 'R': return new Block.ThematicBreak(line);
                case 'A': {
                    Block.AdmonitionKind kind = Block.AdmonitionKind.values()[in.get()];
                    String title = str();
                    return new Block.Admonition(line, kind, title, blocks());
                }
                case 'L': return new Block.LabEmbed(line, str());
                case 'Z': return new Block.QuizEmbed(line, str());
                case 'X': return new Block.RawHtml(line, str());
                case 'N': {
                    int n = count(16);
                    List<Block.Footnote> notes = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        int noteLine = in.getInt();
                        String label = str();
                        int number = in.getInt();
                        notes.add(new Block.Footnote(noteLine, label, number, blocks()));
                    }
                    return new Block.Footnotes(line, notes);
                }
                default: throw new Corrupt("block tag " + tag);
            }
        }

        private List<Block.ListItem> items() throws Corrupt {
            int n = count(9);
            List<Block.ListItem> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int line = in.getInt();
                Block.Task task = Block.Task.values()[in.get()];
                out.add(new Block.ListItem(line, blocks(), task));
            }
            return out;
        }

        private List<List<Block.Cell>> rows() throws Corrupt {
            int n = count(4);
            List<List<Block.Cell>> out = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                int cells = count(4);
                List<Block.Cell> row = new ArrayList<>(cells);
                for (int c = 0; c < cells; c++) {
                    row.add(new Block.Cell(inlines()));
                }
                out.add(row);
            }
            return out;
        }

        private List<Inline> inlines() throws Corrupt {
            if (++depth > 200) {
                throw new Corrupt("inlines nested deeper than 200");
            }
            int n = count(2);
            List<Inline> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(inline());
            }
            depth--;
            return out;
        }

        private Inline inline() throws Corrupt {
            byte tag = in.get();
            switch (tag) {
                case 't': return new Inline.Text(str());
                case 'e': return new Inline.Emphasis(inlines());
                case 's': return new Inline.Strong(inlines());
                case 'x': return new Inline.Strikethrough(inlines());
                case 'c': return new Inline.Code(str());
                case 'b': return new Inline.Break(in.get() != 0);
                case 'l': {
                    LinkTarget target = target();
                    String title = str();
                    return new Inline.Link(target, title, inlines());
                }
                case 'i': {
                    String source = str();
                    String resolved = str();
                    String alt = str();
                    return new Inline.Image(source, resolved, alt, str());
                }
                case 'h': return new Inline.RawHtml(str());
                case 'f': {
                    String label = str();
                    return new Inline.FootnoteRef(label, in.getInt());
                }
                default: throw new Corrupt("inline tag " + tag);
            }
        }

        private LinkTarget target() throws Corrupt {
            byte tag = in.get();
            switch (tag) {
                case 'L': {
                    String slug = str();
                    return new LinkTarget.Lesson(slug, str());
                }
                case 'A': return new LinkTarget.Anchor(str());
                case 'W': return new LinkTarget.Web(str());
                case 'B': return new LinkTarget.Broken(str());
                default: throw new Corrupt("link target tag " + tag);
            }
        }

        private String str() throws Corrupt {
            return readString(in);
        }
    }
}
