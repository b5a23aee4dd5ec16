package campus.courses.doc;

import java.util.List;

/** Inline content of a paragraph, heading, table cell or link. */
public sealed interface Inline {

    record Text(String text) implements Inline { }

    record Emphasis(List<Inline> content) implements Inline { }

    record Strong(List<Inline> content) implements Inline { }

    record Strikethrough(List<Inline> content) implements Inline { }

    record Code(String code) implements Inline { }

    /** A line break inside a paragraph: soft ones render as a space, hard ones as a new line. */
    record Break(boolean hard) implements Inline { }

    record Link(LinkTarget target, String title, List<Inline> content) implements Inline { }

    /**
     * An image. {@code source} is what the author wrote; {@code resolved} is the file it points to,
     * relative to the course folder, or empty when it is a web image or could not be resolved.
     */
    record Image(String source, String resolved, String alt, String title) implements Inline { }

    /** A reference {@code [^label]} to a footnote of the lesson, shown as its number. */
    record FootnoteRef(String label, int number) implements Inline {

        /** The anchor of the footnote itself, and of the first reference (where the footnote leads back to). */
        public static String noteAnchor(String label) {
            return "fn:" + label;
        }

        public static String refAnchor(String label) {
            return "fnref:" + label;
        }
    }

    /** Raw inline HTML is kept as text, never interpreted. */
    record RawHtml(String html) implements Inline { }

    /** Plain text of inline content, for anchors, search and accessibility. */
    static String plain(List<Inline> content) {
        StringBuilder sb = new StringBuilder();
        appendPlain(content, sb);
        return sb.toString();
    }

    private static void appendPlain(List<Inline> content, StringBuilder sb) {
        for (Inline in : content) {
            if (in instanceof Text t) {
                sb.append(t.text());
            } else if (in instanceof Emphasis e) {
                appendPlain(e.content(), sb);
            } else if (in instanceof Strong s) {
                appendPlain(s.content(), sb);
            } else if (in instanceof Strikethrough s) {
                appendPlain(s.content(), sb);
            } else if (in instanceof Code c) {
                sb.append(c.code());
            } else if (in instanceof Break b) {
                sb.append(b.hard() ? '\n' : ' ');
            } else if (in instanceof Link l) {
                appendPlain(l.content(), sb);
            } else if (in instanceof Image i) {
                sb.append(i.alt());
            } else if (in instanceof RawHtml h) {
                sb.append(h.html());
            }
        }
    }
}
