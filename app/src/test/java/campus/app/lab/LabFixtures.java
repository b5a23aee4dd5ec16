package campus.app.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A content root with labs on a small bookshop: a result lab, a state lab and one with a missing dataset. */
final class LabFixtures {

    static final String QUERY = "SELECT title, price\nFROM books\nWHERE price < 10\nORDER BY price, title";

    private LabFixtures() {
    }

    static Path write(Path root) throws IOException {
        Path labs = Files.createDirectories(root.resolve("c1/01-lesson/labs"));
        Files.writeString(labs.resolve("cheap.json"), "{\n"
                + "  \"id\": \"cheap\",\n"
                + "  \"title\": {\"en\": \"Cheap books\", \"zh\": \"便宜的书\"},\n"
                + "  \"task\": {\"en\": \"Books under 10, cheapest first.\", \"zh\": \"低于 10 的书。\"},\n"
                + "  \"dataset\": \"bookshop\", \"scale\": 300, \"check\": \"result\",\n"
                + "  \"options\": {\"ordered\": true}, \"points\": 10,\n"
                + "  \"hints\": [{\"en\": \"Start from books.\", \"zh\": \"从 books 开始。\"},"
                + " {\"en\": \"Use WHERE.\", \"zh\": \"用 WHERE。\"}],\n"
                + "  \"starter\": \"SELECT title, price\\nFROM books\\n\"\n"
                + "}\n");
        Files.writeString(labs.resolve("cheap.sql"), QUERY + ";\n");
        Files.writeString(labs.resolve("broken.json"), "{\n"
                + "  \"id\": \"broken\",\n"
                + "  \"title\": {\"en\": \"Broken\", \"zh\": \"坏的\"},\n"
                + "  \"task\": {\"en\": \"x\", \"zh\": \"x\"},\n"
                + "  \"dataset\": \"no-such-dataset\", \"check\": \"result\"\n"
                + "}\n");
        Files.writeString(labs.resolve("broken.sql"), "SELECT 1;\n");
        Files.writeString(labs.resolve("reprice.json"), "{\n"
                + "  \"id\": \"reprice\",\n"
                + "  \"title\": {\"en\": \"Raise poetry prices\", \"zh\": \"提高诗歌价格\"},\n"
                + "  \"task\": {\"en\": \"Poetry books cost 10% more.\", \"zh\": \"诗歌类图书涨价 10%。\"},\n"
                + "  \"dataset\": \"bookshop\", \"scale\": 300, \"check\": \"state\",\n"
                + "  \"options\": {\"tables\": [\"books\"]}, \"points\": 10\n"
                + "}\n");
        Files.writeString(labs.resolve("reprice.sql"), "UPDATE books SET price = price * 1.10 WHERE genre = 'poetry';\n");
        return root;
    }
}
