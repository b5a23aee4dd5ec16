package campus.app.render;

import campus.app.theme.MdStyles;
import campus.courses.doc.Block;
import campus.courses.doc.Inline;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** The renderer's visitor: one small handler per kind of block. Not reusable: one instance per lesson. */
final class BlockRenderer {

    private static final String[] BULLETS = {"\u2022", "\u25E6", "\u25AA"};

    /** Widest word a column may have to hold unbroken, in em; longer words (URLs) still wrap. */
    private static final int MAX_WORD_CHARS = 16;
    /** The sum of the columns' minimum widths stays inside the lesson column (46em wide). */
    private static final double MAX_TABLE_MIN_EM = 40;

    private final RenderHooks hooks;
    private final RenderStrings strings;
    private final LessonSelection selection;
    private final InlineRenderer inlines;
    private final Map<String, Node> anchors;
    private int listDepth;

    BlockRenderer(RenderHooks hooks, RenderStrings strings, LessonSelection selection, Map<String, Node> anchors) {
        this.hooks = hooks;
        this.strings = strings;
        this.selection = selection;
        this.inlines = new InlineRenderer(hooks, strings, anchors);
        this.anchors = anchors;
    }

    Node block(Block b) {
        if (b instanceof Block.Heading h) {
            return heading(h);
        } else if (b instanceof Block.Paragraph p) {
            return paragraph(p);
        } else if (b instanceof Block.BulletList l) {
            return list(l.items(), -1);
        } else if (b instanceof Block.OrderedList l) {
            return list(l.items(), l.start());
        } else if (b instanceof Block.BlockQuote q) {
            return container(q.blocks(), MdStyles.BLOCKQUOTE);
        } else if (b instanceof Block.CodeBlock c) {
            return CodeBlockView.create(c.language(), c.code(), strings, selection);
        } else if (b instanceof Block.Table t) {
            return table(t);
        } else if (b instanceof Block.ThematicBreak) {
            Region rule = new Region();
            rule.getStyleClass().add(MdStyles.RULE);
            return rule;
        } else if (b instanceof Block.Admonition a) {
            return admonition(a);
        } else if (b instanceof Block.LabEmbed lab) {
            return embed(hooks.labPane(lab.labId()), MdStyles.EMBED_LAB, "lab " + lab.labId());
        } else if (b instanceof Block.QuizEmbed quiz) {
            return embed(hooks.quizPane(quiz.quizId()), MdStyles.EMBED_QUIZ, "quiz " + quiz.quizId());
        } else if (b instanceof Block.Footnotes f) {
            return footnotes(f);
        } else if (b instanceof Block.RawHtml h) {
            SelectableFlow flow = flow(MdStyles.RAW_HTML);
            flow.addText(h.html(), MdStyles.RAW_HTML);
            Tooltip.install(flow, new Tooltip(strings.rawHtml()));
            return flow;
        }
        throw new IllegalArgumentException("unknown block " + b);
    }

    private SelectableFlow flow(String... styleClasses) {
        SelectableFlow flow = new SelectableFlow(styleClasses);
        selection.register(flow);
        return flow;
    }

    private SelectableFlow textFlow(List<Inline> content, String... styleClasses) {
        SelectableFlow flow = flow(styleClasses);
        inlines.render(content, flow);
        return flow;
    }

    private Node heading(Block.Heading h) {
        SelectableFlow flow = textFlow(h.content(), MdStyles.HEADING, MdStyles.heading(h.level()));
        anchors.putIfAbsent(h.anchor(), flow);
        return flow;
    }

    private Node paragraph(Block.Paragraph p) {
        if (onlyImages(p.content())) {
            VBox images = new VBox();
            images.getStyleClass().add(MdStyles.PARAGRAPH);
            for (Inline in : p.content()) {
                if (in instanceof Inline.Image i) {
                    images.getChildren().add(inlines.image(i));
                }
            }
            return images;
        }
        return textFlow(p.content(), MdStyles.PARAGRAPH);
    }

    /** A paragraph of images alone (the usual figure) becomes block images that scale to the column. */
    private static boolean onlyImages(List<Inline> content) {
        boolean any = false;
        for (Inline in : content) {
            if (in instanceof Inline.Image) {
                any = true;
            } else if (!(in instanceof Inline.Break || in instanceof Inline.Text t && t.text().isBlank())) {
                return false;
            }
        }
        return any;
    }

