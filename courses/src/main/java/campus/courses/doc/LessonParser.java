package campus.courses.doc;

import campus.i18n.Msg;
import campus.i18n.Problem;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown → {@link LessonDocument}: CommonMark plus GFM tables, strikethrough and task lists,
 * footnotes, YAML front matter for the title, admonitions ({@code !!! note "Title"}) and lab/quiz
 * embeds (a fenced block whose info string is {@code lab <id>} or {@code quiz <id>}). Besides the model
 * it reports what parsed but is probably not what the author meant, and syntax of other Markdown
 * dialects that Campus shows as plain text. The Flexmark parser is immutable and shared; one call parses
 * one lesson and is thread-safe.
 */
public final class LessonParser {

    static final Pattern EMBED_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern ONE_LINE_EMBED = Pattern.compile("(lab|quiz)(?:\\s+(\\S*))?\\s*");
    /** Syntax of other Markdown dialects that CommonMark reads as plain text: message key → a line that uses it. */
    private static final List<Unsupported> UNSUPPORTED = List.of(
            new Unsupported("courses.lesson.unsupported.definitionList", Pattern.compile("^: \\S.*")),
            new Unsupported("courses.lesson.unsupported.math", Pattern.compile("^\\$\\$.*")),
            new Unsupported("courses.lesson.unsupported.toc", Pattern.compile("^\\[+_?toc_?]+$", Pattern.CASE_INSENSITIVE)),
            new Unsupported("courses.lesson.unsupported.headingAttributes", Pattern.compile("^#{1,6} .*\\{[#.][^}]*}\\s*$")));

    private record Unsupported(String key, Pattern line) { }

    private static final Parser PARSER;

