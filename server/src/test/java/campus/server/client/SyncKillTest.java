package campus.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.AutoSync;
import campus.progress.sync.SyncState;
import campus.progress.sync.protocol.Accounts.PasswordChange;
import campus.progress.sync.protocol.Protocol;
import campus.server.auth.AdminBootstrap;
import campus.server.testing.ClientProcess;
import campus.server.testing.DeviceStore;
import campus.server.testing.FaultProxy;
import campus.server.testing.HeldEvents;
import campus.server.testing.ServerProcess;
import campus.server.testing.ServerView;
import campus.server.testing.TestClient;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Processes killed with SIGKILL in the middle of a sync. The server: the app's background sync (AutoSync, with its
 * backoff) keeps going through a proxy that follows the restarts. The client: a device process killed mid-upload,
 * whose store is opened again and finishes. After recovery every event is on the server exactly once and the
 * learner's other device converges. Seeded: a failure names its seed ({@code -Dcampus.fault.seed=S}).
 */
class SyncKillTest {

    static final String PASSWORD = "ana's long password";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void theBackgroundSyncFinishesAcrossServerKills(String kind) throws Exception {
        long seed = Long.getLong("campus.fault.seed", System.nanoTime());
        Random random = new Random(seed);
        try (TestDatabase db = TestDatabase.create(kind)) {
            Path data = db.dataDir();
            String[] dbArgs = kind.equals("h2") ? new String[0] : new String[] {"--db", db.url()};
            ServerProcess server = ServerProcess.start(data, dbArgs);
            try (FaultProxy proxy = FaultProxy.passThrough(server.port());
                 DeviceStore laptop = DeviceStore.inMemory(); DeviceStore phone = DeviceStore.inMemory()) {
                TestClient direct = new TestClient(server.url());
                String admin = direct.login(AdminBootstrap.USER, TestServer.oneTimePassword(data.resolve(AdminBootstrap.FILE))).token();
                TestClient.expect(direct.post(Protocol.PASSWORD, admin, new PasswordChange(null, "admin password!")), 204);
                direct.newAccount(admin, "learner", "ana", PASSWORD);
                String via = "http://127.0.0.1:" + proxy.port();

                laptop.recordMany(2_500);
                AtomicInteger offline = new AtomicInteger();
                List<String> kills = new ArrayList<>();
                try (AutoSync sync = new AutoSync(tmp.resolve("laptop"), () -> laptop,
                        new AutoSync.Timing(50, 60_000, 50, 800), Clock.systemUTC())) {
                    sync.addListener(s -> {
                        if (s.phase() == SyncState.Phase.OFFLINE || s.phase() == SyncState.Phase.ERROR) {
                            offline.incrementAndGet();
                        }
                    });
                    sync.start();
                    sync.signIn(via, "ana", PASSWORD).get(60, TimeUnit.SECONDS);
                    for (int k = 0; k < 3; k++) {
                        long threshold = 500L * (k + 1) + random.nextInt(300);
                        long deadline = System.currentTimeMillis() + 120_000;
                        while (laptop.ackedSeq(via) < threshold && System.currentTimeMillis() < deadline) {
                            Thread.sleep(2);
                        }
                        Thread.sleep(random.nextInt(40));
                        kills.add("kill " + (k + 1) + " at acked " + laptop.ackedSeq(via) + " (" + sync.state().phase() + ")");
                        server.kill9();
                        laptop.recordMany(1 + random.nextInt(60)); // the learner goes on working meanwhile
                        server = ServerProcess.start(data, dbArgs);
                        proxy.retarget(server.port());
                    }
                    String context = "seed " + seed + ", " + kills;
                    long deadline = System.currentTimeMillis() + 120_000;
                    while (!(sync.state().phase() == SyncState.Phase.IDLE && sync.state().queued() == 0)
                            && System.currentTimeMillis() < deadline) {
                        Thread.sleep(20);
                    }
                    assertEquals(SyncState.Phase.IDLE, sync.state().phase(), context + ": " + sync.state());
                    assertEquals(0, sync.state().queued(), context);
                    assertTrue(offline.get() > 0, context + ": the kills were never noticed");

                    Map<String, String> held = ServerView.events(server.url(), "ana", PASSWORD);
                    assertEquals(laptop.all(), held, context);
                    SyncFaultTest.syncUntilDone(via, new TestClient(server.url()).login("ana", PASSWORD).token(), phone,
                            new AtomicInteger(), context);
                    assertEquals(laptop.all(), phone.all(), context + ": the phone has not converged");
                    if (!kind.equals("h2")) {
                        assertStoredOnce(db, held.size(), context);
                    }
                    System.out.println("SyncKillTest server " + kind + ": " + context + ", " + held.size() + " events, "
                            + offline.get() + " failed attempts before recovery");
                }
            } finally {
                server.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void aClientKilledMidUploadFinishesFromItsStore(String kind) throws Exception {
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
            try (ClientProcess client = ClientProcess.start(dir, via, token, events)) {
                device = client.device();
                long threshold = 1 + random.nextInt(events - 600);
                long deadline = System.currentTimeMillis() + 120_000;
                while ((killedAt = serverAcked(db, device)) < threshold && client.alive() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(1);
                }
                client.kill9();
                assertTrue(killedAt < events, "seed " + seed + ": the upload ended before the kill\n" + client.output());
            }
            String context = "seed " + seed + ", killed at server acked " + killedAt;
            try (DeviceStore laptop = DeviceStore.open(dir); DeviceStore phone = DeviceStore.inMemory()) {
                assertEquals(device, laptop.deviceId(), context);
                assertEquals(events, laptop.ownEventsAfter(0, Integer.MAX_VALUE).size(), context);
                assertTrue(laptop.ackedSeq(via) <= serverAcked(db, device), context + ": the store holds an acknowledgement the server never gave");
                laptop.recordMany(7);
                SyncFaultTest.syncUntilDone(via, token, laptop, new AtomicInteger(), context);
                SyncFaultTest.syncUntilDone(via, token, phone, new AtomicInteger(), context);
                assertEquals(laptop.all(), ServerView.events(server.url(), token), context);
                assertEquals(laptop.all(), phone.all(), context);
                assertStoredOnce(db, events + 7, context);
            }
            System.out.println("SyncKillTest client " + kind + ": " + context);
        }
    }

    static long serverAcked(TestDatabase db, String device) throws Exception {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT acked_seq FROM devices WHERE device_id = ?")) {
            s.setString(1, device);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    static void assertStoredOnce(TestDatabase db, long total, String context) throws Exception {
        try (Connection c = db.connect()) {
            assertEquals(List.of(total, total), HeldEvents.summary(c).subList(0, 2), context);
        }
    }
}
