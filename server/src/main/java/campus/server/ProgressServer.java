package campus.server;

import campus.progress.sync.protocol.Protocol;
import campus.server.auth.AccountService;
import campus.server.auth.AdminBootstrap;
import campus.server.auth.LoginLimiter;
import campus.server.auth.Passwords;
import campus.server.auth.Tokens;
import campus.server.db.Database;
import campus.server.http.JsonErrorHandler;
import campus.server.http.Metrics;
import campus.server.http.Tls;
import campus.server.sync.EventStore;
import campus.server.sync.Pull;
import io.javalin.Javalin;
import io.javalin.json.JavalinGson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running progress server: the database (migrated at start), the first admin, and the HTTP API on one
 * connector, plain or TLS. Requests keep nothing in memory that another instance would need.
 */
public final class ProgressServer implements AutoCloseable {

    private final Javalin app;
    private final Database db;
    private final String url;
    private final Path adminPasswordFile;

    private ProgressServer(Javalin app, Database db, String url, Path adminPasswordFile) {
        this.app = app;
        this.db = db;
        this.url = url;
        this.adminPasswordFile = adminPasswordFile;
    }

    /**
     * Starts the server and returns once it accepts requests. Fails with an exception whose message says what
     * to fix: the database unreachable, the port taken, a TLS file unreadable.
     */
    public static ProgressServer start(ServerConfig config) throws IOException, SQLException {
        Files.createDirectories(config.dataDir);
        SslContextFactory.Server ssl = config.tlsKeyStore != null ? Tls.fromKeyStore(config.tlsKeyStore, config.tlsKeyStorePassword)
                : config.tlsCert != null ? Tls.fromPem(config.tlsCert, config.tlsKey) : null;
        Database db = Database.open(config.effectiveDbUrl(), config.dbUser, config.dbPassword, config.dbPoolSize);
        try {
            Passwords passwords = new Passwords();
            Tokens tokens = new Tokens(db, config.clock, config.tokenLifetime);
            Path adminFile = AdminBootstrap.ensureAdmin(db, passwords, tokens, config.clock, config.dataDir, config.resetAdmin);
            LoginLimiter limiter = new LoginLimiter(db, config.clock, config.loginLimitPerAccount, config.loginLimitPerAddress);
            AccountService accounts = new AccountService(db, config.clock, passwords, tokens, limiter,
                    () -> AdminBootstrap.forget(config.dataDir));
            Metrics metrics = new Metrics();
            Api api = new Api(config, db, tokens, accounts, new EventStore(db, config.clock), new Pull(db, config.clock),
                    metrics, version());
            Javalin app = Javalin.create(cfg -> {
                cfg.showJavalinBanner = false;
                cfg.startupWatcherEnabled = false;
                cfg.jsonMapper(new JavalinGson(Protocol.gson(), false));
                cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
                // A few request threads per database connection: a burst of a whole class waits in Jetty's queue
                // instead of in hundreds of threads all asking the pool for a connection (and timing out, 503).
                cfg.jetty.threadPool = new QueuedThreadPool(Math.max(16, 3 * config.dbPoolSize), 8, 60_000);
                cfg.jetty.addConnector((server, http) -> connector(server, http, config, ssl));
                cfg.requestLogger.http((ctx, ms) -> metrics.request(ctx.method().name(), route(ctx), ctx.statusCode(), ms / 1000.0));
            });
            api.install(app);
            try {
                app.start();
            } catch (RuntimeException e) {
                throw new IOException("cannot listen on " + config.host + ":" + config.port + ": " + rootMessage(e), e);
            }
            int port = ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
            String url = (ssl != null ? "https" : "http") + "://" + config.host + ":" + port;
            return new ProgressServer(app, db, url, adminFile);
        } catch (IOException | SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static ServerConnector connector(org.eclipse.jetty.server.Server server, HttpConfiguration http, ServerConfig config,
                                             SslContextFactory.Server ssl) {
        ServerConnector c;
        if (ssl == null) {
            c = new ServerConnector(server, new HttpConnectionFactory(http));
        } else {
            HttpConfiguration https = new HttpConfiguration(http);
            // No SNI host check: clients reach a classroom server by its address as often as by its name.
            https.addCustomizer(new SecureRequestCustomizer(false));
            c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        }
        c.setHost(config.host);
        c.setPort(config.port);
        return c;
    }

    /** A matched route's template; one label for everything unmatched, so a scanner cannot grow the metrics. */
    private static String route(io.javalin.http.Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path.startsWith("/") ? path : "unmatched";
        } catch (IllegalStateException e) {
            // No endpoint ran: none matches the path (404), or the request was refused before (426, an old protocol).
            return ctx.statusCode() == 404 ? "unmatched" : "refused-before-routing";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = ProgressServer.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // Falls back to "unknown": the version is information, not something a request depends on.
        }
        return p.getProperty("version", "unknown");
    }

    /** Where the server answers, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        return url;
    }

    public int port() {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    /** The first admin's one-time password file if this start wrote one, else null. */
    public Path adminPasswordFile() {
        return adminPasswordFile;
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            db.close();
        }
    }
}
