package campus.server.auth;

import campus.progress.sync.protocol.Accounts.Session;
import campus.progress.sync.protocol.ApiError;
import campus.server.db.Database;
import campus.server.http.ApiException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bearer tokens. The database keeps only each token's SHA-256, with its account, expiry and revocation, and
 * every request looks its token up there: a logout or a revocation holds at once on every server instance.
 */
public final class Tokens {

    /** Expired and revoked tokens are kept this long, so their holder hears why, then deleted. */
    static final long KEEP_AFTER_EXPIRY_MS = Duration.ofDays(30).toMillis();

    private final Database db;
    private final Clock clock;
    private final Duration ttl;

    public Tokens(Database db, Clock clock, Duration ttl) {
        this.db = db;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A new token for the account, inside the caller's transaction. */
    public Session issue(Connection c, Account account, String device) throws SQLException {
        String token = Secrets.token();
        long now = clock.millis();
        long expires = now + ttl.toMillis();
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO tokens (token_hash, account_id, device_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, Secrets.sha256(token));
            s.setString(2, account.id());
            s.setString(3, device);
            s.setLong(4, now);
            s.setLong(5, expires);
            s.executeUpdate();
        }
        if (ThreadLocalRandom.current().nextInt(64) == 0) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM tokens WHERE expires_at < ?")) {
                s.setLong(1, now - KEEP_AFTER_EXPIRY_MS);
                s.executeUpdate();
            }
        }
        return new Session(token, account.info(), Instant.ofEpochMilli(expires).toString());
    }

    /** The principal of an {@code Authorization: Bearer …} header; 401 with the reason otherwise. */
    public Principal authenticate(String authorization) throws SQLException {
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthenticated(ApiError.UNAUTHENTICATED, "sign in first: this request needs a bearer token");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() > 256) {
            throw ApiException.unauthenticated(ApiError.UNAUTHENTICATED, "the Authorization header must be 'Bearer <token>'");
        }
        String hash = Secrets.sha256(authorization.substring(7).trim());
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT t.expires_at, t.revoked_at, a.id, a.user_name, a.account_role FROM tokens t"
                            + " JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = ?")) {
                s.setString(1, hash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw ApiException.unauthenticated(ApiError.UNAUTHENTICATED, "this token is not known here; sign in again");
                    }
                    r.getLong(2);
                    if (!r.wasNull()) {
                        throw ApiException.unauthenticated(ApiError.TOKEN_REVOKED, "this token was revoked (signed out); sign in again");
                    }
                    if (r.getLong(1) <= clock.millis()) {
                        throw ApiException.unauthenticated(ApiError.TOKEN_EXPIRED, "this token has expired; sign in again");
                    }
                    return new Principal(r.getString(3), r.getString(4), Role.of(r.getString(5)), hash);
                }
            }
        });
    }

    public void revoke(String tokenHash) throws SQLException {
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")) {
                s.setLong(1, clock.millis());
                s.setString(2, tokenHash);
                return s.executeUpdate();
            }
        });
    }

    /** Revokes every token of the account but {@code keepHash} (null: all of them). */
    public void revokeAll(Connection c, String accountId, String keepHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL AND token_hash <> ?")) {
            s.setLong(1, clock.millis());
            s.setString(2, accountId);
            s.setString(3, keepHash == null ? "" : keepHash);
            s.executeUpdate();
        }
    }
}
