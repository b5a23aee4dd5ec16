package campus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.protocol.Accounts.PasswordChange;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PullResponse;
import campus.progress.sync.protocol.WireEvent;
import campus.server.auth.AdminBootstrap;
import campus.server.testing.FaultProxy;
import campus.server.testing.HeldEvents;
import campus.server.testing.ServerProcess;
import campus.server.testing.TestClient;
import campus.server.testing.TestDatabase;
import campus.server.testing.Uploader;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server process is killed with SIGKILL while a device uploads, three times, and restarted on the same data
 * each time; the device keeps going through a proxy that follows the restarts. Afterwards every event is on the
 * server exactly once, and no acknowledgement was ever taken back. Seeded: a failure prints its seed.
 */
class KillRestartTest {

    static final int EVENTS = 6_000;
    static final int CHUNK = 500;
    static final int KILLS = 3;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void everyEventIsStoredExactlyOnceAfterKillsDuringPushes(String kind) throws Exception {
        long seed = Long.getLong("campus.fault.seed", System.nanoTime());
        Random random = new Random(seed);
        try (TestDatabase db = TestDatabase.create(kind)) {
            Path data = db.dataDir();
            String[] dbArgs = kind.equals("h2") ? new String[0] : new String[] {"--db", db.url()};
            ServerProcess server = ServerProcess.start(data, dbArgs);
            assertTrue(server.output().contains("Campus server: the account 'admin' has a one-time password in "
                    + data.resolve(AdminBootstrap.FILE) + " (readable by you only; it works for one login)"), server.output());
            try (FaultProxy proxy = FaultProxy.passThrough(server.port())) {
                TestClient direct = new TestClient(server.url());
                String admin = direct.login(AdminBootstrap.USER,
                        campus.server.testing.TestServer.oneTimePassword(data.resolve(AdminBootstrap.FILE))).token();
                TestClient.expect(direct.post(Protocol.PASSWORD, admin, new PasswordChange(null, "admin password!")), 204);
                String token = direct.newAccount(admin, "learner", "ana", "ana's password").token();

                List<WireEvent> events = TestClient.events("laptop", 1, EVENTS);
                TestClient viaProxy = new TestClient("http://127.0.0.1:" + proxy.port());
                Uploader upload = new Uploader(() -> viaProxy, token, "laptop", events, CHUNK);
                AtomicReference<Throwable> failed = new AtomicReference<>();
                Thread device = new Thread(() -> {
                    try {
                        upload.run(240_000);
                    } catch (Throwable t) {
                        failed.set(t);
                    }
                }, "device");
                device.start();

                List<String> kills = new ArrayList<>();
                for (int k = 0; k < KILLS && device.isAlive(); k++) {
                    long threshold = (long) (EVENTS * (k + 1) / (KILLS + 1.5));
                    while (device.isAlive() && (upload.acked() < threshold || !upload.inFlight())) {
                        Thread.onSpinWait();
                    }
                    Thread.sleep(random.nextInt(15));
                    kills.add("kill " + (k + 1) + " at acked " + upload.acked() + (upload.inFlight() ? " during a push" : ""));
                    server.kill9();
                    server = ServerProcess.start(data, dbArgs);
                    proxy.retarget(server.port());
                }
                device.join(300_000);
                String context = "seed " + seed + ", " + kills + ", " + upload.pushes() + " pushes";
                if (failed.get() != null) {
                    throw new AssertionError(context, failed.get());
                }
                System.out.println("KillRestartTest " + kind + ": " + context);
                assertEquals(EVENTS, upload.acked(), context);
                assertEquals(KILLS, kills.size(), context);

                Map<Long, String> pulled = pullAll(new TestClient(server.url()), token);
                assertEquals(EVENTS, pulled.size(), context);
                for (WireEvent e : events) {
                    assertEquals(e.id(), pulled.get(e.seq()), context + ": seq " + e.seq());
                }
                if (!kind.equals("h2")) {
                    try (Connection c = db.connect()) {
                        assertEquals(List.of((long) EVENTS, (long) EVENTS, (long) EVENTS), HeldEvents.summary(c), context);
                    }
                }
            } finally {
                server.close();
            }
        }
    }

    static Map<Long, String> pullAll(TestClient c, String token) throws Exception {
        Map<Long, String> bySeq = new HashMap<>();
        Map<String, Long> have = Map.of();
        PullResponse page;
        do {
            page = c.pull(token, "phone", have, Protocol.MAX_PULL_LIMIT);
            for (WireEvent e : page.events()) {
                if (bySeq.put(e.seq(), e.id()) != null) {
                    throw new AssertionError("seq " + e.seq() + " pulled twice");
                }
            }
            have = page.have();
        } while (page.more());
        return bySeq;
    }
}
