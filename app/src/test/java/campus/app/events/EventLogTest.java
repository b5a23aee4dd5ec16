package campus.app.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.progress.LearningEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

    @TempDir
    Path data;

    @Test
    void eventsAreAppendedAsOneJsonLineEach() throws Exception {
        UUID id = UUID.randomUUID();
        EventLog log = EventLog.in(data.resolve("new-folder"));
        log.record(new LearningEvent(id, LearningEvent.LAB_ATTEMPT, "first-select", Instant.parse("2025-01-02T03:04:05Z"),
                Map.of("passed", true, "score", 10, "sql", "SELECT 1;\n-- \"quoted\"")));
        log.record(LearningEvent.now(LearningEvent.LAB_SOLUTION_REVEALED, "first-select", Map.of()));
        log.close();
        List<String> lines = Files.readAllLines(data.resolve("new-folder/events.jsonl"));
        assertEquals(2, lines.size());
        JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals(id.toString(), first.get("id").getAsString());
        assertEquals("lab.attempt", first.get("kind").getAsString());
        assertEquals("first-select", first.get("subject").getAsString());
        assertEquals("2025-01-02T03:04:05Z", first.get("occurredAt").getAsString());
        assertEquals(true, first.getAsJsonObject("data").get("passed").getAsBoolean());
        assertEquals("SELECT 1;\n-- \"quoted\"", first.getAsJsonObject("data").get("sql").getAsString());
    }
}
