package campus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.protocol.Accounts.AccountInfo;
import campus.progress.sync.protocol.Accounts.Invitation;
import campus.progress.sync.protocol.Accounts.InviteRequest;
import campus.progress.sync.protocol.Accounts.LoginRequest;
import campus.progress.sync.protocol.Accounts.PasswordChange;
import campus.progress.sync.protocol.Accounts.Session;
import campus.progress.sync.protocol.Accounts.SignupRequest;
import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import campus.server.auth.AdminBootstrap;
import campus.server.auth.LoginLimiter;
import campus.server.testing.TestClient;
import campus.server.testing.TestClient.Reply;
import campus.server.testing.TestClock;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Accounts as a person meets them: the first admin, invitations, sign-up, login limits, password changes. */
class AccountsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void theFirstAdminsPasswordIsInAnOwnerOnlyFileAndWorksOnce(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestServer s = TestServer.start(db)) {
            Path file = s.server().adminPasswordFile();
            assertEquals(s.config().dataDir.resolve(AdminBootstrap.FILE), file);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String once = TestServer.oneTimePassword(file);
            TestClient c = s.client();
            try (Statement st = db.connect().createStatement();
                 ResultSet r = st.executeQuery("SELECT password_hash FROM accounts WHERE user_key = 'admin'")) {
                r.next();
                assertTrue(r.getString(1).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), "stored as an Argon2id hash only");
                assertFalse(r.getString(1).contains(once));
            }
            Session first = c.login("admin", once);
            assertEquals("admin", first.account().role());
            assertFalse(Files.exists(file), "the file goes once its password is used");
            Reply again = c.post(Protocol.LOGIN, null, new LoginRequest("admin", once, null));
            assertEquals(401, again.status());
            assertEquals(ApiError.BAD_CREDENTIALS, again.error().error());

            // The session of the one-time password sets a lasting one, with no current password to give.
            TestClient.expect(c.post(Protocol.PASSWORD, first.token(), new PasswordChange(null, "a lasting admin password")), 204);
            assertEquals("admin", c.login("admin", "a lasting admin password").account().user());
        }
        try (TestDatabase db = TestDatabase.create(kind)) {
            TestServer s = TestServer.start(db);
            s.close();
            TestServer again = TestServer.start(db, c -> c.dataDir = s.config().dataDir);
            assertNull(again.server().adminPasswordFile(), "a second start leaves the admin alone");
            again.close();
            TestServer reset = TestServer.start(db, c -> {
                c.dataDir = s.config().dataDir;
                c.resetAdmin = true;
            });
            assertNotNull(reset.server().adminPasswordFile());
            assertEquals(200, reset.client().post(Protocol.LOGIN, null,
                    new LoginRequest("admin", TestServer.oneTimePassword(reset.server().adminPasswordFile()), null)).status());
            reset.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void anInvitationIsSingleUseForItsRoleItsUserAndItsTime(String kind) throws Exception {
        TestClock clock = new TestClock();
        try (TestDatabase db = TestDatabase.create(kind); TestServer s = TestServer.start(db, c -> c.clock = clock)) {
            TestClient c = s.client();
            String admin = s.adminToken();
            Invitation forAna = c.invite(admin, "instructor", "Ana");
            assertEquals("instructor", forAna.role());
            assertTrue(forAna.code().matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), forAna.code());
            assertEquals(Instant.parse("2026-12-11T09:00:00Z").toString(), forAna.expiresAt());

            assertError(c.post(Protocol.SIGNUP, null, new SignupRequest(forAna.code(), "bo", "bo's password", null)), 403, ApiError.INVITE_INVALID);
            assertError(c.post(Protocol.SIGNUP, null, new SignupRequest(forAna.code(), "ana", "ana", null)), 400, ApiError.WEAK_PASSWORD);
            assertError(c.post(Protocol.SIGNUP, null, new SignupRequest(forAna.code(), "ana", "short", null)), 400, ApiError.WEAK_PASSWORD);
            assertError(c.post(Protocol.SIGNUP, null, new SignupRequest(forAna.code(), "a na", "ana's password", null)), 400, ApiError.BAD_REQUEST);
            // Typed by hand: lower case, no dashes.
            Session ana = c.signup(forAna.code().replace("-", "").toLowerCase(), "ana", "ana's password");
            assertEquals(new AccountInfo(ana.account().id(), "ana", "instructor"), c.get(Protocol.ACCOUNT, ana.token()).as(AccountInfo.class));
            assertError(c.post(Protocol.SIGNUP, null, new SignupRequest(forAna.code(), "ana2", "ana's password", null)), 403, ApiError.INVITE_INVALID);

            // A taken name does not use the invitation up.
            Invitation open = c.invite(ana.token(), null, null);
            assertEquals("learner", open.role());
            assertError(c.post(Protocol.SIGNUP, null, new SignupRequest(open.code(), "ANA", "another password", null)), 409, ApiError.USER_TAKEN);
            assertEquals("learner", c.signup(open.code(), "cy", "cy's password").account().role());

            Invitation later = c.invite(admin, "learner", null);
            clock.advance(Duration.ofDays(8));
            assertError(c.post(Protocol.SIGNUP, null, new SignupRequest(later.code(), "dee", "dee's password", null)), 403, ApiError.INVITE_INVALID);
            assertError(c.post(Protocol.INVITATIONS, c.login("admin", TestServer.ADMIN_PASSWORD).token(),
                    new InviteRequest("janitor", null, null)), 400, ApiError.BAD_REQUEST);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void failedLoginsAreLimitedPerAccountAndPerAddressAcrossInstances(String kind) throws Exception {
        TestClock clock = new TestClock();
        try (TestDatabase db = TestDatabase.create(kind);
             TestServer one = TestServer.start(db, c -> limits(c, clock));
             TestServer two = TestServer.start(db, c -> {
                 limits(c, clock);
                 c.dataDir = one.config().dataDir;
             })) {
            String admin = one.adminToken();
            one.client().newAccount(admin, "learner", "ana", "ana's password");
            one.client().newAccount(admin, "learner", "bo", "bo's password");
            TestClient[] both = {one.client(), two.client()};
            for (int i = 0; i < 3; i++) {
                assertError(both[i % 2].post(Protocol.LOGIN, null, new LoginRequest("ana", "wrong " + i, null)), 401, ApiError.BAD_CREDENTIALS);
            }
            // Limited on the other instance too, even with the right password, and told how long to wait.
            Reply limited = two.client().post(Protocol.LOGIN, null, new LoginRequest("ANA", "ana's password", null));
            assertError(limited, 429, ApiError.RATE_LIMITED);
            assertEquals(Integer.valueOf(900), limited.error().retryAfterSeconds());
            assertEquals("900", limited.header("Retry-After"));
            // Another account from the same address still gets in, until the address's own limit.
            assertEquals("bo", one.client().login("bo", "bo's password").account().user());
            for (int i = 0; i < 2; i++) {
                assertError(both[i % 2].post(Protocol.LOGIN, null, new LoginRequest("nobody", "x", null)), 401, ApiError.BAD_CREDENTIALS);
            }
            assertError(one.client().post(Protocol.LOGIN, null, new LoginRequest("bo", "bo's password", null)), 429, ApiError.RATE_LIMITED);

            clock.advance(Duration.ofMinutes(16));
            assertEquals("ana", two.client().login("ana", "ana's password").account().user());
        }
    }

    private static void limits(campus.server.ServerConfig c, TestClock clock) {
        c.clock = clock;
        c.loginLimitPerAccount = new LoginLimiter.Limit(3, Duration.ofMinutes(15));
        c.loginLimitPerAddress = new LoginLimiter.Limit(5, Duration.ofMinutes(15));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aPasswordChangeSignsOutTheOtherDevicesAndLogoutRevokesTheToken(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestServer s = TestServer.start(db)) {
            TestClient c = s.client();
            Session laptop = c.newAccount(s.adminToken(), "learner", "ana", "ana's password");
            Session phone = c.login("ana", "ana's password");
            assertError(c.post(Protocol.PASSWORD, laptop.token(), new PasswordChange("not it", "new password!")), 403, ApiError.BAD_CREDENTIALS);
            TestClient.expect(c.post(Protocol.PASSWORD, laptop.token(), new PasswordChange("ana's password", "new password!")), 204);
            assertError(c.get(Protocol.ACCOUNT, phone.token()), 401, ApiError.TOKEN_REVOKED);
            assertEquals(200, c.get(Protocol.ACCOUNT, laptop.token()).status());
            assertError(c.post(Protocol.LOGIN, null, new LoginRequest("ana", "ana's password", null)), 401, ApiError.BAD_CREDENTIALS);
            TestClient.expect(c.post(Protocol.LOGOUT, laptop.token(), null), 204);
            assertError(c.get(Protocol.ACCOUNT, laptop.token()), 401, ApiError.TOKEN_REVOKED);
            try (Statement st = db.connect().createStatement();
                 ResultSet r = st.executeQuery("SELECT COUNT(*) FROM tokens WHERE token_hash = '" + laptop.token() + "'")) {
                r.next();
                assertEquals(0, r.getInt(1), "tokens are stored as hashes only");
            }
        }
    }

    static void assertError(Reply r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.error().error(), r.body());
    }
}
