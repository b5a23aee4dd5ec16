package campus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PullResponse;
import campus.progress.sync.protocol.PushResponse;
import campus.progress.sync.protocol.WireEvent;
import campus.server.testing.FaultProxy;
import campus.server.testing.HeldEvents;
import campus.server.testing.FaultProxy.Fault;
import campus.server.testing.TestClient;
import campus.server.testing.TestClient.Reply;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import campus.server.testing.Uploader;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two server instances on one database, as behind a load balancer: a learner's devices sync through both in
 * turn, the same push races itself on both, and a faulty network between them changes nothing in the end.
 */
class TwoInstancesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void devicesSyncingThroughBothInstancesInTurnConverge(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestServer one = TestServer.start(db);
             TestServer two = TestServer.start(db, c -> c.dataDir = one.config().dataDir)) {
            TestClient a = one.client();
            TestClient b = two.client();
            String token = a.newAccount(one.adminToken(), "learner", "ana", "ana's password").token();
            // The token from one instance works on the other: nothing about a session lives in a process.
            assertEquals("ana", b.get(Protocol.ACCOUNT, token).as(campus.progress.sync.protocol.Accounts.AccountInfo.class).user());

            TestClient[] turn = {a, b};
            Map<String, Long> laptopHas = Map.of();
            Map<String, Long> phoneHas = Map.of();
            for (int round = 0; round < 6; round++) {
                TestClient here = turn[round % 2];
                TestClient there = turn[(round + 1) % 2];
                here.pushOk(token, "laptop", TestClient.events("laptop", round * 50 + 1, round * 50 + 50));
                there.pushOk(token, "phone", TestClient.events("phone", round * 10 + 1, round * 10 + 10));
                laptopHas = drain(there, token, "laptop", laptopHas);
                phoneHas = drain(here, token, "phone", phoneHas);
            }
            assertEquals(Map.of("laptop", 300L, "phone", 60L), laptopHas);
            assertEquals(laptopHas, phoneHas);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void aDuplicatedPushRacingItselfOnBothInstancesIsStoredOnce(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestServer one = TestServer.start(db);
             TestServer two = TestServer.start(db, c -> c.dataDir = one.config().dataDir)) {
            String token = one.client().newAccount(one.adminToken(), "learner", "ana", "ana's password").token();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                long next = 1;
                for (int race = 0; race < 20; race++) {
                    // Each race: a new device's first chunk (the device row is created by one of them), or the next chunk.
                    String device = race % 4 == 0 ? "d" + race : "d" + (race - race % 4);
                    long from = race % 4 == 0 ? 1 : next;
                    List<WireEvent> chunk = TestClient.events(device, from, from + 99);
                    next = from + 100;
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Reply>> replies = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        TestClient c = (i % 2 == 0 ? one : two).client();
                        replies.add(pool.submit(() -> {
                            go.await();
                            return c.push(token, device, chunk);
                        }));
                    }
                    go.countDown();
                    int stored = 0;
                    for (Future<Reply> f : replies) {
                        Reply r = f.get();
                        assertEquals(200, r.status(), r.body());
                        PushResponse p = r.as(PushResponse.class);
                        assertEquals(from + 99, p.ackedSeq());
                        assertEquals(100, p.stored() + p.duplicates());
                        stored += p.stored();
                    }
                    assertEquals(100, stored, "race " + race + ": exactly one of the copies stores the chunk");
                }
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = db.connect()) {
                List<Long> held = HeldEvents.summary(c);
                assertEquals(2000, held.get(0));
                assertEquals(2000, held.get(1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void aFaultyNetworkToBothInstancesLosesAndDuplicatesNothing(String kind) throws Exception {
        long seed = Long.getLong("campus.fault.seed", System.nanoTime());
        Map<Fault, Integer> faults = Map.of(Fault.PASS, 4, Fault.DELAY, 2, Fault.DROP, 1, Fault.DUPLICATE, 2,
                Fault.REORDER, 1, Fault.CUT_REQUEST, 2, Fault.CUT_RESPONSE, 2);
        try (TestDatabase db = TestDatabase.create(kind); TestServer one = TestServer.start(db);
             TestServer two = TestServer.start(db, c -> c.dataDir = one.config().dataDir);
             FaultProxy p1 = FaultProxy.seeded(one.server().port(), seed, faults).first(Fault.CUT_RESPONSE);
             FaultProxy p2 = FaultProxy.seeded(two.server().port(), seed + 1, faults)) {
            String token = one.client().newAccount(one.adminToken(), "learner", "ana", "ana's password").token();
            TestClient[] viaProxies = {
                new TestClient("http://127.0.0.1:" + p1.port()),
                new TestClient("http://127.0.0.1:" + p2.port())};
            int[] n = {0};
            List<WireEvent> events = TestClient.events("laptop", 1, 2_000);
            Uploader upload = new Uploader(() -> viaProxies[n[0]++ % 2], token, "laptop", events, 100);
            upload.run(180_000);
            String context = "seed " + seed + ", " + upload.pushes() + " pushes, faults " + p1.log().size() + "+" + p2.log().size();
            Map<Long, String> pulled = KillRestartTest.pullAll(two.client(), token);
            assertEquals(events.size(), pulled.size(), context);
            for (WireEvent e : events) {
                assertEquals(e.id(), pulled.get(e.seq()), context);
            }
            assertTrue(p1.log().stream().anyMatch(l -> l.endsWith("CUT_RESPONSE")) || p2.log().stream().anyMatch(l -> l.endsWith("CUT_RESPONSE")), context);
        }
    }

    /** Pulls through {@code c} until nothing is left; the vector reached. */
    private static Map<String, Long> drain(TestClient c, String token, String device, Map<String, Long> have) throws Exception {
        PullResponse page;
        do {
            page = c.pull(token, device, have, 37);
            have = page.have();
        } while (page.more());
        assertTrue(page.events().size() <= 37);
        return have;
    }
}
