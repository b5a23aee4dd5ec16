package campus.server.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test, of one of the kinds the server supports: embedded H2 (a file in a
 * temporary folder), PostgreSQL (a new schema) or MariaDB (a new database). PostgreSQL and MariaDB come from
 * the servers {@code .ci/run} starts, named by {@value #POSTGRES_ENV} and {@value #MARIADB_ENV}; where they are
 * not set the test is skipped with a message saying how to run it, unless {@value #REQUIRED_ENV} is set (as in
 * CI), where it fails instead.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_ENV = "CAMPUS_TEST_POSTGRES_URL";
    public static final String MARIADB_ENV = "CAMPUS_TEST_MARIADB_URL";
    public static final String REQUIRED_ENV = "CAMPUS_TEST_DATABASES_REQUIRED";

    /** The kinds every integration test runs on. */
    public static final List<String> KINDS = List.of("h2", "postgresql", "mariadb");

    private final String kind;
    private final String url;
    private final String adminUrl;
    private final String name;
    private final Path dir;

    private TestDatabase(String kind, String url, String adminUrl, String name, Path dir) {
        this.kind = kind;
        this.url = url;
        this.adminUrl = adminUrl;
        this.name = name;
        this.dir = dir;
    }

    public static TestDatabase create(String kind) throws Exception {
        String name = "campus_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        switch (kind) {
            case "h2": {
                Path dir = Files.createTempDirectory("campus-h2-");
                return new TestDatabase(kind, "jdbc:h2:file:" + dir.resolve("progress").toString().replace('\\', '/'), null, name, dir);
            }
            case "postgresql": {
                String base = configured(POSTGRES_ENV, "PostgreSQL");
                try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + name);
                }
                return new TestDatabase(kind, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name, base, name, null);
            }
            case "mariadb": {
                String base = configured(MARIADB_ENV, "MariaDB");
                try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                }
                return new TestDatabase(kind, base.replaceFirst("(//[^/]+/)[^?;]*", "$1" + name), base, name, null);
            }
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    private static String configured(String env, String product) {
        String url = System.getenv(env);
        if (url == null || url.isBlank()) {
            String how = product + " is not configured: set " + env + " to a JDBC URL with user and password of a "
                    + "database the tests may create " + (product.equals("PostgreSQL") ? "schemas" : "databases")
                    + " in, or run .ci/run, which installs and starts it";
            if (System.getenv(REQUIRED_ENV) != null) {
                throw new IllegalStateException(how + " (" + REQUIRED_ENV + " is set: these tests must run here)");
            }
            Assumptions.abort(how);
        }
        return url;
    }

    public String kind() {
        return kind;
    }

    /** The JDBC URL, user and password included. */
    public String url() {
        return url;
    }

    /** A folder for the server's data (its own for H2, a new one otherwise). */
    public Path dataDir() throws Exception {
        return dir != null ? dir : Files.createTempDirectory("campus-server-");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public String toString() {
        return kind.toUpperCase(Locale.ROOT);
    }

    @Override
    public void close() throws SQLException {
        if (adminUrl == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(kind.equals("postgresql") ? "DROP SCHEMA " + name + " CASCADE" : "DROP DATABASE " + name);
        }
    }
}
