package campus.courses.doc;

import campus.i18n.Msg;
import campus.i18n.Problem;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link LessonEncoder} wrote, checking every length against what is left and every tag against the
 * known ones ({@link LessonCodec.Corrupt} otherwise).
 */
final class LessonDecoder {
    private final ByteBuffer in;
    private int depth;

    LessonDecoder(ByteBuffer in) {
        this.in = in;
    }

    LessonDocument document() throws LessonCodec.Corrupt {
        int version = in.getInt();
        if (version != LessonCodec.VERSION) {
            throw new LessonCodec.Corrupt("version " + version + ", expected " + LessonCodec.VERSION);
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
            throw new LessonCodec.Corrupt(in.remaining() + " bytes after the document");
        }
        return new LessonDocument(title, blocks, problems);
    }

    private Object arg() throws LessonCodec.Corrupt {
        byte tag = in.get();
        switch (tag) {
            case 's': return str();
            case 'i': return in.getInt();
            case 'l': return in.getLong();
            case 'd': return in.getDouble();
            case 'b': return in.get() != 0;
            default: throw new LessonCodec.Corrupt("message argument tag " + tag);
        }
    }

    /** A count of things each at least {@code minBytes} long: larger than what is left means damage. */
    private int count(int minBytes) throws LessonCodec.Corrupt {
        int n = in.getInt();
        if (n < 0 || (long) n * minBytes > in.remaining()) {
            throw new LessonCodec.Corrupt("a count of " + n + " with " + in.remaining() + " bytes left");
        }
        return n;
    }

    private List<Block> blocks() throws LessonCodec.Corrupt {
        if (++depth > 200) {
            throw new LessonCodec.Corrupt("blocks nested deeper than 200");
        }
        int n = count(5);
        List<Block> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(block());
        }
        depth--;
        return out;
    }

    private Block block() throws LessonCodec.Corrupt {
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
            default: throw new LessonCodec.Corrupt("block tag " + tag);
        }
    }

    private List<Block.ListItem> items() throws LessonCodec.Corrupt {
        int n = count(9);
        List<Block.ListItem> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int line = in.getInt();
            Block.Task task = Block.Task.values()[in.get()];
            out.add(new Block.ListItem(line, blocks(), task));
        }
        return out;
    }

    private List<List<Block.Cell>> rows() throws LessonCodec.Corrupt {
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

    private List<Inline> inlines() throws LessonCodec.Corrupt {
        if (++depth > 200) {
            throw new LessonCodec.Corrupt("inlines nested deeper than 200");
        }
        int n = count(2);
        List<Inline> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(inline());
        }
        depth--;
        return out;
    }

    private Inline inline() throws LessonCodec.Corrupt {
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
            default: throw new LessonCodec.Corrupt("inline tag " + tag);
        }
    }

    private LinkTarget target() throws LessonCodec.Corrupt {
        byte tag = in.get();
        switch (tag) {
            case 'L': {
                String slug = str();
                return new LinkTarget.Lesson(slug, str());
            }
            case 'A': return new LinkTarget.Anchor(str());
            case 'W': return new LinkTarget.Web(str());
            case 'B': return new LinkTarget.Broken(str());
            default: throw new LessonCodec.Corrupt("link target tag " + tag);
        }
    }

    private String str() throws LessonCodec.Corrupt {
        return LessonCodec.readString(in);
    }
}
