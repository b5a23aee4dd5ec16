package campus.progress.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.progress.LearningEvent;
import campus.progress.sync.protocol.WireEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {

    @TempDir
    Path data;

    private static LearningEvent lab(String id, boolean passed) {
        return LearningEvent.now(LearningEvent.LAB_ATTEMPT, id, Map.of("passed", passed, "score", passed ? 10 : 0));
    }

    @Test
    void ownEventsGetContiguousSequenceNumbersAndSurviveAReopen() {
        String device;
        try (ProgressStore s = ProgressStore.open(data)) {
            device = s.deviceId();
            for (int i = 0; i < 25; i++) {
                s.record(lab("lab-" + i, i % 2 == 0));
            }
            s.flush();
            assertEquals(25, s.count());
        }
        assertTrue(Files.isRegularFile(data.resolve("progress/store.mv.db")));
        try (ProgressStore s = ProgressStore.open(data)) {
            assertEquals(device, s.deviceId(), "the device id is fixed for the life of the store");
            s.record(lab("after-reopen", true));
            s.flush();
            List<WireEvent> own = s.ownEventsAfter(0, 1000);
            assertEquals(26, own.size());
            for (int i = 0; i < own.size(); i++) {
                assertEquals(i + 1, own.get(i).seq());
                assertEquals(device, own.get(i).device());
            }
            assertEquals("after-reopen", own.get(25).subject());
            assertEquals(List.of(11L, 12L), s.ownEventsAfter(10, 2).stream().map(WireEvent::seq).toList());
            for (int i = 1; i < own.size(); i++) {
                WireEvent a = own.get(i - 1);
                WireEvent b = own.get(i);
                assertTrue(b.hlcMs() > a.hlcMs() || (b.hlcMs() == a.hlcMs() && b.hlcCount() > a.hlcCount()),
                        "hybrid-logical stamps increase: " + a + " then " + b);
            }
        }
    }

    @Test
    void anEventIsStoredOnceByIdAndItsPayloadKeptVerbatim() {
        UUID id = UUID.randomUUID();
        LearningEvent e = new LearningEvent(id, LearningEvent.EXAM_RESULT, "pcta-practice", Instant.parse("2026-01-02T03:04:05Z"),
                Map.of("score", 16.5, "passed", true, "mode", "practice \"quoted\" 中文"));
        try (ProgressStore s = ProgressStore.open(data)) {
            s.record(e);
            s.record(e);
            s.flush();
            List<StoredEvent> all = s.eventsAfter(0, 10);
            assertEquals(1, all.size());
            StoredEvent st = all.get(0);
            assertEquals(id.toString(), st.id());
            assertEquals("2026-01-02T03:04:05Z", st.occurredAt());
            assertEquals("{\"mode\":\"practice \\\"quoted\\\" 中文\",\"passed\":true,\"score\":16.5}", st.data());
        }
    }

    @Test
    void eventsCannotBeChangedOrDeletedEvenThroughSql() throws Exception {
        try (ProgressStore s = ProgressStore.open(data)) {
            s.record(lab("first-select", false));
            s.flush();
        }
        String url = "jdbc:h2:file:" + data.resolve("progress/store").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "campus", ""); Statement st = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> st.executeUpdate("UPDATE events SET data = '{\"passed\":true}'"));
            assertTrue(update.getMessage().contains("learning events are append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM events"));
            try (var rs = st.executeQuery("SELECT data FROM events")) {
                rs.next();
                assertEquals("{\"passed\":false,\"score\":0}", rs.getString(1));
            }
        }
    }

    @Test
    void theEventFileOfTheEarlierVersionMovesInWithNothingLost() throws Exception {
        Path legacy = data.resolve("events.jsonl");
        Files.createDirectories(data);
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("events-0.1.jsonl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(legacy, text);
            lines = text.lines().toList();
        }
        try (ProgressStore s = ProgressStore.open(data)) {
            assertEquals(List.of("Moved 11 events from " + legacy + " into the progress store; the old file is kept as "
                    + data.resolve("events.jsonl.migrated") + "."), s.notices().stream().map(m -> m.in(Lang.EN)).toList());
            List<StoredEvent> all = s.eventsAfter(0, 100);
            assertEquals(lines.size(), all.size());
            for (int i = 0; i < lines.size(); i++) {
                JsonObject line = JsonParser.parseString(lines.get(i)).getAsJsonObject();
                StoredEvent e = all.get(i);
                assertEquals(line.get("id").getAsString(), e.id());
                assertEquals(line.get("kind").getAsString(), e.kind());
                assertEquals(line.get("subject").getAsString(), e.subject());
                assertEquals(line.get("occurredAt").getAsString(), e.occurredAt());
                assertEquals(line.getAsJsonObject("data"), e.dataJson());
                assertEquals(i + 1, e.seq());
                assertEquals(s.deviceId(), e.device());
                assertTrue(e.hlcMs() >= Instant.parse(e.occurredAt()).toEpochMilli());
            }
            s.record(lab("first-select", true));
            s.flush();
            assertEquals(12, s.ownEventsAfter(11, 10).get(0).seq(), "new events continue the sequence");
        }
        assertFalse(Files.exists(legacy));
        assertEquals(lines, Files.readAllLines(data.resolve("events.jsonl.migrated")), "the old file is kept as it was");
        try (ProgressStore s = ProgressStore.open(data)) {
            assertEquals(List.of(), s.notices(), "moved once");
            assertEquals(12, s.count());
        }
    }

    @Test
    void aMigrationRepeatedAfterACrashAddsNothingTwiceAndUnreadableLinesAreKept() throws Exception {
        Files.createDirectories(data);
        String id = UUID.randomUUID().toString();
        String good = "{\"id\":\"" + id + "\",\"kind\":\"lab.attempt\",\"subject\":\"first-select\","
                + "\"occurredAt\":\"2026-12-01T10:00:00Z\",\"data\":{\"passed\":true,\"score\":10}}";
        Files.writeString(data.resolve("events.jsonl"), good + "\n{\"id\": broken\n" + good + "\n");
        try (ProgressStore s = ProgressStore.open(data)) {
            assertEquals(List.of(
                    "Moved 1 events from " + data.resolve("events.jsonl") + " into the progress store; the old file is kept as "
                            + data.resolve("events.jsonl.migrated") + ".",
                    "1 lines of the old event file could not be read; they are kept in " + data.resolve("events.jsonl.migrated") + "."),
                    s.notices().stream().map(m -> m.in(Lang.EN)).toList());
        }
        // As if the app had died after storing the events but before renaming the file.
        Files.writeString(data.resolve("events.jsonl"), good + "\n");
        try (ProgressStore s = ProgressStore.open(data)) {
            assertEquals("已将 " + data.resolve("events.jsonl") + " 中的 0 个事件移入进度库；旧文件保留为 "
                    + data.resolve("events.jsonl.migrated.2") + "。", s.notices().get(0).in(Lang.ZH));
            assertEquals(1, s.count());
        }
    }

    @Test
    void aDamagedStoreIsKeptAsABackupAndAFreshOneStarts() throws Exception {
        String oldDevice;
        try (ProgressStore s = ProgressStore.open(data)) {
            oldDevice = s.deviceId();
            s.record(lab("first-select", true));
            s.flush();
        }
        Path file = data.resolve("progress/store.mv.db");
        byte[] original = Files.readAllBytes(file);
        byte[] damaged = original.clone();
        for (int i = 0; i < damaged.length; i += 7) {
            damaged[i] = (byte) (damaged[i] ^ 0x5a);
        }
        Files.write(file, damaged);
        try (ProgressStore s = ProgressStore.open(data)) {
            List<Path> backups;
            try (Stream<Path> l = Files.list(data.resolve("progress"))) {
                backups = l.filter(p -> p.getFileName().toString().startsWith("store-damaged-")).collect(Collectors.toList());
            }
            assertEquals(1, backups.size(), "one backup");
            assertEquals(List.of(damaged.length), List.of(Files.readAllBytes(backups.get(0)).length));
            assertTrue(java.util.Arrays.equals(damaged, Files.readAllBytes(backups.get(0))), "the backup is the damaged file as it was");
            assertEquals(1, s.notices().size());
            Msg m = s.notices().get(0);
            assertEquals("progress.store.damaged", m.key());
            assertEquals(backups.get(0).toString(), m.args().get(0));
            assertTrue(m.in(Lang.EN).startsWith("Your progress store could not be read ("), m.in(Lang.EN));
            assertTrue(m.in(Lang.EN).endsWith("). It is kept as " + backups.get(0) + ", and Campus started a new, empty one. "
                    + "Signed in to a progress server, your progress comes back with the next sync."), m.in(Lang.EN));
            assertTrue(m.in(Lang.ZH).startsWith("无法读取你的进度库（"), m.in(Lang.ZH));
            assertEquals(0, s.count());
            assertFalse(oldDevice.equals(s.deviceId()), "a restored store is a new device");
            s.record(lab("first-select", true));
            s.flush();
            assertEquals(1, s.ownEventsAfter(0, 10).get(0).seq());
        }
    }

    @Test
    void aFileThatIsNotAStoreAtAllIsKeptAsWell() throws Exception {
        Files.createDirectories(data.resolve("progress"));
        Files.writeString(data.resolve("progress/store.mv.db"), "this is not a database\n");
        try (ProgressStore s = ProgressStore.open(data)) {
            assertEquals("progress.store.damaged", s.notices().get(0).key());
            assertEquals("this is not a database\n", Files.readString(Path.of((String) s.notices().get(0).args().get(0))));
        }
    }

    @Test
    void aStoreThatCannotBeOpenedSaysWhy() throws Exception {
        Files.writeString(data.resolve("progress"), "a file where the folder should be");
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> ProgressStore.open(data));
        assertEquals("progress.store.unavailable", e.msg().key());
        assertTrue(e.msg().in(Lang.EN).startsWith("The progress store " + data.resolve("progress/store.mv.db") + " cannot be opened: "),
                e.msg().in(Lang.EN));
    }

    @Test
    void whileTheStoreCannotBeOpenedEventsAreKeptAndMovedInLater() throws Exception {
        Files.writeString(data.resolve("progress"), "a file where the folder should be");
        LearningEvent e = lab("first-select", true);
        try (ProgressStore s = ProgressStore.openInBackground(data)) {
            assertTrue(s.ready().handle((ok, error) -> error != null).join());
            s.record(e);
            s.flush();
        }
        assertEquals(1, Files.readAllLines(data.resolve("events.jsonl")).size());
        Files.delete(data.resolve("progress"));
        try (ProgressStore s = ProgressStore.open(data)) {
            List<StoredEvent> all = s.eventsAfter(0, 10);
            assertEquals(List.of(e.id().toString()), all.stream().map(StoredEvent::id).toList());
            assertEquals("{\"passed\":true,\"score\":10}", all.get(0).data());
        }
    }

    @Test
    void compactingKeepsEveryEventAndTheDevice() throws Exception {
        try (ProgressStore s = ProgressStore.open(data)) {
            for (int i = 0; i < 40; i++) {
                s.record(lab("l" + i, i % 3 == 0));
            }
            s.flush();
            String device = s.deviceId();
            List<StoredEvent> before = s.eventsAfter(0, 100);
            s.compact();
            assertEquals(before, s.eventsAfter(0, 100));
            assertEquals(device, s.deviceId());
            s.record(lab("after", true));
            s.flush();
            assertEquals(41, s.ownEventsAfter(40, 10).get(0).seq());
        }
    }

    @Test
    void recordingRunsOnTheStoresThreadAndTellsListeners() {
        AtomicReference<String> thread = new AtomicReference<>();
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger stored = new AtomicInteger();
        try (ProgressStore s = ProgressStore.deferred(data)) {
            s.onRecorded(() -> {
                thread.set(Thread.currentThread().getName());
                recorded.incrementAndGet();
            });
            s.onStored(stored::incrementAndGet);
            s.record(lab("before-open", false));  // taken before the file opens, stored after
            assertFalse(s.ready().isDone());
            s.startOpening();
            s.record(lab("after-open", true));
            s.flush();
            assertEquals("campus-progress", thread.get());
            assertEquals(2, recorded.get());
            assertEquals(List.of("before-open", "after-open"), s.eventsAfter(0, 10).stream().map(StoredEvent::subject).toList());
            s.storeReceived("https://s", List.of(wire("e1", "other", 1, 5, 0, "lab.attempt")), Map.of("other", 1L));
            assertEquals(2, recorded.get(), "received events are not recorded ones");
            assertEquals(3, stored.get());
        }
    }

    static WireEvent wire(String id, String device, long seq, long hlcMs, int hlcCount, String kind) {
        JsonObject d = JsonParser.parseString("{\"passed\":true,\"score\":10,\"future\":{\"x\":[1,2]}}").getAsJsonObject();
        return new WireEvent(id, device, seq, hlcMs, hlcCount, kind, "first-select", "2026-12-04T17:00:00Z", d, "ada");
    }

    @Test
    void syncBookkeepingForTheSyncClient() {
        try (ProgressStore s = ProgressStore.open(data)) {
            for (int i = 0; i < 7; i++) {
                s.record(lab("l" + i, true));
            }
            s.flush();
            String server = "https://progress.example:8443";
            assertEquals(0, s.ackedSeq(server));
            assertEquals(7, s.queued(server));
            s.saveAcked(server, 5);
            s.saveAcked(server, 3);
            assertEquals(5, s.ackedSeq(server), "an acknowledgement never moves backwards");
            assertEquals(2, s.queued(server));
            assertEquals(0, s.ackedSeq("https://other"), "per server");
            assertEquals(Map.of(), s.pullCursor(server));

            List<WireEvent> page = new ArrayList<>();
            page.add(wire("a1", "dev-a", 1, 1000, 0, "lab.attempt"));
            page.add(wire("a2", "dev-a", 2, 1001, 0, "kind.from-a-newer-client"));
            page.add(s.ownEventsAfter(0, 1).get(0));   // the server answers this device's own events too
            assertEquals(2, s.storeReceived(server, page, Map.of("dev-a", 2L, s.deviceId(), 1L)));
            assertEquals(0, s.storeReceived(server, page, Map.of("dev-a", 2L)), "idempotent by event id");
            assertEquals(Map.of("dev-a", 2L, s.deviceId(), 1L), s.pullCursor(server));
            s.storeReceived(server, List.of(), Map.of("dev-a", 1L));
            assertEquals(2L, s.pullCursor(server).get("dev-a"), "the cursor never moves backwards");

            StoredEvent unknown = s.eventsAfter(0, 100).stream().filter(e -> e.id().equals("a2")).findFirst().orElseThrow();
            assertEquals("kind.from-a-newer-client", unknown.kind(), "an unknown kind is kept");
            assertEquals("{\"passed\":true,\"score\":10,\"future\":{\"x\":[1,2]}}", unknown.data());
            assertEquals("ada", unknown.learner());

            s.record(lab("after-pull", true));
            s.flush();
            WireEvent last = s.ownEventsAfter(7, 1).get(0);
            assertEquals(8, last.seq(), "received events do not take this device's numbers");
            assertTrue(last.hlcMs() >= 1001, "the clock moved past what it saw");
        }
    }

    @Test
    void theClockNeverGoesBackAndTiesCount() {
        long[] now = {1000};
        Hlc h = new Hlc(() -> now[0]);
        assertEquals(new Hlc.Stamp(1000, 0), h.next());
        assertEquals(new Hlc.Stamp(1000, 1), h.next());
        now[0] = 900;   // the wall clock was set back
        assertEquals(new Hlc.Stamp(1000, 2), h.next());
        h.observe(5000, 3);   // another device is ahead
        assertEquals(new Hlc.Stamp(5000, 4), h.next());
        now[0] = 6000;
        assertEquals(new Hlc.Stamp(6000, 0), h.next());
    }
}
