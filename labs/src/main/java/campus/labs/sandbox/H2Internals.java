package campus.labs.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import org.h2.command.Prepared;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.message.DbException;
import org.h2.table.Table;

/**
 * The only place that uses H2's internal (non-JDBC) API. Two things JDBC cannot tell us:
 * <ul>
 *   <li><b>What a statement is, as H2 understands it</b>, before it runs: {@link SessionLocal#prepare} parses the
 *   text with H2's own parser (same mode, same session, same rights) and returns a {@code Prepared} whose class
 *   names the command ({@code org.h2.command.query.Select}, {@code org.h2.command.ddl.AlterTableAlterColumn}, ...).
 *   Tokens alone can be fooled by a grammar we do not know; H2's parser is the grammar. There is no public
 *   equivalent: JDBC's {@code prepareStatement} hides the command, and {@code EXPLAIN} only accepts queries and DML.</li>
 *   <li><b>Which tables a session has uncommitted changes in</b> ({@link SessionLocal#getLocks}): DML takes a write
 *   lock on each table it changes, held until commit or rollback. Before a learner's DDL (which H2 commits
 *   implicitly) the sandbox snapshots those tables so it can put them back. {@code INFORMATION_SCHEMA.LOCKS} shows
 *   the same, but only to an admin and with a query per statement.</li>
 * </ul>
 * Both are public Java methods of H2 2.3 but not a documented API: {@code H2InternalsTest} pins their behaviour,
 * and the class names {@code SqlGuard.allowedCommand} relies on, so an H2 upgrade that changes them fails the build
 * loudly instead of silently weakening the guard.
 */
public final class H2Internals {

    private H2Internals() {
    }

    private static SessionLocal session(Connection c) {
        return (SessionLocal) ((JdbcConnection) c).getSession();
    }

    /**
     * Parses {@code sql} on the connection's session without running it and returns the fully qualified class name
     * of H2's command. H2's error (syntax, unknown table, missing right) comes back as a {@link SQLException}.
     */
    public static String commandClass(Connection c, String sql) throws SQLException {
        try {
            Prepared p = session(c).prepare(sql);
            return p.getClass().getName();
        } catch (DbException e) {
            throw e.getSQLException();
        }
    }

    /**
     * The table H2 resolves a name to, spelled as the learner spelled it ({@code `Books`}, {@code lab.books},
     * {@code "campus-lab-…".lab.books}, {@code U&"b\006foks"}): {@code {schema, table}} as stored, or null when H2
     * finds no such table. Resolved by H2's own parser on the connection's session, so whatever H2 would change is
     * what is named here. Any other error comes back as a {@link SQLException}.
     */
    public static String[] resolveTable(Connection c, String name) throws SQLException {
        try {
            Prepared p = session(c).prepare("SELECT * FROM " + name);
            if (!(p instanceof org.h2.command.query.Select s) || s.getTopTableFilter() == null) {
                throw new SQLException("not a table name: " + name);
            }
            Table t = s.getTopTableFilter().getTable();
            return new String[] {t.getSchema().getName(), t.getName()};
        } catch (DbException e) {
            int code = e.getErrorCode();
            if (code == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                    || code == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2
                    || code == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1) {
                return null;
            }
            throw e.getSQLException();
        }
    }

    /** {@code schema.table} names (as stored) of the tables the connection's open transaction has changed. */
    public static Set<String> tablesWithUncommittedChanges(Connection c) {
        Set<String> out = new TreeSet<>();
        for (Table t : session(c).getLocks()) {
            out.add(t.getSchema().getName() + "." + t.getName());
        }
        return out;
    }

    /**
     * Sets (or, with null, removes) the listener H2 tells of long work on the connection's database: the rows a running
     * statement has reached, the rows indexed so far. {@code Database.setEventListener} is public but not JDBC; the
     * only JDBC way is a class name in the URL, instantiated by H2, which could not reach this load's progress.
     */
    public static void setProgressListener(Connection c, org.h2.api.DatabaseEventListener listener) {
        session(c).getDatabase().setEventListener(listener);
    }
}
