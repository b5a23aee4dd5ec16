package campus.app.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SqlEditorTest {

    SqlEditor editor;

    @Start
    void start(Stage stage) {
        editor = new SqlEditor();
        stage.setScene(new Scene(new StackPane(editor.node()), 600, 400));
        stage.show();
    }

    @Test
    void theWheelOverAShortQueryScrollsTheLessonAroundIt(FxRobot robot) {
        javafx.scene.control.ScrollPane[] page = new javafx.scene.control.ScrollPane[1];
        robot.interact(() -> {
            editor.setText("SELECT 1;");
            javafx.scene.layout.Region above = new javafx.scene.layout.Region();
            above.setMinHeight(150);
            javafx.scene.layout.Region below = new javafx.scene.layout.Region();
            below.setMinHeight(1500);
            ((javafx.scene.layout.Region) editor.node()).setPrefHeight(150);
            page[0] = new javafx.scene.control.ScrollPane(new javafx.scene.layout.VBox(above, editor.node(), below));
            page[0].setFitToWidth(true);
            robot.window(0).getScene().setRoot(page[0]);
        });
        // mid-page, with the editor under the mouse: which way the robot's wheel turns differs by platform
        robot.interact(() -> page[0].setVvalue(0.05));
        robot.moveTo(editor.node()).scroll(3, javafx.geometry.VerticalDirection.DOWN);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(page[0].getVvalue() != 0.05, "the lesson did not scroll: " + page[0].getVvalue());
    }

    @Test
    void typingIntoALongScriptRestylesOnlyTheLinesItTouches(FxRobot robot) {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            big.append("SELECT 'x', ").append(i).append(" FROM t;\n");
        }
        robot.interact(() -> editor.setText(big.toString()));
        long before = editor.restyledLines();
        int line1000 = big.indexOf("SELECT 'x', 1000 ");
        robot.interact(() -> editor.area().insertText(line1000, "WHERE "));
        assertTrue(editor.restyledLines() - before <= 2, "restyled " + (editor.restyledLines() - before));
        assertTrue(editor.classesAt(line1000).contains("lab-sql-keyword"));

        // opening a block comment restyles everything after it (each following line is now comment)
        robot.interact(() -> editor.area().insertText(line1000, "/* "));
        assertTrue(editor.classesAt(editor.area().getLength() - 5).contains("lab-sql-comment"));
        robot.interact(() -> editor.area().deleteText(line1000, line1000 + 3));
        assertTrue(editor.classesAt(editor.area().getLength() - 12).contains("lab-sql-number"), editor.classesAt(editor.area().getLength() - 12).toString());
    }

    @Test
    void theBracketPairAtTheCaretIsHighlighted(FxRobot robot) {
        robot.interact(() -> {
            editor.setText("SELECT (1 + (2)) FROM t");
            editor.area().moveTo(7);
        });
        assertArrayEquals(new int[] {7, 15}, editor.bracketMarks());
        assertTrue(editor.classesAt(15).contains("lab-bracket"));
        robot.interact(() -> editor.area().moveTo(2));
        assertTrue(!editor.classesAt(15).contains("lab-bracket"), "cleared when the caret leaves");
    }

    @Test
    void enterKeepsTheIndentTabInsertsSpacesAndUndoWorks(FxRobot robot) {
        robot.interact(() -> {
            editor.setText("SELECT\n  a");
            editor.area().moveTo(10);
        });
        robot.clickOn(editor.area());
        robot.interact(() -> editor.area().moveTo(10));
        robot.type(KeyCode.ENTER);
        robot.write("b");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("SELECT\n  a\n  b" + SqlEditor.TAB, editor.text());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.text().length() < "SELECT\n  a\n  b    ".length(), editor.text());
    }
}