    static {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AdmonitionExtension.create(), FootnoteExtension.create(), TaskListExtension.create()));
        // GFM table rules: a header row is required, short rows are padded. Extra cells are kept in
        // the tree so the parser can report them before dropping them.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, false);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        PARSER = Parser.builder(options).build();
    }

    private final LessonContext ctx;
    private final List<Problem> problems = new ArrayList<>();
    private final Anchors anchors = new Anchors();
    private final InlineReader inlines;
    private final LineIndex lines;
    /** Footnote definitions in source order; they are rendered together at the end of the lesson. */
    private final List<FootnoteBlock> footnoteBlocks = new ArrayList<>();

    private LessonParser(LessonContext ctx, Document document) {
        this.ctx = ctx;
        this.lines = new LineIndex(document.getChars());
        this.inlines = new InlineReader(ctx, document, this::problem, lines);
    }

    public static LessonDocument parse(String markdown, LessonContext ctx) {
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        FrontMatter front = FrontMatter.of(text);
        Document document = PARSER.parse(front.blank(text));
        LessonParser p = new LessonParser(ctx, document);
        if (!front.closed()) {
            p.problem(1, "courses.lesson.frontMatterUnclosed");
        }
        List<Block> blocks = new ArrayList<>(p.blocks(document));
        p.footnotes().ifPresent(blocks::add);
        String title = front.title();
        if (title.isEmpty()) {
            title = blocks.stream().filter(Block.Heading.class::isInstance).map(Block.Heading.class::cast)
                    .findFirst().map(h -> Inline.plain(h.content()).strip()).orElse("");
        }
        if (title.isEmpty()) {
            p.problem(front.titleLine() > 0 ? front.titleLine() : 1, "courses.lesson.noTitle");
        }
        p.inlines.checkAnchors(p.anchors);
        p.unsupportedSyntax(front.blank(text));
        LessonChecks.check(blocks, front.lines() + 1, p::problem);
        p.problems.sort(Problem.ORDER);
        return new LessonDocument(title, blocks, p.problems);
    }

    private void problem(int line, String key, Object... args) {
        problems.add(new Problem(ctx.sourcePath(), line, Msg.of(key, args)));
    }

    private int line(Node node) {
        return lines.line(node);
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
            List<Inline> content = inlines.of(h);
            return new Block.Heading(line, h.getLevel(), anchors.unique(Inline.plain(content)), content);
        } else if (n instanceof Paragraph) {
            return paragraph(n, line);
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
        } else if (n instanceof HtmlCommentBlock || n instanceof Reference) {
            return null;
        } else if (n instanceof FootnoteBlock f) {
            footnoteBlocks.add(f);
            return null;
        } else if (n instanceof HtmlBlock) {
            problem(line, "courses.lesson.rawHtml");
            return new Block.RawHtml(line, stripFinalNewline(n.getChars().toString()));
        }
        // Anything else Flexmark knows but Campus does not render is kept as its source text, and reported.
        problem(line, "courses.lesson.unsupported", n.getClass().getSimpleName());
        return new Block.Paragraph(line, List.of(new Inline.Text(n.getChars().toString().trim())));
    }

    private Block paragraph(Node n, int line) {
        Node first = n.getFirstChild();
        Node last = n.getLastChild() instanceof SoftLineBreak ? n.getLastChild().getPrevious() : n.getLastChild();
        // ```lab first-select``` on one line is an inline code span to CommonMark; an author writing
        // it alone on a line means the embed, so it is read as one.
        if (first != null && first == last && first instanceof Code c && c.getOpeningMarker().length() >= 3) {
            Matcher m = ONE_LINE_EMBED.matcher(c.getText().toString().strip());
            if (m.matches()) {
                return embed(m.group(1), m.group(2) == null ? "" : m.group(2), line);
            }
        }
        String source = n.getChars().toString();
        if (source.startsWith("!!!") || source.startsWith("???")) {
            problem(line, "courses.lesson.notAdmonition");
        } else if (looksLikeTable(source)) {
            problem(line, "courses.lesson.notTable");
        }
        return new Block.Paragraph(line, inlines.of(n));
    }

    private static boolean looksLikeTable(String source) {
        String[] lines = source.strip().split("\n");
        if (lines.length < 2) {
            return false;
        }
        for (String l : lines) {
            if (!l.strip().startsWith("|")) {
                return false;
            }
        }
        return true;
    }

    private Block fenced(FencedCodeBlock f, int line) {
        String info = f.getInfo().toString().trim();
        String[] words = info.isEmpty() ? new String[0] : info.split("\\s+");
        String lang = words.length == 0 ? "" : words[0].toLowerCase(Locale.ROOT);
        String body = f.getContentChars().toString();
        if (f.getClosingMarker().isEmpty()) {
            problem(line, "courses.lesson.unclosedFence", body.lines().count());
        }
        if (lang.equals("lab") || lang.equals("quiz")) {
            String id = words.length > 1 ? words[1] : body.strip();
            return embed(lang, id, line);
        }
        return new Block.CodeBlock(line, lang, stripFinalNewline(body));
    }

    private Block embed(String kind, String id, int line) {
        if (id.isEmpty()) {
            problem(line, "courses.lesson.embedWithoutId", kind);
            return new Block.CodeBlock(line, "", "");
        }
        if (!EMBED_ID.matcher(id).matches()) {
            problem(line, "courses.lesson.badEmbedId", kind, id);
            return new Block.CodeBlock(line, "", id);
        }
        return kind.equals("lab") ? new Block.LabEmbed(line, id) : new Block.QuizEmbed(line, id);
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
        List<Block> content = blocks(a);
        if (content.isEmpty()) {
            problem(line, "courses.lesson.emptyAdmonition");
        }
        return new Block.Admonition(line, kind, a.getTitle().toString().trim(), content);
    }

    private List<Block.ListItem> items(Node list) {
        List<Block.ListItem> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            Block.Task task = item instanceof TaskListItem t
                    ? (t.isItemDoneMarker() ? Block.Task.DONE : Block.Task.OPEN) : Block.Task.NONE;
            items.add(new Block.ListItem(line(item), blocks(item), task));
        }
        return items;
    }

    /**
     * The footnotes, numbered in the order of their first reference. A definition nobody refers to is
     * reported and still shown (numbered after the others), so nothing the author wrote disappears.
     */
    private java.util.Optional<Block> footnotes() {
        if (footnoteBlocks.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Block.Footnote> notes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FootnoteBlock f : footnoteBlocks) {
            String label = f.getText().toString();
            if (!seen.add(label)) {
                problem(line(f), "courses.lesson.duplicateFootnote", label);
                continue;
            }
            List<Block> content = blocks(f);
            notes.add(new Block.Footnote(line(f), label, 0, content));
        }
        List<Block.Footnote> numbered = new ArrayList<>();
        for (Block.Footnote n : notes) {
            int number = inlines.footnoteNumber(n.label());
            if (number == 0) {
                problem(n.line(), "courses.lesson.unusedFootnote", n.label());
                number = inlines.numberFootnote(n.label());
            }
            numbered.add(new Block.Footnote(n.line(), n.label(), number, n.blocks()));
        }
        numbered.sort(Comparator.comparingInt(Block.Footnote::number));
        return java.util.Optional.of(new Block.Footnotes(line(footnoteBlocks.get(0)), numbered));
    }

    /** Lines written in another dialect's syntax (outside code blocks), which would show as plain text. */
    private void unsupportedSyntax(String text) {
        String[] all = text.split("\n", -1);
        String fence = null;
        boolean inMath = false;
        for (int i = 0; i < all.length; i++) {
            String l = all[i].strip();
            if (fence == null && (l.startsWith("```") || l.startsWith("~~~"))) {
                fence = l.substring(0, 3);
                continue;
            } else if (fence != null) {
                if (l.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (all[i].startsWith("    ") || all[i].startsWith("\t")) {
                continue;   // indented code, or the body of an admonition or list (its lines are checked as written)
            }
            if (inMath) {
                inMath = !l.startsWith("$$");   // the closing $$ of a block already reported
                continue;
            }
            for (Unsupported u : UNSUPPORTED) {
                if (u.line().matcher(l).matches()) {
                    problem(i + 1, u.key());
                    inMath = l.equals("$$");
                }
            }
        }
    }

    private Block table(TableBlock t, int line) {
        List<List<Block.Cell>> header = new ArrayList<>();
        List<List<Block.Cell>> body = new ArrayList<>();
        List<Block.Align> aligns = new ArrayList<>();
        for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            if (!head && !(section instanceof TableBody)) {
                continue;
            }
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<Block.Cell> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell c) {
                        if (head) {
                            aligns.add(align(c.getAlignment()));
                        } else if (cells.size() == aligns.size()) {
                            problem(line(row), "courses.lesson.tableExtraCells", cellCount(row), aligns.size());
                            break;
                        }
                        cells.add(new Block.Cell(inlines.of(c)));
                    }
                }
                (head ? header : body).add(cells);
            }
        }
        return new Block.Table(line, aligns, header, body);
    }

    private static int cellCount(Node row) {
        int n = 0;
        for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
            n += c instanceof TableCell ? 1 : 0;
        }
        return n;
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
}
