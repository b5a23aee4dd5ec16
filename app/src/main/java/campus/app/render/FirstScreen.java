package campus.app.render;

import campus.courses.doc.Block;
import campus.courses.doc.Inline;
import java.util.List;

/**
 * How many top-level blocks fill the first screen, estimated from the document alone (before any
 * node exists), so that the window's first frame renders, styles and lays out only what it shows.
 * Sizes are in em of the scene root's font and follow {@code lesson.css} roughly; the estimate errs
 * on the generous side: a block too many costs a little time, a block too few would leave the bottom
 * of the first frame empty until the next one.
 */
public final class FirstScreen {

    /** Average advance of a body character (1.1em text) in root em; CJK characters count double. */
    private static final double CHAR_EM = 0.6;
    /** Body line height: 1.1em text plus 0.3em line spacing. */
    private static final double LINE_EM = 1.75;
    private static final double BLOCK_SPACING_EM = 0.85;
    /** A figure's height is unknown until its image has loaded. */
    private static final double IMAGE_EM = 24;
    private static final double EMBED_EM = 24;

    private FirstScreen() {
    }

    /**
     * The number of blocks from the start of {@code blocks} that cover block {@code from} and,
     * below its top, at least {@code heightEm} of a column {@code widthEm} wide.
     */
    public static int blocks(List<Block> blocks, int from, double widthEm, double heightEm) {
        int start = Math.max(0, Math.min(from, blocks.size()));
        double filled = 0;
        int i = start;
        while (i < blocks.size() && filled < heightEm) {
            filled += heightEm(blocks.get(i), widthEm) + BLOCK_SPACING_EM;
            i++;
        }
        return i;
    }

    static double heightEm(Block b, double widthEm) {
        if (b instanceof Block.Heading h) {
            double size = switch (h.level()) {
                case 1 -> 2.2;
                case 2 -> 1.75;
                case 3 -> 1.45;
                default -> 1.2;
            } * 1.1;
            return lines(chars(h.content()), widthEm / size * 1.1) * size * 1.3 + 0.8;
        } else if (b instanceof Block.Paragraph p) {
            return p.content().stream().anyMatch(in -> in instanceof Inline.Image)
                    ? IMAGE_EM : lines(chars(p.content()), widthEm) * LINE_EM;
        } else if (b instanceof Block.BulletList l) {
            return items(l.items(), widthEm - 1.6);
        } else if (b instanceof Block.OrderedList l) {
            return items(l.items(), widthEm - 2.2);
        } else if (b instanceof Block.BlockQuote q) {
            return all(q.blocks(), widthEm - 1.25);
        } else if (b instanceof Block.Admonition a) {
            return all(a.blocks(), widthEm - 2.25) + 3;
        } else if (b instanceof Block.CodeBlock c) {
            return c.code().split("\n", -1).length * 1.5 + 3.5;
        } else if (b instanceof Block.Table t) {
            return (t.header().size() + t.body().size()) * 2.3;
        } else if (b instanceof Block.ThematicBreak) {
            return 0.1;
        } else if (b instanceof Block.RawHtml h) {
            return h.html().split("\n", -1).length * LINE_EM;
        } else if (b instanceof Block.Footnotes f) {
            double h = 1;
            for (Block.Footnote n : f.notes()) {
                h += all(n.blocks(), widthEm - 2.2) * 0.85;
            }
            return h;
        }
        return EMBED_EM;
    }

    private static double items(List<Block.ListItem> items, double widthEm) {
        double h = 0;
        for (Block.ListItem item : items) {
            h += all(item.blocks(), widthEm) + 0.35;
        }
        return h;
    }

    private static double all(List<Block> blocks, double widthEm) {
        double h = 0;
        for (Block b : blocks) {
            h += heightEm(b, widthEm) + 0.6;
        }
        return h;
    }

    private static int lines(double chars, double widthEm) {
        double perLine = Math.max(10, widthEm / CHAR_EM);
        return Math.max(1, (int) Math.ceil(chars / perLine));
    }

    /** Character count in average-character units: wide (CJK) characters count twice. */
    private static double chars(List<Inline> content) {
        double n = 0;
        for (Inline in : content) {
            if (in instanceof Inline.Text t) {
                n += width(t.text());
            } else if (in instanceof Inline.Code c) {
                n += width(c.code());
            } else if (in instanceof Inline.Emphasis e) {
                n += chars(e.content());
            } else if (in instanceof Inline.Strong s) {
                n += chars(s.content());
            } else if (in instanceof Inline.Strikethrough s) {
                n += chars(s.content());
            } else if (in instanceof Inline.Link l) {
                n += chars(l.content());
            } else if (in instanceof Inline.RawHtml h) {
                n += width(h.html());
            } else {
                n += 1;
            }
        }
        return n;
    }

    private static double width(String s) {
        double n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) >= 0x1100 ? 2 : 1;
        }
        return n;
    }
}
