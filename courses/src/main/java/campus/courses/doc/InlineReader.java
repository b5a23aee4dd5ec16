package campus.courses.doc;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Flexmark inline nodes → {@link Inline}, resolving links and images against the course as it goes.
 * Links to a heading are remembered and checked once the whole lesson's anchors are known.
 */
final class InlineReader {

    private record AnchorLink(int line, String url, String anchor) { }

    private record LessonAnchorLink(int line, String url, String slug, String anchor) { }

    private final LessonContext ctx;
    private final Document document;
    private final Reporter report;
    private final LineIndex lines;
    private final List<AnchorLink> anchorLinks = new ArrayList<>();
    private final List<LessonAnchorLink> lessonAnchorLinks = new ArrayList<>();
    /** Footnote label → its number, in the order of the first reference. */
    private final Map<String, Integer> footnoteNumbers = new LinkedHashMap<>();

    InlineReader(LessonContext ctx, Document document, Reporter report, LineIndex lines) {
        this.ctx = ctx;
        this.document = document;
        this.report = report;
        this.lines = lines;
    }

    List<Inline> of(Node parent) {
        List<Inline> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            inline(n, out);
        }
        return mergeText(out);
    }

    /** The number of footnote {@code label}, 0 when nothing referred to it yet. */
    int footnoteNumber(String label) {
        return footnoteNumbers.getOrDefault(label, 0);
    }

    /** Numbers footnote {@code label} if it has no number yet, and returns its number. */
    int numberFootnote(String label) {
        return footnoteNumbers.computeIfAbsent(label, l -> footnoteNumbers.size() + 1);
    }

    /** Reports links to headings that do not exist, in this lesson or another one. */
    void checkAnchors(Anchors anchors) {
        for (AnchorLink l : anchorLinks) {
            if (!anchors.contains(l.anchor())) {
                report.problem(l.line(), "courses.lesson.unknownAnchor", l.url());
            }
        }
        for (LessonAnchorLink l : lessonAnchorLinks) {
            boolean present = l.slug().equals(ctx.lessonSlug()) ? anchors.contains(l.anchor())
                    : ctx.lessonHasAnchor().test(l.slug(), l.anchor());
            if (!present) {
                report.problem(l.line(), "courses.lesson.unknownLessonAnchor", l.url(), l.slug());
            }
        }
    }

    private void inline(Node n, List<Inline> out) {
        if (n instanceof Text || n instanceof HtmlEntity) {
            out.add(new Inline.Text(n.getChars().unescape()));
        } else if (n instanceof TextBase) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                inline(c, out);
            }
        } else if (n instanceof Code c) {
            out.add(new Inline.Code(c.getText().toString()));
        } else if (n instanceof StrongEmphasis) {
            out.add(new Inline.Strong(of(n)));
        } else if (n instanceof Emphasis) {
            out.add(new Inline.Emphasis(of(n)));
        } else if (n instanceof Strikethrough) {
            out.add(new Inline.Strikethrough(of(n)));
        } else if (n instanceof SoftLineBreak) {
            out.add(new Inline.Break(false));
        } else if (n instanceof HardLineBreak) {
            out.add(new Inline.Break(true));
        } else if (n instanceof Image img) {
            out.add(image(n, img.getUrl().unescape(), Inline.plain(of(n)), img.getTitle().unescape()));
        } else if (n instanceof ImageRef ref) {
            Reference r = ref.isDefined() ? ref.getReferenceNode(document) : null;
            if (r == null) {
                undefinedReference(n, ref.isReferenceTextCombined(), ref.getReference().toString(), out);
            } else {
                out.add(image(n, r.getUrl().unescape(), Inline.plain(of(n)), r.getTitle().unescape()));
            }
        } else if (n instanceof Link link) {
            out.add(new Inline.Link(target(n, link.getUrl().unescape()), link.getTitle().unescape(), of(n)));
        } else if (n instanceof LinkRef ref) {
            Reference r = ref.isDefined() ? ref.getReferenceNode(document) : null;
            if (r == null) {
                undefinedReference(n, ref.isReferenceTextCombined(), ref.getReference().toString(), out);
            } else {
                out.add(new Inline.Link(target(n, r.getUrl().unescape()), r.getTitle().unescape(), of(n)));
            }
        } else if (n instanceof AutoLink a) {
            out.add(new Inline.Link(new LinkTarget.Web(a.getUrl().unescape()), "",
                    List.of(new Inline.Text(a.getText().unescape()))));
        } else if (n instanceof MailLink m) {
            String mail = m.getText().unescape();
            out.add(new Inline.Link(new LinkTarget.Web("mailto:" + mail), "", List.of(new Inline.Text(mail))));
        } else if (n instanceof Footnote f) {
            String label = f.getText().toString();
            if (f.getReferenceNode(document) == null) {
                report.problem(lines.line(n), "courses.lesson.undefinedFootnote", label);
                out.add(new Inline.Text(n.getChars().toString()));
            } else {
                out.add(new Inline.FootnoteRef(label, numberFootnote(label)));
            }
        } else if (n instanceof HtmlInlineComment) {
            return;
        } else if (n instanceof HtmlInline) {
            report.problem(lines.line(n), "courses.lesson.rawHtml");
            out.add(new Inline.RawHtml(n.getChars().toString()));
        } else if (n.hasChildren()) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                inline(c, out);
            }
        } else {
            out.add(new Inline.Text(n.getChars().unescape()));
        }
    }

    /**
     * {@code [text][ref]} with no {@code [ref]: url} is shown as written. A lone {@code [word]} is
     * ordinary prose (an array index, a footnote mark), so only the two-part form is reported.
     */
    private void undefinedReference(Node n, boolean shortcut, String ref, List<Inline> out) {
        if (!shortcut) {
            report.problem(lines.line(n), "courses.lesson.undefinedReference", ref);
        }
        out.add(new Inline.Text(n.getChars().toString()));
    }

    /** Flexmark splits text at escapes and entities; adjacent pieces are joined for the renderer. */
    private static List<Inline> mergeText(List<Inline> in) {
        List<Inline> out = new ArrayList<>(in.size());
        for (Inline i : in) {
            if (i instanceof Inline.Text t && !out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text prev) {
                out.set(out.size() - 1, new Inline.Text(prev.text() + t.text()));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    private Inline image(Node n, String url, String alt, String title) {
        if (isWeb(url)) {
            return new Inline.Image(url, "", alt, title);
        }
        String resolved = CoursePaths.resolve(ctx.lessonSlug(), percentDecode(stripFragment(url))).orElse(null);
        if (resolved == null || resolved.endsWith("/")) {
            report.problem(lines.line(n), "courses.lesson.imageOutsideCourse", url);
            return new Inline.Image(url, "", alt, title);
        }
        if (!ctx.courseFileExists().test(resolved)) {
            report.problem(lines.line(n), "courses.lesson.missingImage", url);
        }
        return new Inline.Image(url, resolved, alt, title);
    }

    private LinkTarget target(Node n, String url) {
        int line = lines.line(n);
        if (url.startsWith("#")) {
            String anchor = percentDecode(url.substring(1));
            anchorLinks.add(new AnchorLink(line, url, anchor));
            return new LinkTarget.Anchor(anchor);
        }
        if (isWeb(url)) {
            return new LinkTarget.Web(url);
        }
        int hash = url.indexOf('#');
        String anchor = hash >= 0 ? percentDecode(url.substring(hash + 1)) : "";
        String resolved = CoursePaths.resolve(ctx.lessonSlug(), percentDecode(stripFragment(url))).orElse("");
        String first = resolved.contains("/") ? resolved.substring(0, resolved.indexOf('/')) : resolved;
        String rest = resolved.substring(first.length());
        boolean lessonFile = rest.isEmpty() || rest.equals("/") || rest.matches("/lesson\\.(en|zh)\\.md");
        if (ctx.lessonSlugs().contains(first) && lessonFile) {
            if (!anchor.isEmpty()) {
                lessonAnchorLinks.add(new LessonAnchorLink(line, url, first, anchor));
            }
            return new LinkTarget.Lesson(first, anchor);
        }
        report.problem(line, "courses.lesson.brokenLink", url);
        return new LinkTarget.Broken(url);
    }

    private static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash >= 0 ? url.substring(0, hash) : url;
    }

    static boolean isWeb(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://") || u.startsWith("mailto:");
    }

    /** {@code %20} and {@code %E8%A1%A8} back to characters; a stray {@code %} stays as it is. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
            i++;
        }
        out.append(bytes.toString(StandardCharsets.UTF_8));
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
