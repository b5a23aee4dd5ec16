package campus.progress.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.LearningEvent;
import campus.progress.store.ProgressStore;
import campus.progress.sync.protocol.WireEvent;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTrackerTest {

    @TempDir
    Path data;

    @Test
    void followsTheStoreOwnEventsAndThoseOfOtherDevices() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        LinkedBlockingQueue<ProgressSnapshot> seen = new LinkedBlockingQueue<>();
        try (ProgressStore store = ProgressStore.open(data)) {
            for (int i = 0; i < 5_500; i++) {   // more than one page of 5,000
                store.record(LearningEvent.now(LearningEvent.LESSON_OPENED, "sql/01-tables", Map.of()));
            }
            store.flush();
            ProgressTracker.follow(store, ZoneId.of("UTC"), worker, seen::add);
            ProgressSnapshot first = seen.poll(20, TimeUnit.SECONDS);
            assertEquals(5_500, first.events());
            assertTrue(first.lessonOpened("sql", "01-tables"));

            store.record(LearningEvent.now(LearningEvent.LAB_ATTEMPT, "first-select", Map.of("passed", true, "score", 10)));
            ProgressSnapshot next = seen.poll(20, TimeUnit.SECONDS);
            assertEquals(10, next.lab("first-select").orElseThrow().bestScore());

            long far = System.currentTimeMillis() + 60_000;
            store.storeReceived("https://s", List.of(new WireEvent("other-1", "other-device", 1, far, 0,
                    LearningEvent.PREFERENCE_CHANGED, "language", "2026-12-05T02:00:00Z",
                    JsonParser.parseString("{\"value\":\"zh\"}").getAsJsonObject(), "ada")), Map.of("other-device", 1L));
            assertEquals("zh", seen.poll(20, TimeUnit.SECONDS).preference("language").orElseThrow());

            // Set here after seeing the other device's later stamp: the clock moved past it, so this one wins.
            store.record(LearningEvent.now(LearningEvent.PREFERENCE_CHANGED, "language", Map.of("value", "en")));
            assertEquals("en", seen.poll(20, TimeUnit.SECONDS).preference("language").orElseThrow());
        } finally {
            worker.shutdownNow();
        }
    }
}
