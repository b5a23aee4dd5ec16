package campus.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.progress.sync.SyncFailure;
import campus.progress.sync.SyncHttp;
import campus.progress.sync.SyncRun;
import campus.progress.sync.protocol.Protocol;
import campus.server.testing.DeviceStore;
import campus.server.testing.FaultProxy;
import campus.server.testing.HeldEvents;
import campus.server.testing.FaultProxy.Fault;
import campus.server.testing.ServerView;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real sync client and the real server with a seeded faulty network between them: connections dropped, delayed,
 * duplicated, reordered, cut in the request or in the answer. Three learners; in each round some devices of one of
 * them (two to four, now and then a new one joining) record events, now and then more than a chunk, and sync at once,
 * retrying whatever failed. Round 0 cuts a push of a full chunk and a full pull page deep inside their bodies; later
 * rounds cut wherever the draw says (mostly anywhere in a body, see {@link FaultProxy}). After each round every
 * device of that learner holds every event of the learner, and the server holds each exactly once. A failure
 * names its seed; {@code -Dcampus.fault.seed=S} repeats it, {@code -Dcampus.fault.rounds=N} sets the rounds.
 */
class SyncFaultTest {

    static final Map<Fault, Integer> NETWORK = Map.of(Fault.PASS, 50, Fault.DELAY, 3, Fault.DROP, 10, Fault.DUPLICATE, 10,
            Fault.REORDER, 4, Fault.CUT_REQUEST, 10, Fault.CUT_RESPONSE, 10);

