package campus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.protocol.Accounts.InviteRequest;
import campus.progress.sync.protocol.Accounts.LoginRequest;
import campus.progress.sync.protocol.Accounts.PasswordChange;
import campus.progress.sync.protocol.Accounts.SignupRequest;
import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PullRequest;
import campus.server.testing.TestClient;
import campus.server.testing.TestClient.Reply;
import campus.server.testing.TestClock;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every endpoint against every kind of caller: no token, a malformed header, an unknown, expired or revoked
 * token, and a fresh token of each role. One table, checked whole on each database; a mismatch names the
 * endpoint, the caller and the answer.
 */
class AuthorizationTest {

    /** Callers; the roles get a fresh token per request, since logout and a password change revoke tokens. */
    enum Caller { ANONYMOUS, MALFORMED, UNKNOWN, EXPIRED, REVOKED, LEARNER, INSTRUCTOR, ADMIN }

    /** An endpoint's request, made anew for each caller (with a unique device, user or invitation). */
    interface Call {
        Reply send(TestClient c, String token, int n) throws Exception;
    }

    private TestServer server;
    private TestClock clock;
    private final Map<Caller, String> passwords = new LinkedHashMap<>();
    private String adminToken;
    private String expiredToken;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void everyEndpointAnswersEveryCallerAsTheTableSays(String kind) throws Exception {
        clock = new TestClock();
        try (TestDatabase db = TestDatabase.create(kind); TestServer s = TestServer.start(db, c -> {
            c.clock = clock;
            c.tokenLifetime = Duration.ofDays(30);
        })) {
            server = s;
            TestClient c = s.client();
            adminToken = s.adminToken();
            c.newAccount(adminToken, "learner", "lena", "learner password");
            c.newAccount(adminToken, "instructor", "ines", "instructor password");
            passwords.put(Caller.LEARNER, "lena/learner password");
            passwords.put(Caller.INSTRUCTOR, "ines/instructor password");
            passwords.put(Caller.ADMIN, "admin/" + TestServer.ADMIN_PASSWORD);
            expiredToken = c.login("lena", "learner password").token();
            clock.advance(Duration.ofDays(31));
            adminToken = c.login("admin", TestServer.ADMIN_PASSWORD).token();

            Map<String, Call> endpoints = new LinkedHashMap<>();
            endpoints.put("GET health", (cl, t, n) -> cl.get(Protocol.HEALTH, t));
            endpoints.put("GET metrics", (cl, t, n) -> cl.get(Protocol.METRICS, t));
            endpoints.put("POST signup", (cl, t, n) -> cl.post(Protocol.SIGNUP, t,
                    new SignupRequest(cl.invite(adminToken, "learner", null).code(), "new" + n, "a new password", null)));
            endpoints.put("POST login", (cl, t, n) -> cl.post(Protocol.LOGIN, t, new LoginRequest("lena", "learner password", null)));
            endpoints.put("POST logout", (cl, t, n) -> cl.post(Protocol.LOGOUT, t, null));
            endpoints.put("GET account", (cl, t, n) -> cl.get(Protocol.ACCOUNT, t));
            endpoints.put("POST password", (cl, t, n) -> cl.post(Protocol.PASSWORD, t, new PasswordChange("wrong", "whatever it is")));
            endpoints.put("POST invitations learner", (cl, t, n) -> cl.post(Protocol.INVITATIONS, t, new InviteRequest("learner", null, null)));
            endpoints.put("POST invitations instructor", (cl, t, n) -> cl.post(Protocol.INVITATIONS, t, new InviteRequest("instructor", null, null)));
            endpoints.put("POST invitations admin", (cl, t, n) -> cl.post(Protocol.INVITATIONS, t, new InviteRequest("admin", null, null)));
            endpoints.put("POST push", (cl, t, n) -> cl.push(t, "device-" + n, TestClient.events("device-" + n, 1, 2)));
            endpoints.put("POST pull", (cl, t, n) -> cl.post(Protocol.PULL, t, new PullRequest("device-" + n, Map.of(), 10)));

            // Expected status per endpoint, for callers ANONYMOUS … ADMIN in enum order.
            Map<String, int[]> table = new LinkedHashMap<>();
            table.put("GET health",                  new int[] {200, 200, 200, 200, 200, 200, 200, 200});
            table.put("GET metrics",                 new int[] {401, 401, 401, 401, 401, 403, 403, 200});
            table.put("POST signup",                 new int[] {201, 201, 201, 201, 201, 201, 201, 201});
            table.put("POST login",                  new int[] {200, 200, 200, 200, 200, 200, 200, 200});
            table.put("POST logout",                 new int[] {401, 401, 401, 401, 401, 204, 204, 204});
            table.put("GET account",                 new int[] {401, 401, 401, 401, 401, 200, 200, 200});
            table.put("POST password",               new int[] {401, 401, 401, 401, 401, 403, 403, 403});
            table.put("POST invitations learner",    new int[] {401, 401, 401, 401, 401, 403, 201, 201});
            table.put("POST invitations instructor", new int[] {401, 401, 401, 401, 401, 403, 403, 201});
            table.put("POST invitations admin",      new int[] {401, 401, 401, 401, 401, 403, 403, 201});
            table.put("POST push",                   new int[] {401, 401, 401, 401, 401, 200, 200, 200});
            table.put("POST pull",                   new int[] {401, 401, 401, 401, 401, 200, 200, 200});

            List<String> wrong = new ArrayList<>();
            int n = 0;
            for (Map.Entry<String, Call> e : endpoints.entrySet()) {
                for (Caller caller : Caller.values()) {
                    int expected = table.get(e.getKey())[caller.ordinal()];
                    TestClient as = caller == Caller.MALFORMED ? c.withHeaders(Map.of("Authorization", "Basic bGVuYTpw")) : c;
                    Reply r = e.getValue().send(as, token(caller), n++);
                    if (r.status() != expected || (expected == 401 && !authErrorFits(caller, r))) {
                        wrong.add(e.getKey() + " as " + caller + ": expected " + expected + ", got " + r.status() + " " + r.body());
                    }
                    if (r.status() >= 400) {
                        assertTrue(r.header("Content-Type").startsWith("application/json"), e.getKey() + " " + caller);
                    }
                }
            }
            assertEquals(List.of(), wrong);
        }
    }

    /** The 401's code says why: no token, an expired one, a revoked one. */
    private static boolean authErrorFits(Caller caller, Reply r) {
        String code = r.error().error();
        switch (caller) {
            case EXPIRED: return ApiError.TOKEN_EXPIRED.equals(code);
            case REVOKED: return ApiError.TOKEN_REVOKED.equals(code);
            default: return ApiError.UNAUTHENTICATED.equals(code) && "Bearer".equals(r.header("WWW-Authenticate"));
        }
    }

    private String token(Caller caller) throws Exception {
        TestClient c = server.client();
        switch (caller) {
            case ANONYMOUS: return null;
            case MALFORMED: return null;
            case UNKNOWN: return "cs1_" + "A".repeat(43);
            case EXPIRED: return expiredToken;
            case REVOKED: {
                String t = login(Caller.LEARNER);
                TestClient.expect(c.post(Protocol.LOGOUT, t, null), 204);
                return t;
            }
            default: return login(caller);
        }
    }

    private String login(Caller caller) throws Exception {
        String[] userAndPassword = passwords.get(caller).split("/", 2);
        return server.client().login(userAndPassword[0], userAndPassword[1]).token();
    }
}
