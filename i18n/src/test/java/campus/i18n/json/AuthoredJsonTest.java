package campus.i18n.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.json.AuthoredJson.Duplicate;
import campus.i18n.json.AuthoredJson.SyntaxError;
import campus.i18n.json.JsonValue.JArray;
import campus.i18n.json.JsonValue.JNumber;
import campus.i18n.json.JsonValue.JObject;
import campus.i18n.json.JsonValue.JString;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthoredJsonTest {

    private static final String DOC = """
            {
              "id": "demo",
              "title": {
                "en": "Demo", "zh": "演示"
              },
              "lessons": [
                "one",
                  {"n": 2.50}
              ]
            }
            """;

    @Test
    void everyKeyAndValueKeepsItsLine() throws SyntaxError {
        JObject o = (JObject) AuthoredJson.parse(DOC).root();
        assertEquals(1, o.line());
        assertEquals(2, o.lineOf("id"));
        assertEquals(3, o.lineOf("title"));
        assertEquals(1, o.lineOf("absent"));
        JObject title = (JObject) o.get("title").orElseThrow();
        assertEquals(3, title.line());
        assertEquals(4, title.lineOf("zh"));
        assertEquals(new JString("演示", 4), title.get("zh").orElseThrow());
        JArray lessons = (JArray) o.get("lessons").orElseThrow();
        assertEquals(6, lessons.line());
        assertEquals(7, lessons.items().get(0).line());
        JObject second = (JObject) lessons.items().get(1);
        assertEquals(8, second.line());
        assertEquals(new JNumber(2.5, "2.50", 8), second.get("n").orElseThrow());
        assertEquals(List.of("id", "title", "lessons"), List.copyOf(o.members().keySet()));
    }

    @Test
    void aKeyGivenTwiceIsReportedWithItsPathAndTheLaterValueKept() throws SyntaxError {
        AuthoredJson.Document d = AuthoredJson.parse("{\"a\": {\"b\": 1,\n \"b\": 2}, \"a2\": [{\"c\": 0, \"c\": 1}]}");
        assertEquals(List.of(new Duplicate("a.b", "b", 2, 5), new Duplicate("a2[0].c", "c", 2, 30)), d.duplicates());
        JObject a = (JObject) ((JObject) d.root()).get("a").orElseThrow();
        assertEquals("2", ((JNumber) a.get("b").orElseThrow()).literal());
        assertEquals(1, a.lineOf("b"));
    }

    @Test
    void malformedJsonNamesLineColumnAndReason() {
        SyntaxError e = assertThrows(SyntaxError.class, () -> AuthoredJson.parse("{\n  \"a\": \"x\" \"b\": 1\n}"));
        assertEquals(2, e.line());
        assertEquals(12, e.column());
        assertEquals("Unterminated object", e.reason());
        assertEquals("Unterminated object (column 12)", e.described());
        assertFalse(e.afterDocument());
    }

    @Test
    void notStrictJsonIsRefusedInTheAuthorsTerms() {
        for (String lenient : List.of("{a: 1}", "{'a': 1}", "{\"a\": 1,}", "{\"a\": 1 /* c */}", "{\"a\": NaN}")) {
            SyntaxError e = assertThrows(SyntaxError.class, () -> AuthoredJson.parse(lenient), lenient);
            assertTrue(e.reason().startsWith("not strict JSON") || e.reason().startsWith("Expected name"), lenient + " -> " + e.reason());
        }
    }

    @Test
    void aLineBreakInsideAStringIsRefused() {
        SyntaxError e = assertThrows(SyntaxError.class, () -> AuthoredJson.parse("{\"a\": \"x\ny\"}"));
        assertEquals("Unescaped control characters (\\u0000-\\u001F) are not allowed in strict mode", e.reason());
        assertEquals(1, e.line());
    }

    @Test
    void aFileCutShortSaysSoWithoutAColumn() {
        SyntaxError e = assertThrows(SyntaxError.class, () -> AuthoredJson.parse("{\n\"a\": [1,\n"));
        assertEquals("the file ends before the JSON is complete (a missing } or ]?)", e.described());
        assertEquals(3, e.line());
    }

    @Test
    void textAfterTheDocumentIsItsOwnError() {
        SyntaxError e = assertThrows(SyntaxError.class, () -> AuthoredJson.parse("{\"a\": 1}\n}\n"));
        assertTrue(e.afterDocument());
        assertEquals(2, e.line());
    }

    @Test
    void nestingIsBounded() {
        SyntaxError e = assertThrows(SyntaxError.class, () -> AuthoredJson.parse("[".repeat(65) + "]".repeat(65)));
        assertEquals("nested too deeply", e.reason());
        assertEquals(1, ((JArray) assertDoesNotThrowParse("[".repeat(64) + "]".repeat(64))).line());
    }

    @Test
    void aByteOrderMarkIsNotText() throws SyntaxError {
        assertEquals(new JString("x", 1), AuthoredJson.parse("\uFEFF\"x\"").root());
    }

    /** The position is read from Gson's {@code toString()}: if a Gson upgrade changes its form, this fails. */
    @Test
    void gsonStillTellsItsPositionInToString() throws Exception {
        JsonReader r = new JsonReader(new StringReader("{\n  \"id\": 1}"));
        r.beginObject();
        r.nextName();
        assertArrayEquals(new int[] {2, 7}, AuthoredJson.where(r.toString()), r.toString());
    }

    private static JsonValue assertDoesNotThrowParse(String text) {
        try {
            return AuthoredJson.parse(text).root();
        } catch (SyntaxError e) {
            throw new AssertionError(e);
        }
    }
}