    static final int LEARNERS = 3;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void devicesConvergeAndTheServerHoldsEveryEventOnceWhateverTheNetworkDoes(String kind) throws Exception {
        long seed = Long.getLong("campus.fault.seed", System.nanoTime());
        int rounds = Integer.getInteger("campus.fault.rounds", 60);
        Random random = new Random(seed);
        long started = System.nanoTime();
        int total = 0;
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService devices = Executors.newFixedThreadPool(3);
        try (TestDatabase db = TestDatabase.create(kind); TestServer server = TestServer.start(db);
             FaultProxy proxy = FaultProxy.seeded(server.server().port(), random.nextLong(), NETWORK)) {
            String admin = server.adminToken();
            String via = "http://127.0.0.1:" + proxy.port();
            List<String> tokens = new ArrayList<>();
            List<List<DeviceStore>> devicesOf = new ArrayList<>();
            for (int l = 0; l < LEARNERS; l++) {
                tokens.add(server.client().newAccount(admin, "learner", "learner" + l, "a long password " + l).token());
                devicesOf.add(new ArrayList<>());
            }
            try {
                opening(proxy, via, tokens.get(0), devicesOf.get(0), attempts, "seed " + seed + ", round 0");
                checkConverged(server, via, tokens.get(0), devicesOf.get(0), "seed " + seed + ", round 0");
                for (int round = 1; round < rounds; round++) {
                    String context = "seed " + seed + ", round " + round;
                    int l = random.nextInt(LEARNERS);
                    String token = tokens.get(l);
                    List<DeviceStore> stores = devicesOf.get(l);
                    if (stores.size() < 2 || (stores.size() < 4 && random.nextInt(8) == 0)) {
                        stores.add(DeviceStore.inMemory()); // a new device of the learner's joins
                    }
                    List<Future<?>> running = new ArrayList<>();
                    for (DeviceStore store : stores) {
                        if (random.nextInt(3) == 0) {
                            continue; // this one stays off this time
                        }
                        Random r = new Random(random.nextLong());
                        running.add(devices.submit(() -> {
                            for (int step = 0, steps = 1 + r.nextInt(2); step < steps; step++) {
                                store.recordMany(r.nextInt(25) == 0 ? 450 + r.nextInt(200) : r.nextInt(30));
                                syncUntilDone(via, token, store, attempts, context);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : running) {
                        f.get();
                    }
                    for (DeviceStore s : stores) {
                        syncUntilDone(via, token, s, attempts, context);
                    }
                    checkConverged(server, via, token, stores, context);
                }
                for (List<DeviceStore> stores : devicesOf) {
                    total += stores.isEmpty() ? 0 : stores.get(0).all().size();
                }
            } finally {
                for (List<DeviceStore> stores : devicesOf) {
                    for (DeviceStore s : stores) {
                        s.close();
                    }
                }
            }
            try (Connection c = db.connect()) {
                assertEquals(List.of((long) total, (long) total), HeldEvents.summary(c).subList(0, 2), "seed " + seed);
            }
            List<FaultProxy.Cut> cuts = proxy.cuts();
            System.out.printf("SyncFaultTest %s: seed %d, %d rounds, %d events, %d sync runs, %d connections, %d cuts"
                    + " (%d in a body, %d deeper than 16 KB), %.1f s%n", kind, seed, rounds, total, attempts.get(),
                    proxy.log().size(), cuts.size(), cuts.stream().filter(c -> c.intoBody() >= 0).count(),
                    cuts.stream().filter(c -> c.intoBody() > 16 * 1024).count(), (System.nanoTime() - started) / 1e9);
        } finally {
            devices.shutdownNow();
        }
    }

    /**
     * Round 0: a device of the learner's records more than a chunk (a push body of about 150 KB) and syncs, its push
     * cut deep in the body and its answer cut; then a new device pulls it all, its first page cut deep in the answer.
     * Every later round draws its faults; this one makes sure a run has cut large bodies far from their start.
     */
    private static void opening(FaultProxy proxy, String via, String token, List<DeviceStore> stores, AtomicInteger attempts,
                                String context) throws Exception {
        DeviceStore first = DeviceStore.inMemory();
        DeviceStore second = DeviceStore.inMemory();
        stores.add(first);
        stores.add(second);
        first.recordMany(Protocol.MAX_PUSH_EVENTS + 100);
        int pushes = proxy.log().size(); // the device syncs alone: its connections are the next ones, in order
        proxy.deepFirst(Fault.CUT_REQUEST, Fault.CUT_RESPONSE);
        syncUntilDone(via, token, first, attempts, context);
        int pulls = proxy.log().size();
        proxy.deepFirst(Fault.CUT_RESPONSE);
        syncUntilDone(via, token, second, attempts, context);
        Map<Integer, FaultProxy.Cut> byConnection = new HashMap<>();
        proxy.cuts().forEach(c -> byConnection.put(c.connection(), c));
        List<FaultProxy.Cut> cuts = List.of(byConnection.get(pushes), byConnection.get(pushes + 1), byConnection.get(pulls));
        assertEquals(List.of(Fault.CUT_REQUEST, Fault.CUT_RESPONSE, Fault.CUT_RESPONSE),
                cuts.stream().map(FaultProxy.Cut::fault).toList(), context);
        for (FaultProxy.Cut c : List.of(cuts.get(0), cuts.get(2))) { // the push of a full chunk, the first pull page
            assertTrue(c.bodyLength() > 100_000 && c.intoBody() >= c.bodyLength() / 2, context + ": " + cuts);
        }
    }

    /** Every device holds every event of the learner's, none is queued, and the server holds each once. */
    private static void checkConverged(TestServer server, String via, String token, List<DeviceStore> stores, String context)
            throws Exception {
        Map<String, String> union = new HashMap<>();
        for (DeviceStore s : stores) {
            for (Map.Entry<String, String> e : s.all().entrySet()) {
                if (e.getValue().startsWith(s.deviceId() + "#")) {
                    union.put(e.getKey(), e.getValue());
                }
            }
        }
        for (DeviceStore s : stores) {
            assertEquals(union, s.all(), context + ": device " + s.deviceId() + " has not converged");
            assertEquals(0, s.queued(via), context);
        }
        assertEquals(union, ServerView.events(server.url(), token), context + ": the server's events");
    }

    /** Syncs until a run goes through, as the background sync does; only a transient failure may happen. */
    static void syncUntilDone(String url, String token, campus.progress.sync.SyncStore store, AtomicInteger attempts,
                              String context)
            throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            attempts.incrementAndGet();
            try {
                new SyncRun(new SyncHttp(url, 5_000, 10_000), token, store).run();
                return;
            } catch (SyncFailure f) {
                if (!f.kind().retryable()) {
                    throw new AssertionError(context + ": " + f.msg().in(Lang.EN), f);
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError(context + ": no sync went through in 200 attempts");
    }
}
