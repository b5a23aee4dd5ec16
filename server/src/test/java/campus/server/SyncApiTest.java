package campus.server;

import static campus.server.testing.TestClient.event;
import static campus.server.testing.TestClient.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.protocol.Accounts.Health;
import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PullResponse;
import campus.progress.sync.protocol.PushResponse;
import campus.progress.sync.protocol.WireEvent;
import campus.server.testing.TestClient;
import campus.server.testing.TestClient.Reply;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Push and pull over real HTTP on each database: idempotent, gap-free, scoped to the learner, lossless. */
class SyncApiTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void healthAnswersWithTheProtocolRangeAndDatabase(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestServer s = TestServer.start(db)) {
            Reply r = s.client().get(Protocol.HEALTH, null);
            assertEquals(200, r.status());
            Health h = r.as(Health.class);
            assertEquals("ok", h.status());
            assertEquals(Protocol.MIN_VERSION, h.protocol().min());
            assertEquals(Protocol.VERSION, h.protocol().max());
            assertTrue(h.database().toLowerCase().contains(kind.equals("mariadb") ? "maria" : kind), h.database());
            assertEquals("1", r.header(Protocol.HEADER));
            assertTrue(r.header("Content-Type").startsWith("application/json"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void aPushIsStoredOnceAndPulledByTheLearnersOtherDevice(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestServer s = TestServer.start(db)) {
            TestClient c = s.client();
            String token = c.newAccount(s.adminToken(), "learner", "ana", "ana's password").token();
            String laptop = "laptop-1";
            List<WireEvent> first = events(laptop, 1, 300);
            PushResponse r = c.pushOk(token, laptop, first);
            assertEquals(new PushResponse(300, 0, 300, r.serverTimeMs()), r);

            // The same chunk again (a retry after a lost answer), then an overlapping one.
            assertEquals(300, c.pushOk(token, laptop, first).duplicates());
            List<WireEvent> overlap = new ArrayList<>(first.subList(250, 300));
            overlap.addAll(events(laptop, 301, 320));
            PushResponse o = c.pushOk(token, laptop, overlap);
            assertEquals(List.of(20, 50, 320L), List.of(o.stored(), o.duplicates(), o.ackedSeq()));

            // Another device of the same learner pulls everything, page by page, each event once.
            Map<String, Long> have = Map.of();
            Set<String> ids = new HashSet<>();
            int pages = 0;
            PullResponse page;
            do {
                page = c.pull(token, "phone-1", have, 100);
                for (WireEvent e : page.events()) {
                    assertTrue(ids.add(e.id()), "pulled twice: " + e.id());
                    assertEquals(c.get(Protocol.ACCOUNT, token).as(campus.progress.sync.protocol.Accounts.AccountInfo.class).id(),
                            e.learner());
                }
                have = page.have();
                pages++;
            } while (page.more());
            assertEquals(320, ids.size());
            assertEquals(4, pages);
            assertEquals(Map.of(laptop, 320L), have);
            assertEquals(0, c.pull(token, "phone-1", have, 100).events().size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void aGapIsRefusedWithTheAckedSeqAndAConflictIsNamed(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestServer s = TestServer.start(db)) {
            TestClient c = s.client();
            String token = c.newAccount(s.adminToken(), "learner", "bo", "bo's password").token();
            c.pushOk(token, "d", events("d", 1, 10));
            Reply gap = c.push(token, "d", events("d", 12, 13));
            assertEquals(409, gap.status());
            assertEquals(ApiError.SEQ_GAP, gap.error().error());
            assertEquals(10L, gap.error().ackedSeq());

            // Seq 5 again but as another event: a damaged store, not a retry.
            Reply other = c.push(token, "d", List.of(event("d", 5, "lab.attempt")));
            assertEquals(409, other.status());
            assertEquals(ApiError.EVENT_CONFLICT, other.error().error());

            // An event id the device already used at another seq: a Campus device cannot make one (its store
            // keeps ids and (device, seq) unique), and the server does not look for it across pushes
            // (docs/decisions/0010-events-stored-in-runs.md). It is stored, and a peer keeps the first copy by id.
            WireEvent held = c.pull(token, "d", Map.of(), 1).events().get(0);
            WireEvent copy = new WireEvent(held.id(), "d", 11, held.hlcMs(), 0, held.kind(), null, null, null, null);
            assertEquals(1, c.pushOk(token, "d", List.of(copy)).stored());
            assertEquals(11, c.pull(token, "d", Map.of(), 100).events().size());
            // Within one push an id twice is refused.
            WireEvent first = event("d", 12, "lab.attempt");
            WireEvent again = new WireEvent(first.id(), "d", 13, first.hlcMs(), 0, first.kind(), null, null, null, null);
            Reply twice = c.push(token, "d", List.of(first, again));
            assertEquals(400, twice.status());
            assertEquals(11, c.pull(token, "d", Map.of(), 100).events().size());
            // Ids are unique per device: (device, seq) is what makes a push idempotent, and the same id under
            // another device is that device's event (a peer keeps the first it sees, by id).
            WireEvent elsewhere = new WireEvent(held.id(), "d2", 1, held.hlcMs(), 0, held.kind(), null, null, null, null);
            assertEquals(1, c.pushOk(token, "d2", List.of(elsewhere)).stored());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void anEventKindAndFieldsFromANewerClientArePassedOnUnchanged(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestServer s = TestServer.start(db)) {
            TestClient c = s.client();
            String token = c.newAccount(s.adminToken(), "learner", "cy", "cy's password").token();
            String json = "{\"device\":\"new\",\"events\":[{\"id\":\"e-1\",\"device\":\"new\",\"seq\":1,\"hlcMs\":5,"
                    + "\"hlcCount\":2,\"kind\":\"hologram.viewed\",\"subject\":\"s\",\"occurredAt\":\"2031-01-01T00:00:00Z\","
                    + "\"data\":{\"deep\":{\"list\":[1,2.50,\"三\"]},\"big\":12345678901234567890123},"
                    + "\"addedIn2031\":{\"x\":true},\"learner\":\"someone else\"}],\"futureTopLevel\":1}";
            assertEquals(200, c.postRaw(Protocol.PUSH, token, json).status());
            Reply pulled = c.postRaw(Protocol.PULL, token, "{\"device\":\"other\",\"have\":{},\"limit\":10}");
            JsonObject e = JsonParser.parseString(pulled.body()).getAsJsonObject().getAsJsonArray("events").get(0).getAsJsonObject();
            assertEquals("hologram.viewed", e.get("kind").getAsString());
            assertEquals(JsonParser.parseString("{\"x\":true}"), e.get("addedIn2031"));
            assertEquals(JsonParser.parseString("{\"deep\":{\"list\":[1,2.50,\"三\"]},\"big\":12345678901234567890123}"), e.get("data"));
            assertEquals("12345678901234567890123", e.getAsJsonObject("data").get("big").toString());
            assertFalse(e.get("learner").getAsString().equals("someone else"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void aLearnerNeverSeesNorWritesAnotherLearnersEvents(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestServer s = TestServer.start(db)) {
            TestClient c = s.client();
            String admin = s.adminToken();
            String ana = c.newAccount(admin, "learner", "ana", "ana's password").token();
            String bo = c.newAccount(admin, "learner", "bo", "bo's password").token();
            c.pushOk(ana, "ana-laptop", events("ana-laptop", 1, 5));
            c.pushOk(bo, "bo-laptop", events("bo-laptop", 1, 3));

            PullResponse boSees = c.pull(bo, "bo-phone", Map.of("ana-laptop", 0L), 1000);
            assertEquals(3, boSees.events().size());
            assertTrue(boSees.events().stream().allMatch(e -> e.device().equals("bo-laptop")));

            Reply write = c.push(bo, "ana-laptop", events("ana-laptop", 6, 6));
            assertEquals(403, write.status());
            assertEquals(ApiError.FORBIDDEN, write.error().error());
            Reply read = c.post(Protocol.PULL, bo, new campus.progress.sync.protocol.PullRequest("ana-laptop", Map.of(), 10));
            assertEquals(403, read.status());
            assertEquals(5, c.pull(ana, "ana-laptop", Map.of(), 1000).events().size());
        }
    }
}
