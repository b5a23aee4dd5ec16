package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.i18n.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem in a lab file names the line of the field it is about, in both languages. */
class LabReaderTest {

    @TempDir
    Path dir;

    private List<String> problems(String json, Lang lang) throws IOException {
        Path file = dir.resolve("l.json");
        Files.writeString(file, json);
        Files.writeString(dir.resolve("l.sql"), "SELECT 1");
        List<Problem> problems = new ArrayList<>();
        assertTrue(LabReader.read(file, "c", "01-l", problems).isEmpty());
        return problems.stream().map(p -> p.format(lang).substring(dir.toString().length() + 1)).toList();
    }

    @Test
    void problemsNameTheLineOfTheirField() throws IOException {
        String json = """
                {
                  "id": "l",
                  "title": {"en": "Title", "zh": "标题"},
                  "task": {"en": "Task"},
                  "dataset": "bookshop",
                  "check": "result",
                  "points": -1,
                  "hints": [
                    "just a string"
                  ],
                  "options": {
                    "ordered": "yes",
                    "colour": 1
                  }
                }
                """;
        assertEquals(List.of(
                "l.json:4: task has no zh text.",
                "l.json:13: Unknown field options.colour.",
                "l.json:12: ordered must be true or false.",
                "l.json:7: points must be a whole number of at least 0.",
                "l.json:8: hints must be an object with \"en\" and \"zh\" texts."), problems(json, Lang.EN));
        assertEquals("l.json:4: task 缺少 zh 文本。", problems(json, Lang.ZH).get(0));
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        assertEquals(List.of("l.json:3: Malformed JSON: Unterminated object (column 23)"),
                problems("{\n  \"id\": \"l\",\n  \"title\": {\"en\": \"x\" \"zh\": \"y\"}\n}", Lang.EN));
        assertEquals(List.of("l.json:1: A lab file must hold one JSON object."), problems("[1]", Lang.EN));
    }
}
