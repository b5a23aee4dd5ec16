package campus.server;

import campus.server.auth.LoginLimiter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How a progress server runs, set once before it starts ({@code ./campus server} fills it from its options,
 * tests directly). The defaults run with no set-up: loopback, an embedded H2 file database in {@link #dataDir}.
 */
public final class ServerConfig {

    /** Loopback by default: serving a classroom's LAN is a choice ({@code --host 0.0.0.0}), best made with TLS. */
    public String host = "127.0.0.1";
    /** 0 picks a free port. */
    public int port = 8080;
    /** Holds the embedded database (unless {@link #dbUrl} is set) and the first admin's password file. */
    public Path dataDir;
    /** Null: the embedded H2 database in {@link #dataDir}. */
    public String dbUrl;
    public String dbUser;
    public String dbPassword;
    public int dbPoolSize = 10;

    /** PEM certificate chain and key, or a key store; neither: plain HTTP. */
    public Path tlsCert;
    public Path tlsKey;
    public Path tlsKeyStore;
    public String tlsKeyStorePassword;

    public Duration tokenLifetime = Duration.ofDays(30);
    public LoginLimiter.Limit loginLimitPerAccount = LoginLimiter.ACCOUNT;
    public LoginLimiter.Limit loginLimitPerAddress = LoginLimiter.ADDRESS;
    /** Take the client's address from the last {@code X-Forwarded-For} entry (behind a load balancer). */
    public boolean trustForwardedFor;
    /** Write a new one-time password for the admin at start. */
    public boolean resetAdmin;

    public Clock clock = Clock.systemUTC();

    public boolean tls() {
        return tlsCert != null || tlsKeyStore != null;
    }

    /** The embedded database's URL in {@code dataDir}. */
    public String effectiveDbUrl() {
        if (dbUrl != null) {
            return dbUrl;
        }
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("progress").toString().replace('\\', '/');
    }
}
