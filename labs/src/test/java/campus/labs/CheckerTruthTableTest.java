package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.labs.sandbox.SandboxLimits;
import campus.progress.LearningEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Equivalent formulations pass; near misses fail with the message that explains them. */
class CheckerTruthTableTest {

    private static final List<LearningEvent> EVENTS = new ArrayList<>();
    private static LabSession perDistrict;
    private static LabSession topStations;
    private static LabSession averageFare;

    @BeforeAll
    static void open() throws Exception {
        LabCatalog c = TestContent.catalog();
        perDistrict = LabSession.open(c.find("bike-trips-per-district").orElseThrow(), c.datasets(), SandboxLimits.DEFAULT, EVENTS::add);
        topStations = LabSession.open(c.find("bike-top-stations").orElseThrow(), c.datasets(), SandboxLimits.DEFAULT, EVENTS::add);
        averageFare = LabSession.open(c.find("bike-average-fare").orElseThrow(), c.datasets(), SandboxLimits.DEFAULT, EVENTS::add);
    }

    @AfterAll
    static void close() {
        perDistrict.close();
        topStations.close();
        averageFare.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT s.district, COUNT(*) FROM trips t JOIN stations s ON s.id = t.start_station GROUP BY s.district",
        "SELECT district, (SELECT COUNT(*) FROM trips t WHERE t.start_station IN (SELECT id FROM stations s2 WHERE s2.district = s.district)) AS n FROM (SELECT DISTINCT district FROM stations) s",
        "SELECT st.district AS d, COUNT(tr.id) AS how_many FROM stations st, trips tr WHERE tr.start_station = st.id GROUP BY st.district ORDER BY how_many",
        "select S.DISTRICT, count(*) from TRIPS T inner join STATIONS S on T.START_STATION = S.ID group by 1 order by 1 desc",
        "SELECT 1; SELECT s.district, CAST(COUNT(*) AS DECIMAL(10, 2)) FROM trips t JOIN stations s ON s.id = t.start_station GROUP BY s.district",
    })
    void equivalentFormulationsPass(String sql) {
        Verdict v = perDistrict.check(sql);
        assertTrue(v.passed(), sql + " -> " + v.messages().stream().map(m -> m.in(Lang.EN)).toList());
        assertEquals(10, v.score());
        assertEquals("Correct!", v.messages().get(0).in(Lang.EN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // wrong filter: one district too few
        "SELECT s.district, COUNT(*) FROM trips t JOIN stations s ON s.id = t.start_station WHERE s.district <> 'Riverside' GROUP BY s.district"
            + "|Expected 5 rows, got 4.",
        // off-by-one station filter changes a count
        "SELECT s.district, COUNT(*) FROM trips t JOIN stations s ON s.id = t.start_station WHERE t.start_station > 1 GROUP BY s.district"
            + "|column 2 (trips): expected",
        "SELECT s.district FROM trips t JOIN stations s ON s.id = t.start_station GROUP BY s.district|Expected 2 columns, got 1.",
        "SELECT s.district, CAST(COUNT(*) AS VARCHAR) FROM trips t JOIN stations s ON s.id = t.start_station GROUP BY s.district"
            + "|(NUMBER), got '",
        "SELECT s.district, COUNT(*) FROM trips t JOIN stations s ON s.id = t.end_station GROUP BY s.district|column 2 (trips): expected",
        "UPDATE trips SET fare = 0|This lab only reads data: UPDATE",
        "SELECT district, COUNT(*) FROM trips GROUP BY district|Line 1, column",
        "INSERT INTO stations VALUES (99, 'x', 'y', 1, DATE '2020-01-01')|This lab only reads data: INSERT",
    })
    void nearMissesFailWithTheRightMessage(String sql, String expected) {
        Verdict v = perDistrict.check(sql);
        assertFalse(v.passed(), sql);
        assertEquals(0, v.score());
        String all = String.join("\n", v.messages().stream().map(m -> m.in(Lang.EN)).toList());
        assertTrue(all.contains(expected), all);
        assertFalse(v.messages().get(0).in(Lang.ZH).isBlank());
    }

    @Test
    void missingDistinctIsNamed() {
        Verdict v = perDistrict.check("SELECT s.district, COUNT(*) OVER (PARTITION BY s.district) FROM trips t"
                + " JOIN stations s ON s.id = t.start_station");
        assertFalse(v.passed());
        assertTrue(v.messages().get(0).in(Lang.EN).startsWith("Expected 5 rows, got 10,000."), v.messages().toString());
        assertEquals("Your result has duplicate rows where none are expected: did you forget DISTINCT?", v.messages().get(1).in(Lang.EN));
    }

    @Test
    void orderMattersWhenTheLabSaysSo() {
        String right = "SELECT s.id, s.name, COUNT(*) AS trips FROM stations s JOIN trips t ON t.start_station = s.id"
                + " GROUP BY s.id, s.name ORDER BY trips DESC, s.id LIMIT 5";
        assertTrue(topStations.check(right).passed());
        Verdict wrongOrder = topStations.check("SELECT * FROM (" + right + ") x ORDER BY id");
        assertFalse(wrongOrder.passed());
        assertTrue(wrongOrder.messages().get(0).in(Lang.EN).startsWith("The rows are right but in the wrong order: row 1 should be"),
                wrongOrder.messages().get(0).in(Lang.EN));
        Verdict noOrder = topStations.check(right.replace("ORDER BY trips DESC, s.id LIMIT 5", "ORDER BY s.id LIMIT 5"));
        assertFalse(noOrder.passed());
    }

    @Test
    void columnNamesMatterWhenTheLabSaysSo() {
        Verdict v = topStations.check("SELECT s.id, s.name, COUNT(*) AS n FROM stations s JOIN trips t ON t.start_station = s.id"
                + " GROUP BY s.id, s.name ORDER BY n DESC, s.id LIMIT 5");
        assertEquals("Column 3 should be named trips, got n.", v.messages().get(0).in(Lang.EN));
    }

    @Test
    void numbersWithinTolerancePass() {
        assertTrue(averageFare.check("SELECT b.model, ROUND(AVG(t.fare), 2) + 0.0009 FROM trips t JOIN bikes b"
                + " ON b.id = t.bike_id GROUP BY b.model").passed());
        assertTrue(averageFare.check("SELECT b.model, CAST(ROUND(AVG(t.fare), 2) AS DOUBLE) FROM trips t JOIN bikes b"
                + " ON b.id = t.bike_id GROUP BY b.model").passed());
        assertFalse(averageFare.check("SELECT b.model, ROUND(AVG(t.fare), 2) + 0.0011 FROM trips t JOIN bikes b"
                + " ON b.id = t.bike_id GROUP BY b.model").passed());
    }

    @Test
    void wrongRoundingIsOutsideTheTolerance() {
        Verdict v = averageFare.check("SELECT b.model, ROUND(AVG(t.fare), 1) FROM trips t JOIN bikes b ON b.id = t.bike_id GROUP BY b.model");
        assertFalse(v.passed());
        assertTrue(v.messages().get(0).in(Lang.EN).contains("more than 0.001 apart"), v.messages().get(0).in(Lang.EN));
    }

    @Test
    void nullsAreValuesToo() {
        LabSession s = perDistrict;
        Verdict v = s.check("SELECT s.district, CASE WHEN s.district = 'Riverside' THEN NULL ELSE COUNT(*) END"
                + " FROM trips t JOIN stations s ON s.id = t.start_station GROUP BY s.district");
        assertFalse(v.passed());
        assertTrue(v.messages().get(0).in(Lang.EN).contains("got NULL"), v.messages().get(0).in(Lang.EN));
    }

    @Test
    void everyAttemptIsAnEvent() {
        int before = EVENTS.size();
        perDistrict.check("SELECT 1");
        LearningEvent e = EVENTS.get(before);
        assertEquals(LearningEvent.LAB_ATTEMPT, e.kind());
        assertEquals("bike-trips-per-district", e.subject());
        assertEquals(false, e.data().get("passed"));
        assertEquals(0, e.data().get("score"));
        assertEquals("SELECT 1", e.data().get("sql"));
        assertTrue(((Long) e.data().get("durationMs")) >= 0);
    }
}