    private VBox container(List<Block> blocks, String... styleClasses) {
        VBox box = new VBox();
        box.getStyleClass().addAll(styleClasses);
        for (Block b : blocks) {
            box.getChildren().add(block(b));
        }
        return box;
    }

    /** {@code start < 0} for a bullet list. Bullets change shape with depth; numbers count from {@code start}. */
    private Node list(List<Block.ListItem> items, int start) {
        VBox list = new VBox();
        list.getStyleClass().add(start < 0 ? MdStyles.LIST_BULLET : MdStyles.LIST_ORDERED);
        String bullet = BULLETS[listDepth % BULLETS.length];
        listDepth++;
        int number = start;
        for (Block.ListItem item : items) {
            String marker = start < 0 ? bullet : number++ + ".";
            if (item.task() != Block.Task.NONE) {
                marker = item.task() == Block.Task.DONE ? "\u2611" : "\u2610";
            }
            Text markerText = new Text(marker);
            markerText.getStyleClass().add(MdStyles.TEXT);
            StackPane markerBox = new StackPane(markerText);
            markerBox.setAlignment(Pos.TOP_RIGHT);
            markerBox.getStyleClass().add(MdStyles.LIST_MARKER);

            int firstFlow = selection.flows().size();
            VBox body = container(item.blocks(), MdStyles.LIST_BODY);
            HBox.setHgrow(body, Priority.ALWAYS);
            if (selection.flows().size() > firstFlow) {
                String copied = switch (item.task()) {
                    case DONE -> "[x]";
                    case OPEN -> "[ ]";
                    default -> marker;
                };
                selection.flows().get(firstFlow).setCopyPrefix(copied + " ");
            }
            if (item.task() != Block.Task.NONE) {
                markerBox.getStyleClass().add(MdStyles.TASK_MARKER);
                markerText.getStyleClass().add(item.task() == Block.Task.DONE ? MdStyles.TASK_DONE : MdStyles.TASK_OPEN);
                markerBox.setAccessibleText(item.task() == Block.Task.DONE ? strings.taskDone() : strings.taskOpen());
            }
            HBox row = new HBox(markerBox, body);
            row.getStyleClass().add(MdStyles.LIST_ITEM);
            list.getChildren().add(row);
        }
        listDepth--;
        return list;
    }

    /**
     * The lesson's notes, under a thin rule: each number, its text, and a back link to the place
     * that first refers to it.
     */
    private Node footnotes(Block.Footnotes f) {
        VBox box = new VBox();
        box.getStyleClass().add(MdStyles.FOOTNOTES);
        Region rule = new Region();
        rule.getStyleClass().add(MdStyles.RULE);
        box.getChildren().add(rule);
        for (Block.Footnote note : f.notes()) {
            Text number = new Text(note.number() + ".");
            number.getStyleClass().add(MdStyles.TEXT);
            StackPane markerBox = new StackPane(number);
            markerBox.setAlignment(Pos.TOP_RIGHT);
            markerBox.getStyleClass().add(MdStyles.LIST_MARKER);
            int firstFlow = selection.flows().size();
            VBox body = container(note.blocks(), MdStyles.LIST_BODY);
            if (selection.flows().size() > firstFlow) {
                selection.flows().get(firstFlow).setCopyPrefix(note.number() + ". ");
            }
            Label back = new Label("\u21A9");
            back.setId("fnback-" + note.label());
            back.getStyleClass().addAll(MdStyles.LINK, MdStyles.FOOTNOTE_BACK);
            back.setAccessibleText(strings.footnoteBack(note.number()));
            Tooltip.install(back, new Tooltip(strings.footnoteBack(note.number())));
            back.setOnMouseClicked(e -> hooks.scrollToAnchor(Inline.FootnoteRef.refAnchor(note.label())));
            HBox.setHgrow(body, Priority.ALWAYS);
            HBox row = new HBox(markerBox, body, back);
            row.setId("fn-" + note.label());
            row.getStyleClass().addAll(MdStyles.LIST_ITEM, MdStyles.FOOTNOTE);
            anchors.putIfAbsent(Inline.FootnoteRef.noteAnchor(note.label()), row);
            box.getChildren().add(row);
        }
        return box;
    }

