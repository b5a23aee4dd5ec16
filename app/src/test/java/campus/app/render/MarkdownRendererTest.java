package campus.app.render;

import static campus.app.render.LessonFixture.onFx;
import static campus.app.render.LessonFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.theme.MdStyles;
import campus.courses.doc.LessonContext;
import campus.courses.doc.LessonParser;
import campus.i18n.Lang;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownRendererTest {

    private static List<Text> runs(Node flow) {
        return ((TextFlow) flow).getChildren().stream().filter(Text.class::isInstance).map(Text.class::cast)
                .collect(Collectors.toList());
    }

    private static Text run(LessonFixture f, String text) {
        return onFx(() -> f.lesson.root().lookupAll(".md-text").stream().map(Text.class::cast)
                .filter(t -> t.getText().equals(text)).findFirst().orElseThrow(() -> new AssertionError("no run " + text)));
    }

    private static void click(Node node) {
        onFx(() -> {
            Event.fireEvent(node, new MouseEvent(MouseEvent.MOUSE_CLICKED, 1, 1, 1, 1, MouseButton.PRIMARY, 1,
                    false, false, false, false, false, false, false, false, false, true, null));
            return null;
        });
    }

    @Test
    void everyTopLevelBlockHasOneNodeInDocumentOrder() {
        LessonFixture f = LessonFixture.render("# A\n\ntext\n\n- x\n\n---\n\n```sql\nSELECT 1\n```\n");
        assertEquals(5, f.lesson.blocks().size());
        assertTrue(f.lesson.blocks().get(0).getStyleClass().contains(MdStyles.heading(1)));
        assertTrue(f.lesson.blocks().get(1).getStyleClass().contains(MdStyles.PARAGRAPH));
        assertTrue(f.lesson.blocks().get(2).getStyleClass().contains(MdStyles.LIST_BULLET));
        assertTrue(f.lesson.blocks().get(3).getStyleClass().contains(MdStyles.RULE));
        assertTrue(f.lesson.blocks().get(4).getStyleClass().contains(MdStyles.CODE_BLOCK));
        assertTrue(f.lesson.root().getStyleClass().contains(MdStyles.PAGE));
    }

    @ParameterizedTest(name = "level {0}")
    @CsvSource({"1", "2", "3", "4", "5", "6"})
    void headingsCarryTheirLevelClassAndAreAnchors(int level) {
        LessonFixture f = LessonFixture.render("#".repeat(level) + " Joins and keys\n");
        Node h = f.one(MdStyles.heading(level));
        assertEquals("Joins and keys", text(h));
        assertTrue(h.getStyleClass().contains(MdStyles.HEADING));
        assertEquals(h, f.lesson.anchors().get("joins-and-keys"));
    }

    @Test
    void nestedEmphasisCombinesStyleClassesOnOneRun() {
        LessonFixture f = LessonFixture.render("plain *em **both** em* ~~gone **bold gone**~~\n");
        assertEquals(List.of(MdStyles.TEXT, MdStyles.EM), run(f, "em ").getStyleClass());
        assertTrue(run(f, "both").getStyleClass().containsAll(List.of(MdStyles.EM, MdStyles.STRONG)));
        assertEquals(List.of(MdStyles.TEXT, MdStyles.STRIKE), run(f, "gone ").getStyleClass());
        assertTrue(run(f, "bold gone").getStyleClass().containsAll(List.of(MdStyles.STRIKE, MdStyles.STRONG)));
        assertTrue(onFx(() -> run(f, "both").getFont().getStyle().toLowerCase().contains("bold")));
        assertTrue(onFx(() -> run(f, "gone ").isStrikethrough()));
    }

    @Test
    void adjacentPlainTextIsOneRunNotOnePerWord() {
        LessonFixture f = LessonFixture.render("one two three\nfour five\n");
        List<Text> runs = onFx(() -> runs(f.one(MdStyles.PARAGRAPH)));
        assertEquals(1, runs.size());
        assertEquals("one two three four five", runs.get(0).getText());
    }

    @Test
    void inlineCodeIsAMonospaceRun() {
        LessonFixture f = LessonFixture.render("Use `SELECT *` here\n");
        Text code = run(f, "SELECT *");
        assertTrue(code.getStyleClass().contains(MdStyles.CODE_INLINE));
        assertEquals("Monospaced", onFx(() -> code.getFont().getFamily()));
    }

    @Test
    void linksCallTheHookForTheirKind() {
        String md = "[next](../02-next/lesson.en.md#keys) [up](#intro) [web](https://example.org/x)\n\n# Intro\n";
        LessonFixture f = new LessonFixture();
        onFx(() -> f.lesson = MarkdownRenderer.render(LessonParser.parse(md,
                new LessonContext("c/01-this/lesson.en.md", "01-this", Set.of("01-this", "02-next"))), f));
        click(run(f, "next"));
        click(run(f, "up"));
        click(run(f, "web"));
        assertEquals(List.of("lesson 02-next#keys", "anchor intro", "web https://example.org/x"), f.calls);
        assertTrue(run(f, "web").getStyleClass().contains(MdStyles.LINK));
    }

    @Test
    void footnoteReferencesLeadToTheirNoteAndTheNoteLeadsBack() {
        LessonFixture f = LessonFixture.render("# T\n\nFirst claim.[^src] Second.[^two] Again.[^src]\n\n"
                + "[^two]: The *second* note.\n\n[^src]: Where it comes from.\n\nAfter the notes.\n");
        List<Text> marks = onFx(() -> f.lesson.root().lookupAll("." + MdStyles.FOOTNOTE_REF).stream()
                .map(Text.class::cast).collect(Collectors.toList()));
        assertEquals(List.of("[1]", "[2]", "[1]"), marks.stream().map(Text::getText).collect(Collectors.toList()));
        assertTrue(marks.get(0).getStyleClass().contains(MdStyles.LINK));
        click(marks.get(1));
        Node notes = f.one(MdStyles.FOOTNOTES);
        assertEquals(notes, f.lesson.blocks().get(f.lesson.blocks().size() - 1), "the notes close the lesson");
        List<Node> rows = f.all(MdStyles.FOOTNOTE);
        assertEquals(List.of("fn-src", "fn-two"), rows.stream().map(Node::getId).collect(Collectors.toList()));
        assertEquals("Where it comes from.", text(onFx(() -> rows.get(0).lookup("." + MdStyles.PARAGRAPH))));
        assertEquals(rows.get(1), f.lesson.anchors().get("fn:two"));
        assertEquals(f.lesson.blocks().get(1), f.lesson.anchors().get("fnref:src"), "back to the first reference");
        Label back = (Label) onFx(() -> rows.get(0).lookup("#fnback-src"));
        assertEquals("\u21A9", back.getText());
        assertEquals("Back to where footnote 1 is referred to", back.getAccessibleText());
        click(back);
        assertEquals(List.of("anchor fn:two", "anchor fnref:src"), f.calls);
    }

    @Test
    void taskListItemsShowABoxTickedOrNot() {
        LessonFixture f = LessonFixture.render("- [x] done\n- [ ] to do\n- plain\n", Lang.ZH);
        List<Node> markers = f.all(MdStyles.LIST_MARKER);
        assertEquals(List.of("\u2611", "\u2610", "\u2022"), markers.stream().map(n -> text(((javafx.scene.Parent) n)
                .getChildrenUnmodifiable().get(0))).collect(Collectors.toList()));
        assertEquals(List.of("已完成", "待办"), f.all(MdStyles.TASK_MARKER).stream().map(Node::getAccessibleText)
                .collect(Collectors.toList()));
        assertTrue(onFx(() -> ((javafx.scene.Parent) markers.get(0)).getChildrenUnmodifiable().get(0).getStyleClass()
                .contains(MdStyles.TASK_DONE)));
    }

    @Test
    void brokenLinksArePlainTextWithAnExplainingTooltip() {
        LessonFixture f = LessonFixture.render("see [gone](../nowhere.md)\n");
        Text gone = run(f, "gone");
        assertTrue(gone.getStyleClass().contains(MdStyles.LINK_BROKEN));
        assertNull(gone.getOnMouseClicked());
        Tooltip tip = (Tooltip) gone.getProperties().get("javafx.scene.control.Tooltip");
        assertEquals("This link leads nowhere: ../nowhere.md", tip.getText());
        click(gone);
        assertTrue(f.calls.isEmpty());
    }

    @Test
    void imagesScaleDownToTheColumnButNeverUp() {
        LessonFixture f = new LessonFixture();
        f.images.put("images/wide.png", onFx(() -> new WritableImage(3000, 1500)));
        f.images.put("images/small.png", onFx(() -> new WritableImage(120, 60)));
        LessonFixture.renderInto(f, "![wide](../images/wide.png)\n\n![small](../images/small.png)\n", Lang.EN);
        List<Node> boxes = f.all(MdStyles.IMAGE);
        assertEquals(2, boxes.size());
        Node column = f.one(MdStyles.LESSON);
        double columnWidth = onFx(() -> column.getLayoutBounds().getWidth());
        double wide = onFx(() -> boxes.get(0).getLayoutBounds().getWidth());
        double wideHeight = onFx(() -> boxes.get(0).getLayoutBounds().getHeight());
        assertTrue(wide <= columnWidth && wide > 100, wide + " in " + columnWidth);
        assertEquals(wide / 2, wideHeight, 1.0);
        assertEquals(120, onFx(() -> boxes.get(1).getLayoutBounds().getWidth()), 0.5);
    }

    @Test
    void aMissingImageShowsItsAltTextInAPlaceholder() {
        LessonFixture f = LessonFixture.render("![The orders table](../images/none.png)\n");
        Node box = f.one(MdStyles.IMAGE_MISSING);
        Node placeholder = onFx(() -> ((javafx.scene.Parent) box).getChildrenUnmodifiable().get(0));
        assertEquals("Image not available: The orders table", text(placeholder));
        assertTrue(onFx(() -> box.getLayoutBounds().getHeight()) > 10);
    }

    @Test
    void orderedListsCountFromTheirStartAndBulletsChangeWithDepth() {
        LessonFixture f = LessonFixture.render("3. three\n4. four\n   - inner\n     1. deep\n     2. deeper\n");
        List<String> markers = f.all(MdStyles.LIST_MARKER).stream().map(n -> text(((javafx.scene.Parent) n)
                .getChildrenUnmodifiable().get(0))).collect(Collectors.toList());
        assertEquals(List.of("3.", "4.", "\u25E6", "1.", "2."), markers);
        assertEquals(1, f.all(MdStyles.LIST_BULLET).size());
        assertEquals(2, f.all(MdStyles.LIST_ORDERED).size());
    }

    @Test
    void tablesHonourColumnAlignmentAndStyleTheHeader() {
        LessonFixture f = LessonFixture.render("| name | qty | price |\n|:-----|:---:|------:|\n| tea | 2 | 3.50 |\n| cake | 1 | 4 |\n");
        GridPane grid = (GridPane) f.one(MdStyles.TABLE);
        assertEquals(9, grid.getChildren().size());
        assertEquals(3, f.all(MdStyles.TABLE_HEADER).size());
        assertEquals(3, f.all(MdStyles.TABLE_ROW_ODD).size());
        List<TextAlignment> aligns = onFx(() -> grid.getChildren().stream().limit(3)
                .map(c -> ((TextFlow) c).getTextAlignment())
                .collect(Collectors.toList()));
        assertEquals(List.of(TextAlignment.LEFT, TextAlignment.CENTER, TextAlignment.RIGHT), aligns);
        assertTrue(onFx(() -> run(f, "name").getFont().getStyle().toLowerCase().contains("bold")));
    }

    @Test
    void aNarrowColumnKeepsItsWordsWhole() {
        LessonFixture f = LessonFixture.render("| Operator | Means |\n|---|---|\n| `BETWEEN` | " + "word ".repeat(120).trim() + " |\n");
        double oneLine = onFx(() -> run(f, "Means").getLayoutBounds().getHeight());
        double header = onFx(() -> run(f, "Operator").getLayoutBounds().getHeight());
        double code = onFx(() -> run(f, "BETWEEN").getLayoutBounds().getHeight());
        assertTrue(header < oneLine * 1.5, "the header word is on one line: " + header + " vs " + oneLine);
        assertTrue(code < oneLine * 1.5, "the code word is on one line: " + code + " vs " + oneLine);
        double table = onFx(() -> f.one(MdStyles.TABLE).getLayoutBounds().getWidth());
        double column = onFx(() -> f.one(MdStyles.LESSON).getLayoutBounds().getWidth());
        assertTrue(table <= column + 0.5, table + " > " + column);
    }

    @Test
    void tableCellsWrapInsteadOfWideningTheColumn() {
        String longCell = "word ".repeat(200).trim();
        LessonFixture f = LessonFixture.render("| a | b |\n|---|---|\n| " + longCell + " | x |\n");
        double table = onFx(() -> f.one(MdStyles.TABLE).getLayoutBounds().getWidth());
        double column = onFx(() -> f.one(MdStyles.LESSON).getLayoutBounds().getWidth());
        assertTrue(table <= column + 0.5, table + " > " + column);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"note,EN,Note", "tip,EN,Tip", "warning,EN,Warning", "note,ZH,注意", "tip,ZH,提示", "warning,ZH,警告"})
    void admonitionsTakeTheirDefaultTitleFromTheUiLanguage(String kind, Lang lang, String title) {
        LessonFixture f = LessonFixture.render("!!! " + kind + "\n    Body text.\n", lang);
        Node box = f.one(MdStyles.ADMONITION);
        assertTrue(box.getStyleClass().contains("md-admonition-" + kind));
        assertEquals(title, text(f.one(MdStyles.ADMONITION_TITLE)));
        assertEquals(1, f.all(MdStyles.ADMONITION_ICON).size());
        assertEquals("Body text.", text(f.one(MdStyles.PARAGRAPH)));
    }

    @Test
    void anAuthorsAdmonitionTitleWins() {
        LessonFixture f = LessonFixture.render("!!! warning \"Back up first\"\n    Really.\n", Lang.ZH);
        assertEquals("Back up first", text(f.one(MdStyles.ADMONITION_TITLE)));
    }

    @Test
    void blockQuotesAndRulesHaveTheirClasses() {
        LessonFixture f = LessonFixture.render("> quoted\n> more\n\n***\n");
        assertEquals("quoted more", text(((javafx.scene.Parent) f.one(MdStyles.BLOCKQUOTE)).getChildrenUnmodifiable().get(0)));
        assertEquals(1, f.all(MdStyles.RULE).size());
    }

    @Test
    void sqlCodeBlocksAreHighlightedAndKeepTheirText() {
        String sql = "SELECT name -- who\nFROM users WHERE id = 'x';";
        LessonFixture f = LessonFixture.render("```sql\n" + sql + "\n```\n");
        Node code = f.one(MdStyles.CODE);
        assertEquals(sql, text(code));
        assertTrue(run(f, "SELECT").getStyleClass().contains("md-sql-keyword"));
        assertTrue(run(f, "-- who").getStyleClass().contains("md-sql-comment"));
        assertTrue(run(f, "'x'").getStyleClass().contains("md-sql-string"));
        assertEquals("SQL", ((Label) f.one(MdStyles.CODE_LANGUAGE)).getText());
        assertEquals("Monospaced", onFx(() -> run(f, "SELECT").getFont().getFamily()));
    }

    @Test
    void codeInOtherLanguagesIsOnePlainRun() {
        LessonFixture f = LessonFixture.render("```java\nint select = 1;\n```\n");
        assertEquals(1, onFx(() -> runs(f.one(MdStyles.CODE)).size()));
    }

    @Test
    void theCopyButtonPutsTheCodeOnTheClipboardAndSaysCopied() {
        LessonFixture f = LessonFixture.render("```sql\nSELECT 1;\n```\n", Lang.ZH);
        Button copy = (Button) f.one(MdStyles.CODE_COPY);
        assertEquals("复制", copy.getText());
        onFx(() -> {
            copy.fire();
            return null;
        });
        assertEquals("SELECT 1;", onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertEquals("已复制", copy.getText());
        assertTrue(copy.getStyleClass().contains(MdStyles.COPIED));
    }

    @Test
    void labsAndQuizzesComeFromTheHooks() {
        LessonFixture f = LessonFixture.render("```lab select-all\n```\n\n```quiz q1\n```\n");
        assertEquals(List.of("lab select-all", "quiz q1"), f.calls);
        assertEquals("LAB select-all", ((Label) ((javafx.scene.Parent) f.one(MdStyles.EMBED_LAB)).getChildrenUnmodifiable().get(0)).getText());
        assertEquals(1, f.all(MdStyles.EMBED_QUIZ).size());
    }

    @Test
    void rawHtmlIsShownAsMutedLiteralText() {
        LessonFixture f = LessonFixture.render("<div class=\"x\">hi</div>\n\ntext <b>bold</b>\n");
        List<Node> html = f.all(MdStyles.RAW_HTML);
        assertTrue(html.stream().anyMatch(n -> n instanceof TextFlow && text(n).equals("<div class=\"x\">hi</div>")));
        assertTrue(html.stream().anyMatch(n -> n instanceof Text t && t.getText().equals("<b>")));
    }

    @Test
    void chineseTextRendersWithAFontThatHasItsGlyphs() {
        LessonFixture f = LessonFixture.render("数据库中的**表**由行和列组成。\n");
        Text t = run(f, "表");
        assertFalse(onFx(() -> t.getLayoutBounds().getWidth()) < 5);
        assertInstanceOf(TextFlow.class, f.one(MdStyles.PARAGRAPH));
    }
}
