package campus.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.store.ProgressStore;
import campus.progress.store.StoredEvent;
import campus.server.testing.ClientProcess;
import campus.server.testing.FaultProxy;
import campus.server.testing.ServerView;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sync client with the app's own progress store (H2 files, as on a learner's laptop): seeded rounds through
 * the faulty proxy with devices converging, and a device process killed with SIGKILL mid-upload whose store is
 * opened again. A failure names its seed ({@code -Dcampus.fault.seed=S}).
 */
class ProgressStoreSyncTest {

    static final String PASSWORD = "ana's long password";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void devicesWithProgressStoresConvergeThroughAFaultyNetwork(String kind) throws Exception {
        long seed = Long.getLong("campus.fault.seed", System.nanoTime());
        int rounds = Integer.getInteger("campus.fault.storeRounds", 20);
        Random random = new Random(seed);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<ProgressStore> stores = new ArrayList<>();
        try (TestDatabase db = TestDatabase.create(kind); TestServer server = TestServer.start(db);
             FaultProxy proxy = FaultProxy.seeded(server.server().port(), random.nextLong(), SyncFaultTest.NETWORK)) {
            String token = server.client().newAccount(server.adminToken(), "learner", "ana", PASSWORD).token();
            String via = "http://127.0.0.1:" + proxy.port();
            for (int d = 0; d < 3; d++) {
                stores.add(ProgressStore.open(tmp.resolve("device" + d)));
            }
            for (int round = 0; round < rounds; round++) {
                String context = "seed " + seed + ", round " + round;
                List<Future<?>> running = new ArrayList<>();
                for (ProgressStore store : stores) {
                    if (random.nextInt(3) == 0) {
                        continue;
                    }
                    int n = random.nextInt(15) == 0 ? 450 + random.nextInt(200) : random.nextInt(25);
                    running.add(threads.submit(() -> {
                        for (int i = 0; i < n; i++) {
                            store.recordNow("lab.attempt", "lab-" + (i % 11), Map.of("score", i % 101));
                        }
                        store.flush();
                        SyncFaultTest.syncUntilDone(via, token, store, attempts, context);
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                for (ProgressStore s : stores) {
                    SyncFaultTest.syncUntilDone(via, token, s, attempts, context);
                }
                Map<String, String> first = held(stores.get(0));
                for (ProgressStore s : stores) {
                    assertEquals(first, held(s), context + ": device " + s.deviceId() + " has not converged");
                    assertEquals(0, s.queued(via), context);
                }
                assertEquals(first, ServerView.events(server.url(), token), context + ": the server's events");
            }
            long total = stores.get(0).count();
            SyncKillTest.assertStoredOnce(db, total, "seed " + seed);
            System.out.printf("ProgressStoreSyncTest %s: seed %d, %d rounds, %d events, %d sync runs, %d connections%n",
                    kind, seed, rounds, total, attempts.get(), proxy.log().size());
        } finally {
            threads.shutdownNow();
            for (ProgressStore s : stores) {
                s.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void aDeviceKilledMidUploadFinishesFromItsProgressStore(String kind) throws Exception {
        long seed = Long.getLong("campus.fault.seed", System.nanoTime());
        Random random = new Random(seed);
        int events = 3_000;
        try (TestDatabase db = TestDatabase.create(kind); TestServer server = TestServer.start(db);
             FaultProxy proxy = FaultProxy.seeded(server.server().port(), random.nextLong(), Map.of(FaultProxy.Fault.PASS, 4,
                     FaultProxy.Fault.DELAY, 1))) {
            String token = server.client().newAccount(server.adminToken(), "learner", "ana", PASSWORD).token();
            String via = "http://127.0.0.1:" + proxy.port();
            Path dir = tmp.resolve("laptop");
            String device;
            long killedAt;
            try (ClientProcess client = ClientProcess.startWithProgressStore(dir, via, token, events)) {
                device = client.device();
                long threshold = 1 + random.nextInt(events - 600);
                long deadline = System.currentTimeMillis() + 120_000;
                while ((killedAt = SyncKillTest.serverAcked(db, device)) < threshold && client.alive()
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(1);
                }
                client.kill9();
                assertTrue(killedAt < events, "seed " + seed + ": the upload ended before the kill\n" + client.output());
            }
            String context = "seed " + seed + ", killed at server acked " + killedAt;
            try (ProgressStore laptop = ProgressStore.open(dir); ProgressStore phone = ProgressStore.open(tmp.resolve("phone"))) {
                assertEquals(device, laptop.deviceId(), context);
                assertEquals(events, laptop.ownEventsAfter(0, Integer.MAX_VALUE).size(), context);
                assertTrue(laptop.ackedSeq(via) <= SyncKillTest.serverAcked(db, device), context);
                laptop.recordNow("lesson.opened", "sql-first-steps/01", Map.of());
                laptop.flush();
                SyncFaultTest.syncUntilDone(via, token, laptop, new AtomicInteger(), context);
                SyncFaultTest.syncUntilDone(via, token, phone, new AtomicInteger(), context);
                assertEquals(held(laptop), ServerView.events(server.url(), token), context);
                assertEquals(held(laptop), held(phone), context);
                SyncKillTest.assertStoredOnce(db, events + 1, context);
            }
            System.out.println("ProgressStoreSyncTest kill " + kind + ": " + context);
        }
    }

    @org.junit.jupiter.api.Test
    void aDamagedStoreComesBackWholeFromTheServer() throws Exception {
        try (TestDatabase db = TestDatabase.create("h2"); TestServer server = TestServer.start(db)) {
            String token = server.client().newAccount(server.adminToken(), "learner", "ana", PASSWORD).token();
            String url = server.url();
            Path laptop = tmp.resolve("laptop");
            Map<String, String> before;
            String oldDevice;
            try (ProgressStore s = ProgressStore.open(laptop)) {
                oldDevice = s.deviceId();
                for (int i = 0; i < 120; i++) {
                    s.recordNow("lab.attempt", "lab-" + (i % 9), Map.of("score", i % 101, "passed", i % 3 == 0));
                }
                s.flush();
                SyncFaultTest.syncUntilDone(url, token, s, new AtomicInteger(), "first sync");
                before = held(s);
            }
            java.nio.file.Path file = laptop.resolve("progress/store.mv.db");
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            for (int i = 0; i < bytes.length; i += 7) {
                bytes[i] = (byte) (bytes[i] ^ 0x5a);
            }
            java.nio.file.Files.write(file, bytes);
            try (ProgressStore s = ProgressStore.open(laptop)) {
                assertEquals(1, s.notices().size(), "the damage is reported");
                assertEquals("progress.store.damaged", s.notices().get(0).key());
                assertEquals(0, s.count());
                assertTrue(!oldDevice.equals(s.deviceId()), "the new store is a new device");
                SyncFaultTest.syncUntilDone(url, token, s, new AtomicInteger(), "sync after the damage");
                assertEquals(before, held(s), "every event of the damaged store is back");
                assertEquals(0, s.queued(url));
            }
        }
    }

    /** Every event a store holds: id → device#seq. */
    static Map<String, String> held(ProgressStore s) {
        Map<String, String> m = new HashMap<>();
        for (StoredEvent e : s.eventsAfter(0, Integer.MAX_VALUE)) {
            if (m.put(e.id(), e.device() + "#" + e.seq()) != null) {
                throw new AssertionError("event " + e.id() + " held twice");
            }
        }
        return m;
    }
}
