package campus.server.auth;

import campus.progress.sync.protocol.Accounts.AccountInfo;
import campus.progress.sync.protocol.Accounts.Invitation;
import campus.progress.sync.protocol.Accounts.Session;
import campus.progress.sync.protocol.ApiError;
import campus.server.db.Database;
import campus.server.db.Dialect;
import campus.server.http.ApiException;
import campus.server.http.Fields;
import com.google.gson.JsonObject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

/** Sign-up, login, logout, password changes and invitations: the account side of the API. */
public final class AccountService {

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 1024;
    static final int DEVICE_MAX = 64;
    static final long DEFAULT_INVITE_HOURS = 7 * 24;
    static final long MAX_INVITE_HOURS = 90 * 24;

    private final Database db;
    private final Clock clock;
    private final Passwords passwords;
    private final Tokens tokens;
    private final LoginLimiter limiter;
    private final Runnable oneTimePasswordUsed;

    public AccountService(Database db, Clock clock, Passwords passwords, Tokens tokens, LoginLimiter limiter,
                          Runnable oneTimePasswordUsed) {
        this.db = db;
        this.clock = clock;
        this.passwords = passwords;
        this.tokens = tokens;
        this.limiter = limiter;
        this.oneTimePasswordUsed = oneTimePasswordUsed;
    }

    public Session signup(JsonObject body, String address) throws SQLException {
        String invite = Fields.text(body, "invite", "", true, 64);
        String user = Fields.text(body, "user", "", true, Account.MAX_NAME);
        String password = Fields.text(body, "password", "", true, MAX_PASSWORD);
        String device = Fields.text(body, "device", "", false, DEVICE_MAX);
        String nameProblem = Account.nameProblem(user);
        if (nameProblem != null) {
            throw ApiException.badRequest("user: " + nameProblem);
        }
        checkStrength(user, password);
        limiter.check(null, address);
        String hash = passwords.hash(password);
        long now = clock.millis();
        String id = UUID.randomUUID().toString();
        try {
            return db.transaction(c -> {
                Invitations.Grant grant = Invitations.take(c, invite, user, id, now);
                if (grant == null) {
                    throw new ApiException(ApiError.INVITE_INVALID,
                            "this invitation code is unknown, already used, expired or meant for another user", 403);
                }
                Account account = new Account(id, user, grant.role(), hash, false, now);
                account.insert(c);
                return tokens.issue(c, account, device);
            });
        } catch (ApiException e) {
            if (ApiError.INVITE_INVALID.equals(e.error().error())) {
                limiter.failed(null, address);
            }
            throw e;
        } catch (SQLException e) {
            if (Dialect.isDuplicateKey(e)) {
                throw new ApiException(ApiError.USER_TAKEN, "the user name '" + user + "' is taken; choose another", 409);
            }
            throw e;
        }
    }

    public Session login(JsonObject body, String address) throws SQLException {
        String user = Fields.text(body, "user", "", true, Account.MAX_NAME);
        String password = Fields.text(body, "password", "", true, MAX_PASSWORD);
        String device = Fields.text(body, "device", "", false, DEVICE_MAX);
        limiter.check(user, address);
        Account account = db.read(c -> Account.byName(c, user));
        if (account == null) {
            passwords.burn(password);
        }
        if (account == null || !passwords.verify(password, account.passwordHash())) {
            limiter.failed(user, address);
            throw badCredentials();
        }
        Session session = db.transaction(c -> {
            if (account.passwordOnce() && !Account.replacePassword(c, account.id(), account.passwordHash(), null, false)) {
                throw badCredentials();
            }
            return tokens.issue(c, account, device);
        });
        if (account.passwordOnce()) {
            oneTimePasswordUsed.run();
        }
        limiter.succeeded(user);
        return session;
    }

    private static ApiException badCredentials() {
        return new ApiException(ApiError.BAD_CREDENTIALS, "wrong user name or password", 401);
    }

    public void logout(Principal p) throws SQLException {
        tokens.revoke(p.tokenHash());
    }

    public AccountInfo account(Principal p) {
        return new AccountInfo(p.accountId(), p.user(), p.role().wire());
    }

    /**
     * Sets a new password; the current one is needed unless the account has none (its one-time password was
     * used). Every other token of the account is revoked: a password change signs out the other devices.
     */
    public void changePassword(Principal p, JsonObject body, String address) throws SQLException {
        String current = Fields.text(body, "current", "", false, MAX_PASSWORD);
        String password = Fields.text(body, "password", "", true, MAX_PASSWORD);
        checkStrength(p.user(), password);
        Account account = db.read(c -> Account.byId(c, p.accountId()));
        if (account.passwordHash() != null) {
            limiter.check(p.user(), address);
            if (current == null || !passwords.verify(current, account.passwordHash())) {
                limiter.failed(p.user(), address);
                throw new ApiException(ApiError.BAD_CREDENTIALS, "the current password is wrong", 403);
            }
        }
        String hash = passwords.hash(password);
        db.transaction(c -> {
            if (!Account.replacePassword(c, p.accountId(), account.passwordHash(), hash, false)) {
                throw new ApiException(ApiError.BAD_REQUEST, "the password was changed meanwhile; try again", 409);
            }
            tokens.revokeAll(c, p.accountId(), p.tokenHash());
            return null;
        });
        if (account.passwordOnce()) {
            oneTimePasswordUsed.run();
        }
    }

    public Invitation invite(Principal p, JsonObject body) throws SQLException {
        String roleName = Fields.text(body, "role", "", false, 16);
        Role role = roleName == null ? Role.LEARNER : Role.of(roleName);
        if (role == null) {
            throw ApiException.badRequest("role: must be learner, instructor or admin, not '" + roleName + "'");
        }
        if (!p.role().mayInvite(role)) {
            throw ApiException.forbidden(p.role() == Role.INSTRUCTOR
                    ? "an instructor invites learners only" : "this account may not invite anyone");
        }
        String user = Fields.text(body, "user", "", false, Account.MAX_NAME);
        if (user != null && Account.nameProblem(user) != null) {
            throw ApiException.badRequest("user: " + Account.nameProblem(user));
        }
        long hours = Fields.whole(body, "expiresInHours", "", 1, MAX_INVITE_HOURS, DEFAULT_INVITE_HOURS);
        long now = clock.millis();
        return db.transaction(c -> Invitations.create(c, p, role, user, now, now + hours * 3_600_000L));
    }

    private static void checkStrength(String user, String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new ApiException(ApiError.WEAK_PASSWORD, "a password has at least " + MIN_PASSWORD + " characters", 400);
        }
        if (Account.key(password).equals(Account.key(user))) {
            throw new ApiException(ApiError.WEAK_PASSWORD, "the password must not be the user name", 400);
        }
    }
}
