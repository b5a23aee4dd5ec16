package campus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import campus.server.testing.FaultProxy;
import campus.server.testing.TestClient;
import campus.server.testing.TestClient.Reply;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import java.net.URI;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database goes away under a running server (a proxy between them is cut): requests get 503 with a clear
 * message and nothing is half-stored; when the database is back, so is the server, without a restart.
 */
class DatabaseDownTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void aDatabaseThatGoesAwayIs503UntilItComesBack(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Server h2 = null;
            String url = db.url();
            if (kind.equals("h2")) {
                // An embedded database cannot go away; the same file served over H2's TCP server can.
                h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
                url = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/" + url.substring("jdbc:h2:file:".length());
            }
            int port = h2 != null ? h2.getPort() : URI.create(url.substring("jdbc:".length())).getPort();
            try (FaultProxy proxy = FaultProxy.passThrough(port)) {
                String viaProxy = url.replace(":" + port + "/", ":" + proxy.port() + "/");
                try (TestServer s = TestServer.start(db, c -> c.dbUrl = viaProxy)) {
                    TestClient c = s.client();
                    String token = c.newAccount(s.adminToken(), "learner", "ana", "ana's password").token();
                    c.pushOk(token, "d", TestClient.events("d", 1, 10));

                    proxy.down();
                    for (Reply r : new Reply[] {c.push(token, "d", TestClient.events("d", 11, 20)), c.get(Protocol.HEALTH, null),
                        c.post(Protocol.LOGIN, null, Map.of("user", "ana", "password", "ana's password"))}) {
                        assertEquals(503, r.status(), r.body());
                        assertEquals(ApiError.of(ApiError.UNAVAILABLE, "the progress database is not reachable; nothing was lost,"
                                + " try again in a moment", 503), r.error());
                        assertEquals("5", r.header("Retry-After"));
                    }
                    // A request without a token is refused as before: nothing about it needs the database.
                    assertEquals(ApiError.UNAUTHENTICATED, c.postRaw(Protocol.PUSH, null, "{").error().error());

                    proxy.up();
                    Reply back = null;
                    for (int i = 0; i < 100; i++) {
                        back = c.push(token, "d", TestClient.events("d", 11, 20));
                        if (back.status() == 200) {
                            break;
                        }
                        Thread.sleep(200);
                    }
                    assertEquals(200, back.status(), back.body());
                    assertEquals(20, c.pull(token, "e", Map.of(), 100).events().size());
                    assertEquals(200, c.get(Protocol.HEALTH, null).status());
                }
            } finally {
                if (h2 != null) {
                    h2.stop();
                }
            }
        }
    }
}
