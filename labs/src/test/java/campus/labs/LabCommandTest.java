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
        assertEquals(6, lines.size());
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

    /**
     * Attacks on a state lab's reset, attempt after attempt in one session: whatever an attempt did, the next one
     * starts from the dataset as loaded, so {@code SELECT 1;} never passes and the reference always does.
     */
    @Test
    void attemptsInOneSessionNeverSeeEachOther(@TempDir Path dir) throws Exception {
        List<String> attacks = List.of(
                "UPDATE books SET price = price * 1.10 WHERE genre = 'poetry'",
                "ALTER TABLE `Books` ADD COLUMN tmp INT; UPDATE books SET price = price * 1.10 WHERE genre = 'poetry';"
                        + " ALTER TABLE `Books` DROP COLUMN tmp",
                "ALTER TABLE `Books` RENAME TO b2; CREATE TABLE books AS SELECT * FROM b2",
                "CREATE TABLE b3 AS SELECT * FROM books; UPDATE b3 SET price = price * 1.10 WHERE genre = 'poetry';"
                        + " DROP TABLE `BOOKS` CASCADE; ALTER TABLE b3 RENAME TO books",
                "TRUNCATE TABLE lab.`ORDER_ITEMS`; UPDATE books SET price = price * 1.10 WHERE genre = 'poetry';"
                        + " CREATE INDEX ix ON authors (name)",
                "ALTER TABLE U&\"b\\006foks\" ALTER COLUMN price RENAME TO p; UPDATE books SET p = p * 1.10 WHERE genre = 'poetry';"
                        + " ALTER TABLE books ALTER COLUMN p RENAME TO price");
        Path select1 = dir.resolve("select1.sql");
        Files.writeString(select1, "SELECT 1;");
        Path reference = dir.resolve("reference.sql");
        Files.writeString(reference, "UPDATE books SET price = price * 1.10 WHERE genre = 'poetry';");
        List<String> args = new java.util.ArrayList<>(List.of("check", "shop-reprice-poetry"));
        for (int k = 0; k < attacks.size(); k++) {
            Path a = dir.resolve("attack" + k + ".sql");
            Files.writeString(a, attacks.get(k));
            args.addAll(List.of(a.toString(), select1.toString(), reference.toString()));
        }
        args.add("--json");
        assertEquals(1, run(args.toArray(String[]::new)));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(attacks.size() * 3, lines.size(), lines.toString());
        for (int k = 0; k < lines.size(); k++) {
            JsonObject o = JsonParser.parseString(lines.get(k)).getAsJsonObject();
            assertEquals(k + 1, o.get("attempt").getAsInt());
            if (k % 3 == 1) {
                assertEquals(select1.toString(), o.get("file").getAsString());
                assertEquals(false, o.get("passed").getAsBoolean(), "after " + attacks.get(k / 3) + ": " + o);
            } else if (k % 3 == 2) {
                assertEquals(true, o.get("passed").getAsBoolean(), "after " + attacks.get(k / 3) + ": " + o);
            }
        }
    }

    @Test
    void severalFilesInTextSayWhichAttemptIsWhich(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.sql");
        Files.writeString(a, "SELECT 1;");
        assertEquals(1, run("check", "shop-reprice-poetry", a.toString(), a.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Attempt 1: " + a + "\nFAIL shop-reprice-poetry: 0/10 points\n"), text);
        assertTrue(text.contains("Attempt 2: " + a + "\n"), text);
    }

    @Test
    void checkSaysWhenOnlyTheCaseOfALiteralIsWrong(@TempDir Path dir) throws Exception {
        Path mysqlHabit = dir.resolve("poetry.sql");
        Files.writeString(mysqlHabit, "SELECT title, price FROM books WHERE genre = 'Poetry';");
        assertEquals(1, run("check", "shop-poetry-titles", mysqlHabit.toString()));
        String en = out.toString(StandardCharsets.UTF_8);
        assertTrue(en.contains("FAIL shop-poetry-titles: 0/10 points"), en);
        assertTrue(en.contains("Campus compares text case-sensitively, as the database the courses teach does by default"
                + " (utf8mb4_bin): check the case of 'Poetry'."), en);
        out.reset();
        assertEquals(1, run("check", "shop-poetry-titles", mysqlHabit.toString(), "--lang", "zh"));
        String zh = out.toString(StandardCharsets.UTF_8);
        assertTrue(zh.contains("Campus 比较文本时区分大小写，与课程所讲的数据库的默认排序规则（utf8mb4_bin）一致：请检查 'Poetry' 的大小写。"), zh);
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
    void checkWithDataRecordsTheAttemptInThatLearnersStoreAndWithoutItNothing(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.sql");
        Files.writeString(good, "SELECT s.district, COUNT(*) FROM stations s JOIN trips t ON t.start_station = s.id GROUP BY 1;");
        Path bad = dir.resolve("bad.sql");
        Files.writeString(bad, "SELECT district FROM stations");
        Path learner = dir.resolve("learner");
        assertEquals(1, run("check", "--data", learner.toString(), "bike-trips-per-district", bad.toString()));
        assertEquals(0, run("check", "bike-trips-per-district", good.toString(), "--data", learner.toString(), "--json"));
        assertEquals(0, run("check", "bike-trips-per-district", good.toString()));
        try (campus.progress.store.ProgressStore store = campus.progress.store.ProgressStore.open(learner)) {
            List<campus.progress.store.StoredEvent> events = store.eventsAfter(0, 10);
            assertEquals(List.of("lab.attempt", "lab.attempt"), events.stream().map(e -> e.kind()).toList(),
                    "two attempts with --data, the third without");
            assertEquals(List.of(false, true), events.stream().map(e -> e.dataJson().get("passed").getAsBoolean()).toList());
            assertEquals("bike-trips-per-district", events.get(1).subject());
            assertEquals(10, events.get(1).dataJson().get("score").getAsInt());
            assertEquals("SELECT district FROM stations", events.get(0).dataJson().get("sql").getAsString());
            assertEquals(List.of(1L, 2L), events.stream().map(e -> e.seq()).toList());
        }
        assertTrue(Files.notExists(dir.resolve("progress")), "nothing recorded without --data");
    }

    @Test
    void checkWithADataFolderThatCannotHoldAStoreSaysSo(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.sql");
        Files.writeString(good, "SELECT 1");
        Files.writeString(dir.resolve("progress"), "a file where the store's folder should be");
        assertEquals(1, run("check", "bike-trips-per-district", good.toString(), "--data", dir.toString(), "--lang", "zh"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("无法打开进度库 " + dir.resolve("progress/store.mv.db") + "："),
                err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8), "not checked: the attempt could not be recorded");
    }

    @Test
    void checkWithADataFolderOnAFullDiskSaysSoAndKeepsWhatWasRecorded(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.sql");
        Files.writeString(good, "SELECT s.district, COUNT(*) FROM stations s JOIN trips t ON t.start_station = s.id GROUP BY 1;");
        try (campus.progress.testing.FullDisk disk = campus.progress.testing.FullDisk.mount(dir.resolve("disk"), 6)) {
            Path learner = disk.dir().resolve("learner");
            assertEquals(0, run("check", "bike-trips-per-district", good.toString(), "--data", learner.toString()));
            disk.fill();
            out.reset();
            assertEquals(1, run("check", "bike-trips-per-district", good.toString(), "--data", learner.toString(), "--lang", "zh"));
            String said = err.toString(StandardCharsets.UTF_8);
            assertTrue(said.startsWith("无法打开进度库 " + learner.resolve("progress/store.mv.db") + "：磁盘已满（"), said);
            assertTrue(said.strip().endsWith("其中的内容没有丢失；请腾出一些空间后再试。"), said);
            assertEquals("", out.toString(StandardCharsets.UTF_8), "not checked: the attempt could not be recorded");

            disk.free();
            assertEquals(0, run("check", "bike-trips-per-district", good.toString(), "--data", learner.toString()));
            try (campus.progress.store.ProgressStore store = campus.progress.store.ProgressStore.open(learner)) {
                assertEquals(List.of(1L, 2L), store.eventsAfter(0, 10).stream().map(e -> e.seq()).toList(),
                        "the attempt before the disk filled and the one after");
                assertTrue(store.notices().isEmpty(), store.notices().toString());
            }
        }
    }

    @Test
    void usageErrorsAndProblemsHaveTheirExitCodes(@TempDir Path dir) throws Exception {
        assertEquals(2, run());
        assertEquals(2, run("check", "only-id"));
        assertEquals(2, run("list", "--bogus"));
        assertEquals(2, run("list", "--data", dir.toString()));
        assertEquals(2, run("check", "x", "y.sql", "--data"));
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
