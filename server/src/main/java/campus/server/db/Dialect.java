package campus.server.db;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The database families the server runs on. They differ only in the JDBC URL's options, the schema's column
 * types (one Flyway folder each) and how a duplicate key is reported; every query is the same SQL on all of
 * them (docs/decisions/0006-server-database-portability.md).
 */
public enum Dialect {
    H2("h2"),
    POSTGRESQL("postgresql"),
    /** MySQL, MariaDB and TiDB, through MariaDB Connector/J. */
    MYSQL("mysql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    public static Dialect of(String jdbcUrl) {
        String u = jdbcUrl.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl
                + "': use jdbc:h2:…, jdbc:postgresql://…, jdbc:mysql://… or jdbc:mariadb://…");
    }

    /** Where this family's Flyway migrations are. */
    public String migrations() {
        return "classpath:campus/server/db/" + folder;
    }

    /** The URL with the options the server relies on added where the user did not set them. */
    public String tune(String url) {
        switch (this) {
            case POSTGRESQL:
                // One multi-row INSERT per pushed chunk instead of one round trip per event.
                return withOption(url, "reWriteBatchedInserts", "true", '?', '&');
            case MYSQL:
                // MariaDB Connector/J speaks to MySQL and TiDB too, but takes jdbc:mysql: only when asked to.
                return url.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql:")
                        ? withOption(url, "permitMysqlScheme", "true", '?', '&') : url;
            case H2:
                // An acknowledged push must survive the server being killed: H2 otherwise keeps up to 500 ms of
                // commits in memory. Only an embedded file database is the server's to tune.
                return url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:") && !url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")
                        ? url + ";WRITE_DELAY=0" : url;
            default:
                return url;
        }
    }

    private static String withOption(String url, String key, String value, char first, char next) {
        if (url.contains(key + "=")) {
            return url;
        }
        return url + (url.indexOf(first) >= 0 ? next : first) + key + "=" + value;
    }

    /** A unique key was violated: the row is already there (another instance, a retried request). */
    public static boolean isDuplicateKey(SQLException e) {
        return any(e, s -> "23505".equals(s.getSQLState()) || s.getErrorCode() == 1062);
    }

    private static boolean any(SQLException e, Predicate<SQLException> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Throwable> todo = new ArrayDeque<>();
        todo.push(e);
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException) {
                SQLException s = (SQLException) t;
                if (test.test(s)) {
                    return true;
                }
                if (s.getNextException() != null) {
                    todo.push(s.getNextException());
                }
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
        }
        return false;
    }

    /** Deadlock, lock wait timeout or serialization failure: the transaction may simply be run again. */
    public static boolean isRetryable(SQLException e) {
        return any(e, s -> {
            String state = s.getSQLState();
            return "40001".equals(state) || "40P01".equals(state) || s.getErrorCode() == 1213 || s.getErrorCode() == 1205
                    || (state != null && state.startsWith("HYT"));
        });
    }
}
