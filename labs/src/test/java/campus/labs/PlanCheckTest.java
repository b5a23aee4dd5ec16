package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.i18n.Text;
import campus.labs.check.CheckOptions;
import campus.labs.check.PlanCheck;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.SandboxLimits;
import campus.progress.LearningEventSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labs checked by their plan as well as their rows: how H2's EXPLAIN is read, and what the learner is told. */
class PlanCheckTest {

    private static final String DAY = "SELECT COUNT(*) FROM trips WHERE started_at >= TIMESTAMP '2024-03-15 00:00:00' "
            + "AND started_at < TIMESTAMP '2024-03-16 00:00:00'";
    private static final String DAY_CAST = "SELECT COUNT(*) FROM trips WHERE CAST(started_at AS DATE) = DATE '2024-03-15'";

    private static Lab lab(String id, CheckKind kind, CheckOptions options, String solution) {
        return new Lab(id, Text.same("t"), Text.same("t"), "bikeshare", 5000, kind, options, 10, List.of(),
                RevealRule.DEFAULT, "", solution, "c", "l", Path.of(id + ".json"));
    }

    @Test
    void h2PlansAreReadTableByTable() {
        PlanCheck p = new PlanCheck(null, List.of("trips", "customers", "orders"));
        assertEquals(List.of(), p.problems("SELECT COUNT(*) FROM \"lab\".\"trips\"\n    /* lab.trips_started_at: started_at >= "
                + "TIMESTAMP '2024-03-15 00:00:00'\n        AND started_at < TIMESTAMP '2024-03-16 00:00:00'\n     */\nWHERE 1"));
        assertEquals(List.of(Msg.of("labs.check.planFullScan", "trips", "/* lab.trips.tableScan */")),
                p.problems("SELECT \"id\" FROM \"lab\".\"trips\"\n    /* lab.trips.tableScan */\nWHERE (\"rider_id\" = 5)"));
        // an index walked from the start without a condition reads every row too (OFFSET skipping, a CAST on the column)
        assertEquals(List.of(Msg.of("labs.check.planFullScan", "orders", "/* lab.PRIMARY_KEY_C */")),
                p.problems("FROM \"lab\".\"orders\"\n    /* lab.PRIMARY_KEY_C */\nORDER BY 1\nOFFSET 5000 ROWS"));
        // a join: each table with its alias; only the tables the lab names count
        String join = "FROM \"lab\".\"customers\" \"c\"\n    /* lab.PRIMARY_KEY_6 */\n    /* WHERE c.country = 'SE'\n    */\n"
                + "INNER JOIN \"lab\".\"orders\" \"o\"\n    /* lab.CONSTRAINT_INDEX_C: customer_id = c.id */\n    ON 1=1";
        assertEquals(List.of(Msg.of("labs.check.planFullScan", "customers", "/* lab.PRIMARY_KEY_6 */")), p.problems(join));
        assertEquals(List.of(), new PlanCheck(null, List.of("orders")).problems(join));
        assertEquals("The rows are right, but the plan still reads all of table trips (EXPLAIN shows /* lab.trips.tableScan */): "
                + "let an index narrow it down.", Msg.of("labs.check.planFullScan", "trips", "/* lab.trips.tableScan */").in(Lang.EN));
        assertEquals("结果没错，但执行计划仍然把表 trips 整张读了一遍（EXPLAIN 显示 /* lab.trips.tableScan */）：请让索引帮它缩小范围。",
                Msg.of("labs.check.planFullScan", "trips", "/* lab.trips.tableScan */").in(Lang.ZH));
    }

    @Test
    void aResultLabPassesOnlyWhenTheLearnersQueryUsesAnIndex() throws Exception {
        CheckOptions opts = new CheckOptions(false, false, null, List.of(), List.of(), new PlanCheck(null, List.of("trips")));
        try (LabSession s = LabSession.open(lab("day", CheckKind.RESULT, opts, DAY), DatasetLibrary.bundled(),
                SandboxLimits.DEFAULT, LearningEventSink.NONE)) {
            Verdict wrongPlan = s.check(DAY_CAST);
            assertFalse(wrongPlan.passed());
            assertEquals(List.of(Msg.of("labs.check.planFullScan", "trips", "/* lab.trips_started_at */")), wrongPlan.messages());
            Verdict wrongRows = s.check(DAY.replace("16 00", "17 00"));
            assertFalse(wrongRows.passed());
            assertFalse(wrongRows.messages().stream().anyMatch(m -> m.key().startsWith("labs.check.plan")), "rows first");
            assertTrue(s.check(DAY).passed());
            assertTrue(s.check("SELECT 1; " + DAY.replace("COUNT(*)", "COUNT(id)")).passed(), "the last query's plan");
        }
    }

    @Test
    void aStateLabChecksThePlanOfItsOwnQueryAfterTheLearnersStatements() throws Exception {
        String probe = "SELECT COUNT(*) FROM trips WHERE duration_s = 600";
        CheckOptions opts = new CheckOptions(false, false, null, List.of(), List.of(probe), new PlanCheck(probe, List.of("trips")));
        try (LabSession s = LabSession.open(lab("dur", CheckKind.STATE, opts, "CREATE INDEX trips_duration ON trips (duration_s);"),
                DatasetLibrary.bundled(), SandboxLimits.DEFAULT, LearningEventSink.NONE)) {
            Verdict none = s.check("SELECT 1");
            assertFalse(none.passed());
            assertEquals(List.of(Msg.of("labs.check.planFullScan", "trips", "/* lab.trips.tableScan */")), none.messages());
            assertTrue(s.check("CREATE INDEX my_index ON trips (duration_s, fare)").passed());
            assertFalse(s.check("SELECT 1").passed(), "the learner's index went with the reset");
        }
    }

    @Test
    void aBadPlanOptionIsReported(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.json");
        Files.writeString(dir.resolve("p.sql"), "SELECT 1;");
        Files.writeString(f, "{\"id\": \"p\", \"title\": {\"en\": \"t\", \"zh\": \"t\"}, \"task\": {\"en\": \"t\", \"zh\": \"t\"},\n"
                + "\"dataset\": \"bikeshare\", \"check\": \"state\",\n"
                + "\"options\": {\"queries\": [\"SELECT 1\"],\n \"plan\": {\"noFullScan\": [], \"tables\": 1}}}");
        List<Problem> problems = new ArrayList<>();
        Optional<Lab> lab = LabReader.read(f, "c", "l", problems);
        assertTrue(lab.isEmpty());
        assertEquals(List.of(
                "A \"state\" lab with options.plan needs options.plan.query: the query whose plan is checked.",
                "Unknown field options.plan.tables.",
                "options.plan needs noFullScan: the tables the plan may not read in full."),
                problems.stream().map(p -> p.message().in(Lang.EN)).sorted().toList());
    }
}
