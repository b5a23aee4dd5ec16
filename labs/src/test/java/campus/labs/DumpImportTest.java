package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.labs.cli.DatasetCommand;
import campus.labs.dataset.Dataset;
import campus.labs.importer.ImportReport;
import campus.labs.importer.MysqlDumpImporter;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sql.GuardPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpImportTest {

    private static String dump() throws Exception {
        return new String(DumpImportTest.class.getResourceAsStream("/dumps/cinema.sql").readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void importsARealisticDumpAndReportsEveryTableSkipAndRewrite() throws Exception {
        ImportReport r = MysqlDumpImporter.convert(dump(), "cinema");
        List<String> lines = r.lines().stream().map(m -> m.in(Lang.EN)).toList();
        assertTrue(r.ok(), r.errors().stream().map(m -> m.in(Lang.EN)).toList().toString());
        String all = String.join("\n", lines);
        assertTrue(lines.contains("Table halls: 3 rows"), all);
        assertTrue(lines.contains("Table screenings: 5 rows"), all);
        assertTrue(lines.contains("Table tickets: 4 rows"), all);
        assertTrue(all.contains("skipped PROCEDURE refund_all"), all);
        assertTrue(all.contains("skipped TRIGGER ticket_sold"), all);
        assertTrue(all.contains("skipped view busy_halls"), all);
        assertTrue(all.contains("LOCK/UNLOCK TABLES"), all);
        assertTrue(all.contains("SET statements"), all);
        assertTrue(all.contains("screenings: FULLTEXT index ft_title dropped"), all);
        assertTrue(all.contains("tickets: index name created as tickets_name"), all);
        assertTrue(all.contains("screenings: index name created as screenings_name"), all);
        assertTrue(all.contains("halls.features: SET('3d', 'imax', 'dolby') stored as VARCHAR"), all);
        assertTrue(all.contains("screenings: 1 zero dates"), all);
        assertTrue(all.contains("tickets: 1 zero dates"), all);
        assertTrue(all.contains("foreign key added after all data"), all);
        assertTrue(all.contains("halls: table options dropped: ENGINE"), all);
        assertTrue(all.contains("version comments"), all);

        try (Sandbox sb = Sandbox.open(Dataset.parse("cinema", r.script(), "cinema.sql"), null, GuardPolicy.READ_ONLY,
                SandboxLimits.DEFAULT)) {
            var rows = sb.run("SELECT title, rating, starts_at FROM screenings ORDER BY id").lastQuery().orElseThrow().rows();
            assertEquals("It's a \"Wonderful\" Life", rows.get(0).get(0));
            assertEquals("Back\\slash; and semicolon", rows.get(1).get(0));
            assertEquals(null, rows.get(1).get(2));
            assertEquals("Line\nbreak", rows.get(2).get(0));
            assertEquals("Émigré – ünïcode 电影", rows.get(4).get(0));
            assertEquals("Bamboo; the small one", sb.run("SELECT name FROM halls WHERE id = 2").lastQuery().orElseThrow().rows().get(0).get(0));
            assertFalse(sb.run("INSERT INTO tickets VALUES (99, 'Z9', NULL, 1)").ok());
        }
    }

    @Test
    void commandWritesTheDatasetIntoTheFolder(@TempDir Path dir) throws Exception {
        Path dumpFile = dir.resolve("cinema-dump.sql");
        Files.writeString(dumpFile, dump());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DatasetCommand.run(List.of("import", dumpFile.toString(), "cinema", "--into", dir.resolve("datasets").toString()),
                List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(dir.resolve("datasets/cinema.sql")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Table tickets: 4 rows"));
    }

    @Test
    void corruptDumpIsAClearErrorNotACrash(@TempDir Path dir) throws Exception {
        ImportReport r = MysqlDumpImporter.convert("CREATE TABLE `x` (`a` int,\nINSERT INTO x VALUES (1);", "x");
        assertFalse(r.ok());
        ImportReport none = MysqlDumpImporter.convert("hello world", "x");
        assertFalse(none.ok());
        assertEquals(2, DatasetCommand.run(List.of("import", "a.sql", "Bad Name"), List.of(dir),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
        assertEquals(1, DatasetCommand.run(List.of("import", dir.resolve("missing.sql").toString(), "x"), List.of(dir),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
    }
}
