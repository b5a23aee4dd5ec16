package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.labs.cli.LabCommand;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LabCommand.run(List.of(args), List.of(TestContent.root()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void listPrintsOneLabPerLineWithCourseAndLesson() {
        assertEquals(0, run("list"));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(5, lines.size());
        assertTrue(lines.contains("bike-top-stations\tsql-basics\t01-select\tThe five busiest stations"), lines.toString());
    }

    @Test
    void checkPassesAndFailsWithJson(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.sql");
        Files.writeString(good, "SELECT s.district, COUNT(*) FROM stations s JOIN trips t ON t.start_station = s.id GROUP BY 1;");
        assertEquals(0, run("check", "bike-trips-per-district", good.toString(), "--json"));
        JsonObject o = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        assertTrue(o.get("passed").getAsBoolean());
        assertEquals(10, o.get("score").getAsInt());
        out.reset();
        Path bad = dir.resolve("bad.sql");
        Files.writeString(bad, "SELECT district FROM stations");
        assertEquals(1, run("--content", TestContent.root().toString(), "check", "bike-trips-per-district", bad.toString(), "--lang", "zh"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("应有 2 列，实际为 1 列。"), out.toString(StandardCharsets.UTF_8));
    }

    /** The JSON is for tools and people alike: quotes in messages stay quotes, not \\u0027. */
    @Test
    void jsonMessagesKeepTheirQuotes(@TempDir Path dir) throws Exception {
        Path wrong = dir.resolve("wrong.sql");
        Files.writeString(wrong, "SELECT 'x' AS district, 1");
        assertEquals(1, run("check", "bike-trips-per-district", wrong.toString(), "--json"));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("'") && !json.contains("\\u0027"), json);
        assertTrue(JsonParser.parseString(json).getAsJsonObject().get("messages").getAsJsonArray().size() > 0);
    }

    @Test
    void usageErrorsAndProblemsHaveTheirExitCodes(@TempDir Path dir) throws Exception {
        assertEquals(2, run());
        assertEquals(2, run("check", "only-id"));
        assertEquals(2, run("list", "--bogus"));
        assertEquals(1, run("check", "no-such-lab", "x.sql"));
        Path labs = Files.createDirectories(dir.resolve("c/01-l/labs"));
        Files.writeString(labs.resolve("broken.json"), "{\n  \"id\": \"broken\",\n  \"title\": {\"en\": \"x\" \"zh\": \"y\"}\n}");
        Files.writeString(labs.resolve("nosql.json"), "{\"id\": \"nosql\", \"title\": {\"en\": \"a\", \"zh\": \"b\"},"
                + " \"task\": {\"en\": \"a\", \"zh\": \"b\"}, \"dataset\": \"nope\", \"check\": \"result\"}");
        assertEquals(1, run("list", "--content", dir.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("broken.json:3: Malformed JSON"), e);
        assertTrue(e.contains("nosql.json:0: Missing reference solution nosql.sql"), e);
    }
}