    private Node table(Block.Table t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(MdStyles.TABLE);
        grid.setMaxWidth(Region.USE_PREF_SIZE);
        for (int c = 0; c < t.columns().size(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(Priority.SOMETIMES);
            cc.setFillWidth(true);
            grid.getColumnConstraints().add(cc);
        }
        int row = 0;
        for (List<Block.Cell> cells : t.header()) {
            addRow(grid, t, cells, row++, MdStyles.TABLE_HEADER);
        }
        for (int r = 0; r < t.body().size(); r++) {
            addRow(grid, t, t.body().get(r), row++, r % 2 == 1 ? MdStyles.TABLE_ROW_ODD : null);
        }
        double[] minEm = columnMinEm(t);
        for (Node cell : grid.getChildren()) {
            Integer c = GridPane.getColumnIndex(cell);
            if (c != null && c < minEm.length && minEm[c] > 0) {
                cell.setStyle("-fx-min-width: " + String.format(java.util.Locale.ROOT, "%.2f", minEm[c]) + "em;");
            }
        }
        return grid;
    }

    /**
     * The minimum width of each column, in em: enough for its longest word (up to
     * {@link #MAX_WORD_CHARS} characters), so that a narrow column wraps between words instead of
     * breaking one ("Operato / r"). Chinese text can break between any two characters and is not
     * counted. Scaled down together when the table would not fit the lesson column.
     */
    static double[] columnMinEm(Block.Table t) {
        double[] em = new double[t.columns().size()];
        List<List<Block.Cell>> rows = new java.util.ArrayList<>(t.header());
        rows.addAll(t.body());
        for (List<Block.Cell> cells : rows) {
            for (int c = 0; c < cells.size() && c < em.length; c++) {
                int longest = 0;
                for (String word : Inline.plain(cells.get(c).content()).split("\\s+")) {
                    int n = (int) word.codePoints().filter(cp -> Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN).count();
                    longest = Math.max(longest, Math.min(n, MAX_WORD_CHARS));
                }
                // about 0.72em per character (bold headers and monospace code are the widest), plus the cell's padding and border
                em[c] = Math.max(em[c], longest == 0 ? 0 : longest * 0.72 + 2.0);
            }
        }
        double sum = java.util.Arrays.stream(em).sum();
        if (sum > MAX_TABLE_MIN_EM) {
            for (int c = 0; c < em.length; c++) {
                em[c] *= MAX_TABLE_MIN_EM / sum;
            }
        }
        return em;
    }

    private void addRow(GridPane grid, Block.Table t, List<Block.Cell> cells, int row, String rowClass) {
        for (int c = 0; c < cells.size(); c++) {
            Block.Align align = c < t.columns().size() ? t.columns().get(c) : Block.Align.NONE;
            // The flow is the cell itself (padding and borders from CSS): one node per cell keeps CSS cheap.
            SelectableFlow cell = textFlow(cells.get(c).content(), MdStyles.TABLE_CELL);
            cell.setTextAlignment(textAlignment(align));
            if (rowClass != null) {
                cell.getStyleClass().add(rowClass);
            }
            grid.add(cell, c, row);
        }
    }

    static TextAlignment textAlignment(Block.Align a) {
        switch (a) {
            case CENTER:
                return TextAlignment.CENTER;
            case RIGHT:
                return TextAlignment.RIGHT;
            default:
                return TextAlignment.LEFT;
        }
    }

    private Node admonition(Block.Admonition a) {
        String kindClass = a.kind() == Block.AdmonitionKind.TIP ? MdStyles.ADMONITION_TIP
                : a.kind() == Block.AdmonitionKind.WARNING ? MdStyles.ADMONITION_WARNING : MdStyles.ADMONITION_NOTE;
        Region icon = new Region();
        icon.getStyleClass().add(MdStyles.ADMONITION_ICON);
        SelectableFlow title = flow(MdStyles.ADMONITION_TITLE);
        title.addText(a.title().isEmpty() ? strings.admonitionTitle(a.kind()) : a.title());
        HBox head = new HBox(icon, title);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);
        VBox box = container(a.blocks(), MdStyles.ADMONITION, kindClass);
        box.getChildren().add(0, head);
        return box;
    }

    private Node embed(Node pane, String kindClass, String fallback) {
        StackPane box = new StackPane(pane != null ? pane : new Label(fallback));
        box.getStyleClass().addAll(MdStyles.EMBED, kindClass);
        return box;
    }
}
