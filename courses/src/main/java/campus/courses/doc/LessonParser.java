package campus.courses.doc;

import campus.i18n.Msg;
import campus.i18n.Problem;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.AbstractYamlFrontMatterVisitor;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Markdown → {@link LessonDocument}: CommonMark plus GFM tables and strikethrough, YAML front matter
 * for the title, admonitions ({@code !!! note "Title"}) and lab/quiz embeds ({@code ```lab id```}).
 * The Flexmark parser is immutable and shared; one call parses one lesson and is thread-safe.
 */
public final class LessonParser {

    private static final Parser PARSER;

    static {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                YamlFrontMatterExtension.create(), AdmonitionExtension.create()));
        // GFM table rules: a header row is required, and column counts may differ per row.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        PARSER = Parser.builder(options).build();
    }

    private final LessonContext ctx;
    private final Document document;
    private final List<Problem> problems = new ArrayList<>();
    private final Anchors anchors = new Anchors();
    private final int[] lineStarts;

    private LessonParser(LessonContext ctx, Document document) {
        this.ctx = ctx;
        this.document = document;
        this.lineStarts = lineStarts(document.getChars());
    }

    public static LessonDocument parse(String markdown, LessonContext ctx) {
        Document document = PARSER.parse(markdown);
        LessonParser p = new LessonParser(ctx, document);
        List<Block> blocks = p.blocks(document);
        String title = p.frontMatterTitle();
        if (title.isEmpty()) {
            title = blocks.stream().filter(Block.Heading.class::isInstance).map(Block.Heading.class::cast)
                    .findFirst().map(h -> Inline.plain(h.content())).orElse("");
        }
        if (title.isEmpty()) {
            p.problem(1, "courses.lesson.noTitle");
        }
        return new LessonDocument(title, blocks, p.problems);
    }

    private String frontMatterTitle() {
        AbstractYamlFrontMatterVisitor visitor = new AbstractYamlFrontMatterVisitor();
        visitor.visit(document);
        Map<String, List<String>> data = visitor.getData();
        List<String> values = data.get("title");
        if (values == null || values.isEmpty()) {
            return "";
        }
        String v = values.get(0).trim();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v.trim();
    }

    private void problem(int line, String key, Object... args) {
        problems.add(new Problem(ctx.sourcePath(), line, Msg.of(key, args)));
    }

    /**
     * Flexmark's {@code getStartLineNumber} scans the document from the start on every call, which made
     * line numbers half the parse time of a long lesson; this binary-searches precomputed line starts.
     */
    private int line(Node node) {
        int i = java.util.Arrays.binarySearch(lineStarts, node.getStartOffset());
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static int[] lineStarts(CharSequence text) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return java.util.Arrays.copyOf(starts, n);
    }

    // ---- blocks ----

    private List<Block> blocks(Node parent) {
        List<Block> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Block b = block(n);
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    private Block block(Node n) {
        int line = line(n);
        if (n instanceof Heading h) {
            List<Inline> content = inlines(h);
            return new Block.Heading(line, h.getLevel(), anchors.unique(Inline.plain(content)), content);
        } else if (n instanceof Paragraph) {
            return new Block.Paragraph(line, inlines(n));
        } else if (n instanceof BulletList) {
            return new Block.BulletList(line, items(n));
        } else if (n instanceof OrderedList ol) {
            return new Block.OrderedList(line, ol.getStartNumber(), items(n));
        } else if (n instanceof BlockQuote) {
            return new Block.BlockQuote(line, blocks(n));
        } else if (n instanceof FencedCodeBlock f) {
            return fenced(f, line);
        } else if (n instanceof IndentedCodeBlock c) {
            return new Block.CodeBlock(line, "", stripFinalNewline(c.getContentChars().toString()));
        } else if (n instanceof ThematicBreak) {
            return new Block.ThematicBreak(line);
        } else if (n instanceof TableBlock t) {
            return table(t, line);
        } else if (n instanceof AdmonitionBlock a) {
            return admonition(a, line);
        } else if (n instanceof HtmlCommentBlock || n instanceof Reference || n instanceof YamlFrontMatterBlock) {
            return null;
        } else if (n instanceof HtmlBlock) {
            problem(line, "courses.lesson.rawHtml");
            return new Block.RawHtml(line, stripFinalNewline(n.getChars().toString()));
        }
        // Anything else Flexmark knows but Campus does not render is kept as its source text.
        return new Block.Paragraph(line, List.of(new Inline.Text(n.getChars().toString().trim())));
    }

    private Block fenced(FencedCodeBlock f, int line) {
        String info = f.getInfo().toString().trim();
        String[] words = info.isEmpty() ? new String[0] : info.split("\\s+");
        String lang = words.length == 0 ? "" : words[0].toLowerCase(Locale.ROOT);
        String body = f.getContentChars().toString();
        if (f.getClosingMarker().isEmpty()) {
            int lines = (int) body.lines().count();
            problem(line, "courses.lesson.unclosedFence", lines);
        }
        if (lang.equals("lab") || lang.equals("quiz")) {
            String id = words.length > 1 ? words[1] : body.trim();
            if (id.isEmpty() || id.contains("\n") || id.contains(" ")) {
                problem(line, "courses.lesson.embedWithoutId", lang);
                return new Block.CodeBlock(line, "", stripFinalNewline(body));
            }
            return lang.equals("lab") ? new Block.LabEmbed(line, id) : new Block.QuizEmbed(line, id);
        }
        return new Block.CodeBlock(line, lang, stripFinalNewline(body));
    }

    private Block admonition(AdmonitionBlock a, int line) {
        String qualifier = a.getInfo().toString().trim().toLowerCase(Locale.ROOT);
        Block.AdmonitionKind kind;
        switch (qualifier) {
            case "note", "info", "abstract" -> kind = Block.AdmonitionKind.NOTE;
            case "tip", "hint", "success" -> kind = Block.AdmonitionKind.TIP;
            case "warning", "caution", "danger", "attention", "important" -> kind = Block.AdmonitionKind.WARNING;
            default -> {
                problem(line, "courses.lesson.unknownAdmonition", qualifier);
                kind = Block.AdmonitionKind.NOTE;
            }
        }
        return new Block.Admonition(line, kind, a.getTitle().toString().trim(), blocks(a));
    }

    private List<Block.ListItem> items(Node list) {
        List<Block.ListItem> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items.add(new Block.ListItem(line(item), blocks(item)));
        }
        return items;
    }

    private Block table(TableBlock t, int line) {
        List<List<Block.Cell>> header = new ArrayList<>();
        List<List<Block.Cell>> body = new ArrayList<>();
        List<Block.Align> aligns = new ArrayList<>();
        for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
            List<List<Block.Cell>> target = section instanceof TableHead ? header
                    : section instanceof TableBody ? body : null;
            if (target == null) {
                continue;
            }
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<Block.Cell> cells = new ArrayList<>();
                int col = 0;
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell c) {
                        cells.add(new Block.Cell(inlines(c)));
                        if (section instanceof TableHead && aligns.size() <= col) {
                            aligns.add(align(c.getAlignment()));
                        }
                        col++;
                    }
                }
                target.add(cells);
            }
        }
        return new Block.Table(line, aligns, header, body);
    }

    private static Block.Align align(TableCell.Alignment a) {
        if (a == null) {
            return Block.Align.NONE;
        }
        switch (a) {
            case LEFT: return Block.Align.LEFT;
            case CENTER: return Block.Align.CENTER;
            case RIGHT: return Block.Align.RIGHT;
            default: return Block.Align.NONE;
        }
    }

    private static String stripFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    // ---- inlines ----

    private List<Inline> inlines(Node parent) {
        List<Inline> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            inline(n, out);
        }
        return mergeText(out);
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
            out.add(new Inline.Strong(inlines(n)));
        } else if (n instanceof Emphasis) {
            out.add(new Inline.Emphasis(inlines(n)));
        } else if (n instanceof Strikethrough) {
            out.add(new Inline.Strikethrough(inlines(n)));
        } else if (n instanceof SoftLineBreak) {
            out.add(new Inline.Break(false));
        } else if (n instanceof HardLineBreak) {
            out.add(new Inline.Break(true));
        } else if (n instanceof Image img) {
            out.add(image(n, img.getUrl().unescape(), Inline.plain(inlines(n)), img.getTitle().unescape()));
        } else if (n instanceof ImageRef ref) {
            Reference r = ref.isDefined() ? ref.getReferenceNode(document) : null;
            if (r == null) {
                out.add(new Inline.Text(n.getChars().toString()));
            } else {
                out.add(image(n, r.getUrl().unescape(), Inline.plain(inlines(n)), r.getTitle().unescape()));
            }
        } else if (n instanceof Link link) {
            out.add(new Inline.Link(target(n, link.getUrl().unescape()), link.getTitle().unescape(), inlines(n)));
        } else if (n instanceof LinkRef ref) {
            Reference r = ref.isDefined() ? ref.getReferenceNode(document) : null;
            if (r == null) {
                out.add(new Inline.Text(n.getChars().toString()));
            } else {
                out.add(new Inline.Link(target(n, r.getUrl().unescape()), r.getTitle().unescape(), inlines(n)));
            }
        } else if (n instanceof AutoLink a) {
            String url = a.getUrl().unescape();
            out.add(new Inline.Link(new LinkTarget.Web(url), "", List.of(new Inline.Text(a.getText().unescape()))));
        } else if (n instanceof MailLink m) {
            String mail = m.getText().unescape();
            out.add(new Inline.Link(new LinkTarget.Web("mailto:" + mail), "", List.of(new Inline.Text(mail))));
        } else if (n instanceof HtmlInlineComment) {
            return;
        } else if (n instanceof HtmlInline) {
            out.add(new Inline.RawHtml(n.getChars().toString()));
        } else if (n.hasChildren()) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                inline(c, out);
            }
        } else {
            out.add(new Inline.Text(n.getChars().unescape()));
        }
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
        String resolved = CoursePaths.resolve(ctx.lessonSlug(), stripFragment(url)).orElse(null);
        if (resolved == null) {
            problem(line(n), "courses.lesson.imageOutsideCourse", url);
            return new Inline.Image(url, "", alt, title);
        }
        return new Inline.Image(url, resolved, alt, title);
    }

    private LinkTarget target(Node n, String url) {
        if (url.startsWith("#")) {
            return new LinkTarget.Anchor(url.substring(1));
        }
        if (isWeb(url)) {
            return new LinkTarget.Web(url);
        }
        String anchor = "";
        int hash = url.indexOf('#');
        if (hash >= 0) {
            anchor = url.substring(hash + 1);
        }
        String path = stripFragment(url);
        String resolved = CoursePaths.resolve(ctx.lessonSlug(), path).orElse("");
        String first = resolved.contains("/") ? resolved.substring(0, resolved.indexOf('/')) : resolved;
        String rest = resolved.substring(first.length());
        boolean lessonFile = rest.isEmpty() || rest.equals("/") || rest.matches("/lesson\\.(en|zh)\\.md");
        if (ctx.lessonSlugs().contains(first) && lessonFile) {
            return new LinkTarget.Lesson(first, anchor);
        }
        problem(line(n), "courses.lesson.brokenLink", url);
        return new LinkTarget.Broken(url);
    }

    private static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash >= 0 ? url.substring(0, hash) : url;
    }

    private static boolean isWeb(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://") || u.startsWith("mailto:");
    }
}
