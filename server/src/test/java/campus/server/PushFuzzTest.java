package campus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PullResponse;
import campus.progress.sync.protocol.WireEvent;
import campus.server.testing.TestClient;
import campus.server.testing.TestClient.Reply;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random damage to valid requests, sent to a real server on each database: every answer is below 500,
 * and what was accepted is stored intact. A failure prints the seed and the body that caused it.
 */
class PushFuzzTest {

    static final int RUNS = 200;
    static final String JUNK = "{}[]\",:\\0123456789.eE+-truefalsnul \u00e9\u4e09\ud83c\udf89\u0000\u0001\ud800";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void damagedPushesNeverMakeTheServerFail(String kind) throws Exception {
        long seed = Long.getLong("campus.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        try (TestDatabase db = TestDatabase.create(kind); TestServer s = TestServer.start(db)) {
            TestClient c = s.client();
            String token = c.newAccount(s.adminToken(), "learner", "fuzz", "fuzz's password").token();
            for (int run = 0; run < RUNS; run++) {
                String device = "fuzz-" + run;
                String body = Protocol.gson().toJson(new campus.progress.sync.protocol.PushRequest(device,
                        TestClient.events(device, 1, 1 + random.nextInt(3))));
                String damaged = damage(body, random);
                String path = random.nextInt(4) == 0 ? Protocol.PULL : Protocol.PUSH;
                Reply r = c.postRaw(path, token, damaged);
                assertTrue(r.status() < 500, "seed " + seed + " run " + run + ": " + r.status() + " " + r.body() + " for " + damaged);
            }
            assertEquals(200, c.get(Protocol.HEALTH, null).status(), "seed " + seed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void textInEveryScriptAndEmojiRoundTrips(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestServer s = TestServer.start(db)) {
            TestClient c = s.client();
            String token = c.newAccount(s.adminToken(), "learner", "学生-ß", "学生的密码很长 🎉").token();
            JsonObject data = new JsonObject();
            data.addProperty("answer", "SELECT '🎉', '三', 'é' -- \u2028 \t \"quoted\"");
            WireEvent e = new WireEvent("ü-1", "设备", 1, 1, 0, "lab.attempt", "课程/第一课 🎉", "2026-12-04T10:00:00Z", data, null);
            c.pushOk(token, "设备", List.of(e));
            PullResponse back = c.pull(token, "other", Map.of(), 10);
            WireEvent got = back.events().get(0);
            assertEquals(e.subject(), got.subject());
            assertEquals(e.data(), got.data());
            assertEquals(e.device(), got.device());
            assertEquals(1, c.pushOk(token, "设备", List.of(e)).duplicates());
        }
    }

    /** One to four edits: a character replaced, deleted or inserted, or a span cut out or doubled. */
    static String damage(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && b.length() > 1; i++) {
            int at = random.nextInt(b.length());
            char junk = JUNK.charAt(random.nextInt(JUNK.length()));
            switch (random.nextInt(5)) {
                case 0: b.setCharAt(at, junk); break;
                case 1: b.deleteCharAt(at); break;
                case 2: b.insert(at, junk); break;
                case 3: b.delete(at, Math.min(b.length(), at + random.nextInt(20))); break;
                default: b.insert(at, b.substring(at, Math.min(b.length(), at + random.nextInt(40)))); break;
            }
        }
        return b.toString();
    }
}
