package campus.app.render;

import static campus.app.render.LessonFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.theme.MdStyles;
import campus.i18n.Lang;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.shape.Path;
import org.junit.jupiter.api.Test;

class LessonFindTest {

    private static final String MD = """
            # Joins

            A JOIN combines rows. An inner **join** keeps matches only.

            | Kind | Keeps |
            |---|---|
            | LEFT JOIN | every left row |

            ```sql
            SELECT * FROM a JOIN b ON a.id = b.a_id;
            ```

            - a list item without the word
            """;

    private static int search(LessonFixture f, String q) {
        return onFx(() -> f.lesson.find().search(q, n -> n.localToScene(0, 0).getY(), 0));
    }

    /** Highlight paths of one kind in the lesson that have something drawn. */
    private static long drawn(LessonFixture f, String styleClass) {
        return onFx(() -> f.lesson.root().lookupAll("." + styleClass).stream()
                .filter(n -> n instanceof Path p && !p.getElements().isEmpty()).count());
    }

    @Test
    void findsEveryMatchIgnoringCaseInHeadingsTextTablesAndCode() {
        LessonFixture f = LessonFixture.render(MD);
        assertEquals(5, search(f, "join"), "heading, two in the paragraph (one bold), the table cell, the code");
        assertEquals(0, (int) onFx(() -> f.lesson.find().current()), "the first match from the top of the view");
        assertEquals(4, drawn(f, MdStyles.FIND_MATCH), "one path per block with matches");
        assertEquals(1, drawn(f, MdStyles.FIND_CURRENT));
        assertEquals(0, search(f, "outer join"));
        assertEquals(0, drawn(f, MdStyles.FIND_MATCH), "a new search replaces the old highlights");
        assertEquals(0, search(f, "   "), "blank finds nothing");
    }

    @Test
    void nextAndPreviousWrapAround() {
        LessonFixture f = LessonFixture.render(MD);
        search(f, "JOIN");
        List<Integer> seen = onFx(() -> {
            LessonFind find = f.lesson.find();
            List<Integer> out = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                find.next();
                out.add(find.current());
            }
            find.previous();
            out.add(find.current());
            return out;
        });
        assertEquals(List.of(1, 2, 3, 4, 0, 4), seen);
        Node current = onFx(() -> f.lesson.find().currentPlace().orElseThrow().getKey());
        assertTrue(current.getStyleClass().contains(MdStyles.CODE), "the last match is in the code block");
        assertEquals(1, drawn(f, MdStyles.FIND_CURRENT), "one current match at a time");
    }

    @Test
    void theCurrentMatchStartsAtTheTopOfTheView() {
        LessonFixture f = LessonFixture.render(MD);
        double codeTop = onFx(() -> f.lesson.root().lookup("." + MdStyles.CODE).localToScene(0, 0).getY());
        int current = onFx(() -> {
            LessonFind find = f.lesson.find();
            find.search("join", n -> n.localToScene(0, 0).getY(), codeTop);
            return find.current();
        });
        assertEquals(4, current, "the match in the code block, the first below the given top");
    }

    @Test
    void clearRemovesEveryHighlight() {
        LessonFixture f = LessonFixture.render(MD);
        search(f, "join");
        onFx(() -> {
            f.lesson.find().clear();
            return null;
        });
        assertEquals(0, drawn(f, MdStyles.FIND_MATCH));
        assertEquals(0, drawn(f, MdStyles.FIND_CURRENT));
        assertEquals(-1, (int) onFx(() -> f.lesson.find().current()));
    }

    @Test
    void chineseTextAndFoldingKeepIndices() {
        LessonFixture f = LessonFixture.render("# 连接\n\n内连接只保留匹配的行；左连接保留左表的每一行。\n", Lang.ZH);
        assertEquals(3, search(f, "连接"));
        assertEquals("abc İx", LessonFind.fold("ABC İX"), "a character whose lower case is longer stays as it is");
    }

    @Test
    void highlightsFollowTheTextWhenItWrapsAnew() {
        LessonFixture f = LessonFixture.render(MD);
        search(f, "matches");
        double before = onFx(() -> currentPathWidth(f));
        onFx(() -> {
            Parent root = f.scene.getRoot();
            root.setStyle("-fx-font-size: 40px;");
            root.applyCss();
            root.layout();
            return null;
        });
        double after = onFx(() -> currentPathWidth(f));
        assertTrue(after > before * 1.5, "the current match's highlight grew with the zoomed text: " + before + " → " + after);
    }

    private static double currentPathWidth(LessonFixture f) {
        return f.lesson.root().lookupAll("." + MdStyles.FIND_CURRENT).stream()
                .filter(n -> n instanceof Path p && !p.getElements().isEmpty())
                .mapToDouble(n -> n.getBoundsInLocal().getWidth()).max().orElse(0);
    }
}
