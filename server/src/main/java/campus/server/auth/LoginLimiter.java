package campus.server.auth;

import campus.progress.sync.protocol.ApiError;
import campus.server.db.Database;
import campus.server.db.Dialect;
import campus.server.http.ApiException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Failed logins (and sign-ups with a bad invitation) counted per account and per client address in fixed
 * windows, in the database, so the limit holds whichever instance a guess reaches. Past the limit a request
 * is refused with 429 before its password is even hashed, until the window ends. A successful login clears
 * the account's count, not the address's.
 */
public final class LoginLimiter {

    /** At most {@code failures} failures in {@code window}. */
    public record Limit(int failures, Duration window) {
    }

    public static final Limit ACCOUNT = new Limit(10, Duration.ofMinutes(15));
    /** A classroom behind one address makes typos too: high enough for 300 learners, far too low to guess with. */
    public static final Limit ADDRESS = new Limit(100, Duration.ofMinutes(15));

    private final Database db;
    private final Clock clock;
    private final Limit perAccount;
    private final Limit perAddress;

    public LoginLimiter(Database db, Clock clock, Limit perAccount, Limit perAddress) {
        this.db = db;
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    static String accountKey(String user) {
        return "account:" + Account.key(user);
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** 429 with the seconds to wait when the account (may be null) or the address is over its limit. */
    public void check(String user, String address) throws SQLException {
        long now = clock.millis();
        long wait = Math.max(user == null ? 0 : waitMs(accountKey(user), perAccount, now), waitMs(addressKey(address), perAddress, now));
        if (wait > 0) {
            int seconds = (int) Math.max(1, (wait + 999) / 1000);
            throw new ApiException(new ApiError(ApiError.RATE_LIMITED,
                    "too many failed attempts; try again in " + seconds + " s", 429, null, null, null, seconds));
        }
    }

    private long waitMs(String key, Limit limit, long now) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT window_start, failures FROM login_limits WHERE limit_key = ?")) {
                s.setString(1, key);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return 0L;
                    }
                    long end = r.getLong(1) + limit.window().toMillis();
                    return r.getInt(2) >= limit.failures() && end > now ? end - now : 0L;
                }
            }
        });
    }

    public void failed(String user, String address) throws SQLException {
        long now = clock.millis();
        if (user != null) {
            count(accountKey(user), perAccount, now);
        }
        count(addressKey(address), perAddress, now);
        if (ThreadLocalRandom.current().nextInt(64) == 0) {
            db.read(c -> {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM login_limits WHERE window_start < ?")) {
                    s.setLong(1, now - Math.max(perAccount.window().toMillis(), perAddress.window().toMillis()));
                    return s.executeUpdate();
                }
            });
        }
    }

    public void succeeded(String user) throws SQLException {
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM login_limits WHERE limit_key = ?")) {
                s.setString(1, accountKey(user));
                return s.executeUpdate();
            }
        });
    }

    /** One more failure under {@code key}: a new window if the last one ended. Portable upsert, retried once. */
    private void count(String key, Limit limit, long now) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                db.transaction(c -> increment(c, key, now - limit.window().toMillis(), now) || insert(c, key, now));
                return;
            } catch (SQLException e) {
                if (attempt > 0 || !Dialect.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean increment(Connection c, String key, long windowEnded, long now) throws SQLException {
        // failures is assigned before window_start: MySQL evaluates assignments left to right with new values.
        try (PreparedStatement s = c.prepareStatement("UPDATE login_limits"
                + " SET failures = CASE WHEN window_start <= ? THEN 1 ELSE failures + 1 END,"
                + " window_start = CASE WHEN window_start <= ? THEN ? ELSE window_start END WHERE limit_key = ?")) {
            s.setLong(1, windowEnded);
            s.setLong(2, windowEnded);
            s.setLong(3, now);
            s.setString(4, key);
            return s.executeUpdate() == 1;
        }
    }

    private static boolean insert(Connection c, String key, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO login_limits (limit_key, window_start, failures) VALUES (?, ?, 1)")) {
            s.setString(1, key);
            s.setLong(2, now);
            return s.executeUpdate() == 1;
        }
    }
}
