package campus.server.cli;

import campus.server.ProgressServer;
import campus.server.ServerConfig;
import campus.server.auth.AdminBootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code campus server [options]}: runs the progress server until the process is stopped (Ctrl+C or a
 * signal). Exit status: 1 when it cannot start (the message says why), 2 for a usage error.
 */
public final class ServerCommand {

    private ServerCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        ServerConfig config;
        try {
            config = parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("campus server: " + e.getMessage());
            usage(err);
            return 2;
        }
        if (config == null) {
            usage(out);
            return 0;
        }
        ProgressServer server;
        try {
            server = ProgressServer.start(config);
        } catch (SQLException e) {
            err.println("campus server: cannot use the database " + redact(config.effectiveDbUrl()) + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("campus server: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "campus-server-stop"));
        if (server.adminPasswordFile() != null) {
            out.println("Campus server: the account '" + AdminBootstrap.USER + "' has a one-time password in "
                    + server.adminPasswordFile() + " (readable by you only; it works for one login)");
        }
        out.println("Campus server: data in " + config.dataDir + ", database " + server.database().product()
                + (config.dbUrl == null ? " (embedded)" : " at " + redact(config.dbUrl)));
        out.println("Campus server listening on " + server.url());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The options as a configuration; null for {@code --help}. */
    static ServerConfig parse(List<String> args, Map<String, String> env) {
        ServerConfig c = new ServerConfig();
        c.dbPassword = env.get("CAMPUS_DB_PASSWORD");
        c.tlsKeyStorePassword = env.get("CAMPUS_TLS_KEYSTORE_PASSWORD");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--help": case "-h": return null;
                case "--port": c.port = number(a, value(args, ++i, a), 0, 65535); break;
                case "--host": c.host = value(args, ++i, a); break;
                case "--data": c.dataDir = Paths.get(value(args, ++i, a)); break;
                case "--db": c.dbUrl = value(args, ++i, a); break;
                case "--db-user": c.dbUser = value(args, ++i, a); break;
                case "--db-pool": c.dbPoolSize = number(a, value(args, ++i, a), 1, 500); break;
                case "--tls-cert": c.tlsCert = Paths.get(value(args, ++i, a)); break;
                case "--tls-key": c.tlsKey = Paths.get(value(args, ++i, a)); break;
                case "--tls-keystore": c.tlsKeyStore = Paths.get(value(args, ++i, a)); break;
                case "--token-days": c.tokenLifetime = Duration.ofDays(number(a, value(args, ++i, a), 1, 3650)); break;
                case "--trust-forwarded-for": c.trustForwardedFor = true; break;
                case "--reset-admin": c.resetAdmin = true; break;
                default: throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if ((c.tlsCert == null) != (c.tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        if (c.tlsCert != null && c.tlsKeyStore != null) {
            throw new IllegalArgumentException("give either --tls-cert/--tls-key or --tls-keystore, not both");
        }
        if (c.dbUrl != null) {
            try {
                campus.server.db.Dialect.of(c.dbUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--db: " + e.getMessage());
            }
        }
        if (c.dataDir == null) {
            c.dataDir = defaultDataDir(env);
        }
        return c;
    }

    static Path defaultDataDir(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Paths.get(xdg, "campus-server");
        }
        return Paths.get(System.getProperty("user.home"), ".campus-server");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int number(String option, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // Falls through to the message.
        }
        throw new IllegalArgumentException(option + " takes a number from " + min + " to " + max + ", not '" + v + "'");
    }

    /** The URL without a password given in it, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }

    static void usage(PrintStream s) {
        s.println("usage: campus server [--port N] [--host H] [--data DIR] [--db JDBC-URL [--db-user U] [--db-pool N]]");
        s.println("                     [--tls-cert FILE --tls-key FILE | --tls-keystore FILE] [--token-days N]");
        s.println("                     [--trust-forwarded-for] [--reset-admin]");
        s.println("  --port N        port to listen on (default 8080; 0 picks a free one)");
        s.println("  --host H        address to listen on (default 127.0.0.1; 0.0.0.0 serves the whole network)");
        s.println("  --data DIR      the server's folder: embedded database, first admin's password file");
        s.println("                  (default $XDG_DATA_HOME/campus-server or ~/.campus-server)");
        s.println("  --db URL        jdbc:postgresql://…, jdbc:mysql://… or jdbc:mariadb://… (MySQL, MariaDB, TiDB)");
        s.println("                  instead of the embedded H2; password from CAMPUS_DB_PASSWORD or in the URL");
        s.println("  --tls-cert/--tls-key  PEM certificate chain and private key: serve https");
        s.println("  --tls-keystore  a PKCS#12 or JKS key store instead (password from CAMPUS_TLS_KEYSTORE_PASSWORD)");
        s.println("  --token-days N  how long a sign-in lasts (default 30)");
        s.println("  --trust-forwarded-for  behind a load balancer: the client's address is X-Forwarded-For's last entry");
        s.println("  --reset-admin   write a new one-time password for the account 'admin' to the data folder");
    }
}
