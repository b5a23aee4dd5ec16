package campus.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.flywaydb.core.Flyway;

/**
 * The server's one database: a HikariCP pool, the schema brought up to date by Flyway at start, and the two
 * ways to use it, a single statement or an explicit transaction. Nothing here keeps state between requests,
 * so any number of server instances can share the database.
 */
public final class Database implements AutoCloseable {

    /** Work done on one connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static final int ATTEMPTS = 3;

    /** Below this much free space the disk of an embedded database counts as full. */
    static final long LOW_SPACE = 1 << 20;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String product;
    /** The folder of an embedded H2 file database, whose free space the server can see; null for a database server. */
    private final Path embeddedFolder;

    private Database(HikariDataSource pool, Dialect dialect, String product, Path embeddedFolder) {
        this.pool = pool;
        this.dialect = dialect;
        this.product = product;
        this.embeddedFolder = embeddedFolder;
    }

    /**
     * Opens the pool and migrates the schema. Fails with an {@link SQLException} whose message says what is
     * wrong when the database cannot be reached or migrated.
     */
    public static Database open(String url, String user, String password, int poolSize) throws SQLException {
        Dialect dialect = Dialect.of(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("campus-db");
        config.setJdbcUrl(dialect.tune(url));
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        // A request waits this long for a connection before the server answers 503; a database that is down
        // must not hold learners' requests for the pool's default 30 s.
        config.setConnectionTimeout(10_000);
        config.setValidationTimeout(2_000);
        // Read committed everywhere (MySQL and MariaDB default to repeatable read): a push that waited for a
        // device's row lock must then see the events the other transaction committed.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Start even when the database is briefly away; the first query says so then.
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            String product;
            try (Connection c = pool.getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            }
            Flyway.configure().dataSource(pool).locations(dialect.migrations()).load().migrate();
            return new Database(pool, dialect, product, embeddedFolder(url));
        } catch (SQLException e) {
            pool.close();
            throw e;
        } catch (RuntimeException e) {
            pool.close();
            throw new SQLException("the database schema could not be brought up to date: " + e.getMessage(), e);
        }
    }

    private static Path embeddedFolder(String url) {
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:")) {
            return null;
        }
        String file = url.substring("jdbc:h2:file:".length());
        int options = file.indexOf(';');
        Path p = Path.of(options < 0 ? file : file.substring(0, options)).toAbsolutePath().getParent();
        return p;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Product name and version, e.g. {@code PostgreSQL 15.18}. */
    public String product() {
        return product;
    }

    public HikariPoolMXBean pool() {
        return pool.getHikariPoolMXBean();
    }

    /** One or more statements in auto-commit mode: each is its own transaction. */
    public <T> T read(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            try {
                return work.run(c);
            } catch (SQLException e) {
                evictIfBroken(c, e);
                throw e;
            }
        }
    }

    /**
     * Drops a connection the database side has lost. HikariCP does so itself for the SQL states it knows, not
     * for H2's "database closed" over TCP, which would otherwise stay in the pool and fail every request after
     * the database came back.
     */
    private void evictIfBroken(Connection c, SQLException e) {
        if (isUnavailable(e) || isStorageFull(e)) {
            pool.evictConnection(c);
            if (embeddedFolder != null) {
                // H2 closes an embedded database it could not write (a full disk) for every connection, and opens the
                // file again only once all of them are gone: replace them all, so it does when there is room again.
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        }
    }

    /**
     * Runs the work in one transaction and commits it; rolls back on any failure. A deadlock or serialization
     * failure (another instance touched the same rows) runs it again, at most three times in all.
     */
    public <T> T transaction(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    rollbackQuietly(c, e);
                    evictIfBroken(c, e);
                    throw e;
                } catch (RuntimeException e) {
                    rollbackQuietly(c, e);
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !Dialect.isRetryable(e)) {
                    throw e;
                }
            }
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Whether the failure means the database's storage is full (503, "storage full"): the database says so (PostgreSQL
     * 53100, MySQL/MariaDB 1021 and 1114, a "No space left on device" anywhere in the chain), or the database is
     * embedded and the disk of its folder has less than 1 MiB left (H2 then reports only that it closed the database).
     */
    public boolean storageFull(Throwable t) {
        return isStorageFull(t) || (embeddedFolder != null && (isUnavailable(t) || t instanceof SQLException) && embeddedDiskFull());
    }

    /** For an embedded database: whether the disk of its folder is (all but) full now. False for a database server. */
    public boolean embeddedDiskFull() {
        if (embeddedFolder == null) {
            return false;
        }
        try {
            return Files.getFileStore(embeddedFolder).getUsableSpace() < LOW_SPACE;
        } catch (IOException | RuntimeException unknown) {
            return false;
        }
    }

    static boolean isStorageFull(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
            String m = e.getMessage();
            if (m != null && (m.contains("No space left") || m.contains("Disk full") || m.contains("ENOSPC"))) {
                return true;
            }
            if (e instanceof SQLException) {
                SQLException s = (SQLException) e;
                if ("53100".equals(s.getSQLState()) || s.getErrorCode() == 1021 || s.getErrorCode() == 1114) {
                    return true;
                }
                if (s.getNextException() != null && s.getNextException() != s && isStorageFull(s.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the failure means the database is unreachable (503), not that a statement was wrong (500). */
    public static boolean isUnavailable(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                    || e instanceof SQLRecoverableException || e instanceof java.net.SocketException) {
                return true;
            }
            if (e instanceof SQLException) {
                SQLException s = (SQLException) e;
                String state = s.getSQLState();
                if (state != null && state.startsWith("08")) {
                    return true;
                }
                // H2: connection broken, database closed.
                int code = s.getErrorCode();
                if (code == 90067 || code == 90098 || code == 90121) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        pool.close();
    }
}
