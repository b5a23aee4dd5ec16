package campus.courses.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LessonParserTest {

    private static final String FILE = "c/01-a/lesson.en.md";

    static LessonDocument parse(String md) {
        return LessonParser.parse(md, new LessonContext(FILE, "01-a", Set.of("01-a", "02-b"),
                path -> path.equals("images/table.png"), (slug, anchor) -> anchor.equals("known")));
    }

    static List<String> problems(String md) {
        return parse(md).problems().stream().map(p -> p.format(Lang.EN)).toList();
    }

    @Test
    void frontMatterGivesTitleAndKeepsFileLineNumbers() {
        LessonDocument doc = parse("---\ntitle: Tables and rows\n---\n# Heading\n\nText.\n");
        assertEquals("Tables and rows", doc.title());
        assertEquals(List.of(4, 6), doc.blocks().stream().map(Block::line).toList());
        assertEquals(List.of(), doc.problems());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "title: Plain words                 | Plain words",
            "title: \"Say \\\"hi\\\" \\u4e2d\"      | Say \"hi\" 中",
            "title: 'It''s here'                | It's here",
            "title: 表与行                        | 表与行",
            "title: \"第一条 SELECT：查询\"          | 第一条 SELECT：查询",
            "title: Plain # with a comment      | Plain",
            "title:   spaced   | spaced",
    })
    void frontMatterTitleHandlesQuotesEscapesAndChinese(String line, String title) {
        assertEquals(title, parse("---\n" + line + "\n---\n\nBody.\n").title());
        assertEquals(title, FrontMatter.of("\uFEFF".substring(1) + "---\r\n" + line + "\r\n---\r\n").title());
    }

    @Test
    void titleFallsBackToFirstHeadingAndIsReportedWhenAbsent() {
        assertEquals("First", parse("Intro.\n\n## First\n\nText.\n").title());
        assertEquals(List.of(FILE + ":1: Lesson has no title: add front matter \"title: …\" or start with a \"# \" heading"),
                problems("Just text.\n"));
    }

    @Test
    void unclosedFrontMatterIsReportedAndDoesNotSwallowTheLesson() {
        LessonDocument doc = parse("---\ntitle: T\n\n# Heading\n\nText.\n");
        assertEquals(FILE + ":1: Front matter opened with --- is never closed: add a line --- after \"title: …\"",
                doc.problems().get(0).format(Lang.EN));
        assertTrue(doc.blocks().stream().anyMatch(b -> b instanceof Block.Heading h && h.line() == 4));
    }

    @Test
    void byteOrderMarkIsIgnored() {
        assertEquals("T", parse("\uFEFF---\ntitle: T\n---\nText.\n").title());
    }

    @Test
    void headingsGetLevelsAndInlineContent() {
        LessonDocument doc = parse("# One\n\n## Two *em*\n\n### Three\n\nText.\n");
        assertEquals(List.of(1, 2, 3), doc.headings().stream().map(Block.Heading::level).toList());
        assertEquals(List.of(new Inline.Text("Two "), new Inline.Emphasis(List.of(new Inline.Text("em")))),
                doc.headings().get(1).content());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hello World           | hello-world",
            "What's `SELECT`?      | whats-select",
            "表与行                 | 表与行",
            "第一条 SELECT：查询     | 第一条-select查询",
            "Rows & Columns (2)    | rows--columns-2",
            "snake_case-and-dash   | snake_case-and-dash",
    })
    void anchorsFollowGitHubIncludingChinese(String heading, String anchor) {
        assertEquals(anchor, parse("# " + heading + "\n\nText.\n").headings().get(0).anchor());
    }

    @Test
    void repeatedHeadingsGetNumberedAnchorsWithoutCollisions() {
        LessonDocument doc = parse("# Foo\n\n# Foo\n\n# Foo-1\n\n# Foo\n\nText.\n");
        assertEquals(List.of("foo", "foo-1", "foo-1-1", "foo-2"),
                doc.headings().stream().map(Block.Heading::anchor).toList());
    }

    @Test
    void emphasisStrongStrikethroughCodeAndBreaks() {
        Block.Paragraph p = (Block.Paragraph) parse("# T\n\n*a* **b** ~~c~~ `d`  \ne\nf\n").blocks().get(1);
        assertEquals(List.of(
                new Inline.Emphasis(List.of(new Inline.Text("a"))), new Inline.Text(" "),
                new Inline.Strong(List.of(new Inline.Text("b"))), new Inline.Text(" "),
                new Inline.Strikethrough(List.of(new Inline.Text("c"))), new Inline.Text(" "),
                new Inline.Code("d"), new Inline.Break(true), new Inline.Text("e"), new Inline.Break(false),
                new Inline.Text("f")), p.content());
    }

    @Test
    void escapesAndEntitiesBecomePlainText() {
        Block.Paragraph p = (Block.Paragraph) parse("# T\n\n\\*not em\\* &amp; &lt;tag&gt; &copy; &#20013;\n").blocks().get(1);
        assertEquals(List.of(new Inline.Text("*not em* & <tag> © 中")), p.content());
    }

    @Test
    void linksResolveToLessonsAnchorsAndTheWeb() {
        Block.Paragraph p = (Block.Paragraph) parse("""
                # T

                [next](../02-b/lesson.en.md) [folder](../02-b/) [there](../02-b/lesson.zh.md#known)
                [here](#t) [web](https://example.org/x "Title") <https://example.org> [self](./)
                """).blocks().get(1);
        List<LinkTarget> targets = p.content().stream().filter(Inline.Link.class::isInstance)
                .map(i -> ((Inline.Link) i).target()).toList();
        assertEquals(List.of(new LinkTarget.Lesson("02-b", ""), new LinkTarget.Lesson("02-b", ""),
                new LinkTarget.Lesson("02-b", "known"), new LinkTarget.Anchor("t"),
                new LinkTarget.Web("https://example.org/x"), new LinkTarget.Web("https://example.org"),
                new LinkTarget.Lesson("01-a", "")), targets);
        Inline.Link web = (Inline.Link) p.content().stream().filter(i -> i instanceof Inline.Link l
                && l.target() instanceof LinkTarget.Web).findFirst().orElseThrow();
        assertEquals("Title", web.title());
    }

    @Test
    void brokenLinksAndMissingAnchorsAreReportedOnTheirOwnLine() {
        assertEquals(List.of(
                FILE + ":3: Link \"../03-c/\" does not lead to a lesson of this course (use ../<lesson-folder>/ or a web address)",
                FILE + ":4: Link \"#nowhere\" points to a heading that does not exist in this lesson",
                FILE + ":5: Link \"../02-b/#gone\" points to a heading that lesson \"02-b\" does not have in this language"),
                problems("# T\n\nSee [c](../03-c/)\nand [x](#nowhere)\nand [y](../02-b/#gone).\n"));
    }

    @Test
    void chineseAnchorLinksMayBePercentEncoded() {
        assertEquals(List.of(), problems("# 表与行\n\n[上面](#%E8%A1%A8%E4%B8%8E%E8%A1%8C) [上面](#表与行)\n"));
    }

    @Test
    void imagesResolveRelativeToTheLessonFolder() {
        LessonDocument doc = parse("# T\n\n![A table](../images/table.png \"Diagram\")\n\n![web](https://example.org/a.png)\n");
        Inline.Image img = (Inline.Image) ((Block.Paragraph) doc.blocks().get(1)).content().get(0);
        assertEquals(new Inline.Image("../images/table.png", "images/table.png", "A table", "Diagram"), img);
        Inline.Image web = (Inline.Image) ((Block.Paragraph) doc.blocks().get(2)).content().get(0);
        assertEquals("", web.resolved());
        assertEquals(List.of(), doc.problems());
    }

    @Test
    void missingAndEscapingImagesAreReportedOnTheirLine() {
        assertEquals(List.of(
                FILE + ":4: Image \"../images/nope.png\" does not exist",
                FILE + ":5: Image \"../../etc/passwd\" is not a file inside the course folder"),
                problems("# T\n\nText\n![x](../images/nope.png)\n![y](../../etc/passwd)\n"));
    }

    @Test
    void nestedListsKeepTheirStructure() {
        LessonDocument doc = parse("# T\n\n3. one\n4. two\n   - a\n   - b\n     1. deep\n");
        Block.OrderedList ol = (Block.OrderedList) doc.blocks().get(1);
        assertEquals(3, ol.start());
        assertEquals(2, ol.items().size());
        Block.BulletList inner = (Block.BulletList) ol.items().get(1).blocks().get(1);
        assertEquals(5, inner.line());
        assertInstanceOf(Block.OrderedList.class, inner.items().get(1).blocks().get(1));
    }

    @Test
    void blockQuoteRuleAndCode() {
        List<Block> blocks = parse("# T\n\n> quoted\n\n---\n\n```SQL\nSELECT 1;\n```\n\n    indented\n").blocks();
        assertInstanceOf(Block.Paragraph.class, ((Block.BlockQuote) blocks.get(1)).blocks().get(0));
        assertInstanceOf(Block.ThematicBreak.class, blocks.get(2));
        assertEquals(new Block.CodeBlock(7, "sql", "SELECT 1;"), blocks.get(3));
        assertEquals(new Block.CodeBlock(11, "", "indented"), blocks.get(4));
    }

    @Test
    void tablesKeepAlignmentsAndPadShortRows() {
        Block.Table t = (Block.Table) parse("# T\n\n| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 |\n").blocks().get(1);
        assertEquals(List.of(Block.Align.LEFT, Block.Align.CENTER, Block.Align.RIGHT, Block.Align.NONE), t.columns());
        assertEquals(1, t.header().size());
        assertEquals(4, t.body().get(0).size());
    }

    @Test
    void tableRowWithExtraCellsIsReportedAndTrimmed() {
        LessonDocument doc = parse("# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 |\n");
        assertEquals(2, ((Block.Table) doc.blocks().get(1)).body().get(1).size());
        assertEquals(List.of(FILE + ":6: Table row has 3 cells but the header has 2: the extra cells are not shown"),
                doc.problems().stream().map(p -> p.format(Lang.EN)).toList());
    }

    @Test
    void tableWithoutSeparatorIsReported() {
        assertEquals(List.of(FILE + ":3: Looks like a table but is not one: the second line must be a separator such as |---|---| with as many cells as the header"),
                problems("# T\n\n| a | b |\n| 1 | 2 |\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "!!! note              | NOTE    | ''",
            "!!! tip \"Try this\"  | TIP     | Try this",
            "!!! warning \"小心\"   | WARNING | 小心",
            "!!! danger            | WARNING | ''",
    })
    void admonitionsGiveKindTitleAndContent(String opening, Block.AdmonitionKind kind, String title) {
        Block.Admonition a = (Block.Admonition) parse("# T\n\n" + opening + "\n    Inside **here**.\n").blocks().get(1);
        assertEquals(kind, a.kind());
        assertEquals(title, a.title());
        assertEquals(4, a.blocks().get(0).line());
    }

    @Test
    void admonitionMistakesAreReported() {
        assertEquals(List.of(
                FILE + ":3: Unknown admonition kind \"fact\": use note, tip or warning",
                FILE + ":6: Admonition has no content: indent its text by 4 spaces under the !!! line",
                FILE + ":10: Looks like an admonition but is not one: write !!! note \"Title\" on its own line, then the text indented by 4 spaces"),
                problems("# T\n\n!!! fact\n    x\n\n!!! note\n\nnot indented\n\n!!!note\n"));
    }

    @Test
    void labAndQuizEmbedsInFencedAndOneLineForm() {
        List<Block> blocks = parse("# T\n\n```lab first-select\n```\n\n```quiz first-steps-check\n```\n\n```lab first-select```\n").blocks();
        assertEquals(List.of(new Block.LabEmbed(3, "first-select"), new Block.QuizEmbed(6, "first-steps-check"),
                new Block.LabEmbed(9, "first-select")), blocks.subList(1, 4));
    }

    @Test
    void embedWithoutIdIsReported() {
        assertEquals(List.of(FILE + ":3: A quiz embed needs an id: write ```quiz <id> on the opening line",
                        FILE + ":6: A lab embed needs an id: write ```lab <id> on the opening line"),
                problems("# T\n\n```quiz\n```\n\n```lab```\n"));
    }

    @Test
    void unclosedFenceIsReportedWithTheLinesItSwallows() {
        LessonDocument doc = parse("# T\n\n```sql\nSELECT 1;\n\n## Next\n\nText.\n");
        assertEquals(List.of(FILE + ":3: Code fence opened here is never closed: it swallows the remaining 5 lines of the lesson"),
                doc.problems().stream().map(p -> p.format(Lang.EN)).toList());
        assertEquals(2, doc.blocks().size());
    }

    @Test
    void suspiciousOutlineAndEmptyLessonAreReported() {
        assertEquals(List.of(FILE + ":3: Heading level jumps from 1 to 3: use level 1 + 1 (the outline and screen readers rely on it)"),
                problems("# T\n\n### Deep\n\nText.\n"));
        assertEquals(List.of(FILE + ":4: Lesson has no content besides its headings"), problems("---\ntitle: T\n---\n# T\n"));
    }

    @Test
    void rawHtmlIsKeptAsTextAndReported() {
        LessonDocument doc = parse("# T\n\n<div>x</div>\n\nA <b>bold</b> word.\n\n<!-- a comment -->\n");
        assertEquals(new Block.RawHtml(3, "<div>x</div>"), doc.blocks().get(1));
        assertEquals(List.of(FILE + ":3: Raw HTML is not rendered by Campus; it is shown as text",
                FILE + ":5: Raw HTML is not rendered by Campus; it is shown as text",
                FILE + ":5: Raw HTML is not rendered by Campus; it is shown as text"),
                doc.problems().stream().map(p -> p.format(Lang.EN)).toList());
        assertEquals(3, doc.blocks().size());
    }

    @Test
    void undefinedFullReferenceIsReportedButShortcutBracketsAreProse() {
        assertEquals(List.of(FILE + ":3: Link reference [nope] is not defined: add a line [nope]: url"),
                problems("# T\n\n[text][nope] and arr[1] and [ok][]\n\n[ok]: https://example.org\n"));
    }

    @Test
    void footnotesAreNumberedByFirstReferenceAndGatheredAtTheEnd() {
        LessonDocument doc = parse("# T\n\n[^b]: Second note.\n\nOne[^a] and two[^b], one again[^a].\n\n"
                + "[^a]: First note, with *emphasis*.\n\nAfter.\n");
        assertEquals(List.of(), doc.problems());
        List<Block> blocks = doc.blocks();
        assertEquals(4, blocks.size(), blocks.toString());
        Block.Paragraph p = (Block.Paragraph) blocks.get(1);
        assertEquals(List.of(new Inline.Text("One"), new Inline.FootnoteRef("a", 1), new Inline.Text(" and two"),
                new Inline.FootnoteRef("b", 2), new Inline.Text(", one again"), new Inline.FootnoteRef("a", 1),
                new Inline.Text(".")), p.content());
        assertEquals(new Block.Paragraph(9, List.of(new Inline.Text("After."))), blocks.get(2));
        Block.Footnote a = new Block.Footnote(7, "a", 1, List.of(new Block.Paragraph(7, List.of(
                new Inline.Text("First note, with "), new Inline.Emphasis(List.of(new Inline.Text("emphasis"))),
                new Inline.Text(".")))));
        Block.Footnote b = new Block.Footnote(3, "b", 2, List.of(new Block.Paragraph(3, List.of(new Inline.Text("Second note.")))));
        assertEquals(new Block.Footnotes(3, List.of(a, b)),
                blocks.get(3));
        assertEquals("fn:a", Inline.FootnoteRef.noteAnchor("a"));
        assertEquals("fnref:a", Inline.FootnoteRef.refAnchor("a"));
    }

    @Test
    void footnoteMistakesAreReportedOnTheirLine() {
        LessonDocument doc = parse("# T\n\nA claim[^missing].\n\n[^lonely]: Nobody points here.\n\n"
                + "Used[^x].\n\n[^x]: One.\n\n[^x]: Two.\n");
        assertEquals(List.of(FILE + ":3: Footnote [^missing] is not defined: add a line [^missing]: text (it is shown as written)",
                FILE + ":5: Footnote [^lonely] is defined but nothing refers to it: write [^lonely] where it belongs "
                        + "(it is shown at the end, numbered after the others)",
                FILE + ":11: Footnote [^x] is defined twice; only the first definition is shown"),
                doc.problems().stream().map(p -> p.format(Lang.EN)).toList());
        assertEquals(new Block.Paragraph(3, List.of(new Inline.Text("A claim[^missing]."))), doc.blocks().get(1));
        Block.Footnotes notes = (Block.Footnotes) doc.blocks().get(doc.blocks().size() - 1);
        assertEquals(List.of("x 1", "lonely 2"), notes.notes().stream().map(n -> n.label() + " " + n.number()).toList());
    }

    @Test
    void taskListItemsKnowWhetherTheyAreTicked() {
        LessonDocument doc = parse("# T\n\n- [ ] open\n- [x] done\n- [X] done too\n- plain\n\n1. [ ] numbered task\n");
        assertEquals(List.of(), doc.problems());
        Block.BulletList list = (Block.BulletList) doc.blocks().get(1);
        assertEquals(List.of(Block.Task.OPEN, Block.Task.DONE, Block.Task.DONE, Block.Task.NONE),
                list.items().stream().map(Block.ListItem::task).toList());
        assertEquals(new Block.Paragraph(3, List.of(new Inline.Text("open"))), list.items().get(0).blocks().get(0));
        Block.OrderedList ordered = (Block.OrderedList) doc.blocks().get(2);
        assertEquals(Block.Task.OPEN, ordered.items().get(0).task());
    }

    @Test
    void syntaxOfOtherDialectsIsReportedWithItsLine() {
        assertEquals(List.of(
                FILE + ":1: Campus does not read heading attributes {#id}; they are shown in the heading (anchors come from the heading text)",
                FILE + ":3: Campus does not render a table of contents marker; the line is shown as plain text (the app lists the headings itself)",
                FILE + ":6: Campus does not render definition lists (a line starting with \": \"); it is shown as plain text",
                FILE + ":8: Campus does not render math blocks ($$); the line is shown as plain text (use a code block or an image)"),
                problems("# T {#top}\n\n[TOC]\n\nTerm\n: what it means\n\n$$\nx^2\n$$\n\n```\n$$ in code\n: fine\n```\n"));
    }
}
