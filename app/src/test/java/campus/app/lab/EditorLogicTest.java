package campus.app.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.labs.sandbox.SchemaTable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EditorLogicTest {

    static final String SCRIPT = "SELECT 1;\n\nSELECT ';' FROM t;  -- x;\nSELECT 3";

    private static String statementAt(int caret) {
        return EditorLogic.statementAt(SCRIPT, caret).map(r -> SCRIPT.substring(r.start(), r.end())).orElse("");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|SELECT 1",
            "8|SELECT 1",
            "9|SELECT 1",
            "10|SELECT 1",
            "11|SELECT ';' FROM t",
            "20|SELECT ';' FROM t",
            "40|SELECT 3"})
    void theStatementAtTheCaretIsFoundWithTheLabsSplitter(int caret, String expected) {
        assertEquals(expected, statementAt(caret));
    }

    @Test
    void unterminatedTextRunsWhole() {
        String text = "SELECT 'oops;\nFROM t";
        assertEquals(new EditorLogic.Range(0, text.length()), EditorLogic.statementAt(text, 3).orElseThrow());
    }

    @Test
    void bracketsMatchAcrossNestingAndSkipStringsAndComments() {
        String sql = "SELECT (a + (b * ')') /* ( */) FROM t";
        assertArrayEquals(new int[] {7, 29}, EditorLogic.matchingBracket(sql, 7).orElseThrow());
        assertArrayEquals(new int[] {29, 7}, EditorLogic.matchingBracket(sql, 30).orElseThrow(), "caret after )");
        assertArrayEquals(new int[] {12, 20}, EditorLogic.matchingBracket(sql, 12).orElseThrow());
        assertTrue(EditorLogic.matchingBracket(sql, 18).isEmpty(), "a bracket in a string is not matched");
        assertArrayEquals(new int[] {0, -1}, EditorLogic.matchingBracket("(a", 0).orElseThrow(), "unmatched");
    }

    @Test
    void newLinesKeepTheIndentOfTheLine() {
        assertEquals("    ", EditorLogic.indentAt("SELECT\n    a,", 13));
        assertEquals(" ", EditorLogic.indentAt("x\n  y", 3), "caret inside the indent keeps what is before it");
        assertEquals("", EditorLogic.indentAt("", 0));
    }

    @Test
    void completionOffersTablesThenColumnsThenKeywords() {
        List<SchemaTable> schema = List.of(new SchemaTable("books", "TABLE",
                List.of(new SchemaTable.Column("book_id", "INTEGER", false), new SchemaTable.Column("title", "VARCHAR", true)), 400));
        assertEquals(List.of("books", "book_id"), EditorLogic.completions("bo", schema, Set.of("SELECT")));
        assertEquals(List.of("select", "set"), EditorLogic.completions("se", schema, Set.of("SELECT", "SET")));
        assertEquals(List.of("SELECT"), EditorLogic.completions("SEL", schema, Set.of("SELECT")));
        assertEquals(new EditorLogic.Range(14, 16), EditorLogic.wordBefore("SELECT * FROM bo", 16));
    }

    @Test
    void noWordIsCompletedInsideAStringOrAComment() {
        assertEquals(new EditorLogic.Range(16, 16), EditorLogic.wordBefore("SELECT 'a' -- bo", 16));
        assertEquals(new EditorLogic.Range(12, 12), EditorLogic.wordBefore("SELECT 'a bo", 12));
        assertEquals(new EditorLogic.Range(17, 17), EditorLogic.wordBefore("SELECT 1 /* ti\nbo", 17));
        assertEquals(new EditorLogic.Range(9, 11), EditorLogic.wordBefore("SELECT 1\u00A0bo", 11), "U+00A0 is a space to H2");
    }
}
