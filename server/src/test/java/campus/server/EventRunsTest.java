package campus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.protocol.PullResponse;
import campus.progress.sync.protocol.PushResponse;
import campus.progress.sync.protocol.WireEvent;
import campus.server.auth.Account;
import campus.server.auth.Passwords;
import campus.server.db.Dialect;
import campus.server.testing.HeldEvents;
import campus.server.testing.TestClient;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import com.google.gson.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Events stored in runs (docs/decisions/0010-events-stored-in-runs.md), on every database: long pushes split
 * into several runs and read back whole, in small pages and across run boundaries; retries that overlap runs
 * are duplicates; an event longer than a run gets one of its own; and events stored before runs existed
 * (schema version 2) are all there after the server migrated the database.
 */
class EventRunsTest {

    /** About 2,000 characters of data: 300 such events make several runs of at most about 256 K characters. */
    private static WireEvent wide(String device, long seq, int chars) {
        WireEvent e = TestClient.event(device, seq, "lab.attempt");
        JsonObject data = new JsonObject();
        data.addProperty("sql", ("SELECT 课程, seq " + seq + " FROM t; ").repeat(chars / 25 + 1).substring(0, chars));
        return new WireEvent(e.id(), device, seq, e.hlcMs(), 0, e.kind(), e.subject(), e.occurredAt(), data, null);
    }

    private static List<WireEvent> wides(String device, long from, long to) {
        List<WireEvent> list = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            list.add(wide(device, s, 2000));
        }
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void longPushesAreSeveralRunsReadBackWholeAndRetriesAcrossRunsAreDuplicates(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestServer s = TestServer.start(db)) {
            TestClient c = s.client();
            String token = c.newAccount(s.adminToken(), "learner", "runs", "runs' password").token();
            List<WireEvent> sent = wides("laptop", 1, 300);
            assertEquals(300, c.pushOk(token, "laptop", sent).stored());
            assertTrue(runs(db, "laptop") >= 3, "300 events of 2,000 characters are at least three runs");

            // Retries that begin inside one run and end inside another, then one that adds new events.
            PushResponse again = c.pushOk(token, "laptop", sent.subList(149, 300));
            assertEquals(List.of(0, 151, 300L), List.of(again.stored(), again.duplicates(), again.ackedSeq()));
            List<WireEvent> more = new ArrayList<>(sent.subList(289, 300));
            more.addAll(wides("laptop", 301, 310));
            PushResponse mixed = c.pushOk(token, "laptop", more);
            assertEquals(List.of(10, 11, 310L), List.of(mixed.stored(), mixed.duplicates(), mixed.ackedSeq()));
            // The same seq as another event is still refused, deep inside a run.
            assertEquals(409, c.push(token, "laptop", List.of(wide("laptop", 222, 10))).status());

            // One event longer than a run gets a run of its own.
            WireEvent big = wide("laptop", 311, 300_000);
            assertEquals(1, c.pushOk(token, "laptop", List.of(big)).stored());

            // Small pages cut runs anywhere; every event comes back once, in order, as it was sent.
            Map<String, Long> have = Map.of();
            List<WireEvent> pulled = new ArrayList<>();
            PullResponse page;
            do {
                page = c.pull(token, "phone", have, 7);
                pulled.addAll(page.events());
                have = page.have();
            } while (page.more());
            assertEquals(311, pulled.size());
            for (int i = 0; i < 311; i++) {
                assertEquals(i + 1, pulled.get(i).seq());
            }
            for (int i = 0; i < 300; i++) {
                assertEquals(sent.get(i).id(), pulled.get(i).id());
                assertEquals(sent.get(i).data(), pulled.get(i).data());
            }
            assertEquals(big.data(), pulled.get(310).data());
            // From the middle of a run.
            PullResponse tail = c.pull(token, "phone", Map.of("laptop", 150L), 1000);
            assertEquals(151, tail.events().get(0).seq());
            try (Connection conn = db.connect()) {
                assertEquals(List.of(311L, 311L, 311L), HeldEvents.summary(conn));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void eventsStoredBeforeRunsAreKeptWhenTheServerMigrates(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            // The database as a server of schema version 2 left it: an account, a device, three events.
            Dialect dialect = Dialect.of(db.url());
            Flyway.configure().dataSource(dialect.tune(db.url()), null, null).locations(dialect.migrations()).target("2")
                    .load().migrate();
            String account = UUID.randomUUID().toString();
            List<WireEvent> old = List.of(wide("old-laptop", 1, 40), wide("old-laptop", 2, 40), wide("old-laptop", 3, 40));
            try (Connection c = db.connect()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO accounts (id, user_name, user_key, account_role,"
                        + " password_hash, password_once, created_at) VALUES (?, 'mei', ?, 'learner', ?, 0, 1)")) {
                    s.setString(1, account);
                    s.setString(2, Account.key("mei"));
                    s.setString(3, new Passwords().hash("mei's password"));
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO devices (device_id, account_id, acked_seq,"
                        + " created_at, updated_at) VALUES ('old-laptop', ?, 3, 1, 1)")) {
                    s.setString(1, account);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO events (device_id, seq, event_id, account_id, kind,"
                        + " subject, hlc_ms, hlc_count, received_at, body) VALUES ('old-laptop', ?, ?, ?, ?, ?, ?, 0, 1, ?)")) {
                    for (WireEvent e : old) {
                        s.setLong(1, e.seq());
                        s.setString(2, e.id());
                        s.setString(3, account);
                        s.setString(4, e.kind());
                        s.setString(5, e.subject());
                        s.setLong(6, e.hlcMs());
                        s.setString(7, campus.progress.sync.protocol.Protocol.gson().toJson(e));
                        s.executeUpdate();
                    }
                }
            }
            try (TestServer s = TestServer.start(db)) {
                TestClient c = s.client();
                String token = c.login("mei", "mei's password").token();
                List<WireEvent> pulled = c.pull(token, "new-phone", Map.of(), 100).events();
                assertEquals(3, pulled.size());
                for (int i = 0; i < 3; i++) {
                    assertEquals(old.get(i).id(), pulled.get(i).id());
                    assertEquals(old.get(i).data(), pulled.get(i).data());
                    assertEquals(account, pulled.get(i).learner());
                }
                // The old events are compared as duplicates, and the device goes on after them.
                List<WireEvent> retry = new ArrayList<>(old.subList(1, 3));
                retry.add(wide("old-laptop", 4, 40));
                PushResponse r = c.pushOk(token, "old-laptop", retry);
                assertEquals(List.of(1, 2, 4L), List.of(r.stored(), r.duplicates(), r.ackedSeq()));
                try (Connection conn = db.connect()) {
                    assertEquals(List.of(4L, 4L, 4L), HeldEvents.summary(conn));
                }
            }
        }
    }

    private static int runs(TestDatabase db, String device) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM event_runs WHERE device_id = '" + device + "'")) {
            r.next();
            return r.getInt(1);
        }
    }
}
