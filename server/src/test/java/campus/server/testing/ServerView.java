package campus.server.testing;

import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PullResponse;
import campus.progress.sync.protocol.WireEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** What the server holds for one learner, read through the API as a new device of theirs would read it. */
public final class ServerView {

    private ServerView() {
    }

    /** Every event of the learner: id → {@code device#seq}; an event pulled twice fails the test. */
    public static Map<String, String> events(String url, String user, String password) throws Exception {
        TestClient c = new TestClient(url);
        String token = c.login(user, password).token();
        Map<String, String> all = events(url, token);
        TestClient.expect(c.post(Protocol.LOGOUT, token, null), 204);
        return all;
    }

    /** The same with a token of the learner's. */
    public static Map<String, String> events(String url, String token) throws Exception {
        TestClient c = new TestClient(url);
        Map<String, String> all = new HashMap<>();
        Map<String, Long> have = Map.of();
        PullResponse page;
        String observer = UUID.randomUUID().toString();
        do {
            page = c.pull(token, observer, have, Protocol.MAX_PULL_LIMIT);
            for (WireEvent e : page.events()) {
                if (all.put(e.id(), e.device() + "#" + e.seq()) != null) {
                    throw new AssertionError("event " + e.id() + " pulled twice");
                }
            }
            have = page.have();
        } while (page.more());
        return all;
    }
}
