package campus.labs.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.labs.sql.GuardPolicy;
import campus.labs.sql.SqlGuard;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pins the H2 internals the guard and the sandbox rely on ({@link H2Internals}). If an H2 upgrade renames a command
 * class or changes how prepare or table locks behave, this fails loudly: fix {@link H2Internals} and
 * {@code SqlGuard.allowedCommand} before shipping the upgrade.
 */
class H2InternalsTest {

    private static Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        return new org.h2.Driver().connect("jdbc:h2:mem:pin-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE", p);
    }

    @Test
    void h2IsTheVersionThisWasWrittenFor() {
        assertEquals("2.3.232", org.h2.engine.Constants.FULL_VERSION.split(" ")[0],
                "H2 changed: re-check H2Internals, SqlGuard.allowedCommand and this test, then update the version here");
    }

    @Test
    void prepareNamesTheCommandClassWithoutRunningIt() throws Exception {
        try (Connection c = open(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (a INT PRIMARY KEY)");
            String[][] cases = {
                {"SELECT * FROM t", "org.h2.command.query.Select"},
                {"VALUES 1", "org.h2.command.query.TableValueConstructor"},
                {"SELECT 1 UNION SELECT 2", "org.h2.command.query.SelectUnion"},
                {"EXPLAIN SELECT 1", "org.h2.command.dml.Explain"},
                {"INSERT INTO t VALUES (1)", "org.h2.command.dml.Insert"},
                {"UPDATE t SET a = 2", "org.h2.command.dml.Update"},
                {"DELETE FROM t", "org.h2.command.dml.Delete"},
                {"MERGE INTO t KEY (a) VALUES (1)", "org.h2.command.dml.Merge"},
                {"CREATE TABLE u (a INT)", "org.h2.command.ddl.CreateTable"},
                {"ALTER TABLE t ADD COLUMN b INT", "org.h2.command.ddl.AlterTableAlterColumn"},
                {"TRUNCATE TABLE t", "org.h2.command.ddl.TruncateTable"},
                {"DROP TABLE t", "org.h2.command.ddl.DropTable"},
                {"SET QUERY_TIMEOUT 0", "org.h2.command.dml.Set"},
                {"CALL 1", "org.h2.command.dml.Call"},
                {"CREATE ALIAS x FOR 'java.lang.Math.abs'", "org.h2.command.ddl.CreateFunctionAlias"},
            };
            for (String[] k : cases) {
                assertEquals(k[1], H2Internals.commandClass(c, k[0]), k[0]);
            }
            // nothing ran: the table is still there and empty, no column b, no alias
            var rs = st.executeQuery("SELECT COUNT(*) FROM t");
            rs.next();
            assertEquals(0, rs.getInt(1));
            assertThrows(SQLException.class, () -> st.executeQuery("SELECT b FROM t"));
            SQLException e = assertThrows(SQLException.class, () -> H2Internals.commandClass(c, "SELEC 1"));
            assertEquals(org.h2.api.ErrorCode.SYNTAX_ERROR_2, e.getErrorCode());
            assertTrue(e.getMessage().contains("[*]SELEC"), e.getMessage());
        }
    }

    @Test
    void everyCommandClassTheGuardAllowsStillExists() throws Exception {
        String[] names = {"query.Select", "query.SelectUnion", "query.TableValueConstructor", "dml.Explain",
            "dml.Insert", "dml.Update", "dml.Delete", "dml.Merge", "dml.MergeUsing",
            "ddl.CreateTable", "ddl.CreateIndex", "ddl.CreateView", "ddl.DropTable", "ddl.DropIndex", "ddl.DropView",
            "ddl.TruncateTable", "ddl.AlterTableAddConstraint", "ddl.AlterTableAlterColumn", "ddl.AlterTableDropConstraint",
            "ddl.AlterTableRename", "ddl.AlterTableRenameColumn", "ddl.AlterTableRenameConstraint", "ddl.AlterIndexRename",
            "ddl.AlterView", "ddl.CreateSequence", "ddl.SetComment"};
        for (String n : names) {
            Class.forName("org.h2.command." + n);
        }
        assertTrue(SqlGuard.allowedCommand("org.h2.command.query.Select", GuardPolicy.READ_ONLY));
        assertTrue(SqlGuard.allowedCommand("org.h2.command.ddl.AlterTableAlterColumn", GuardPolicy.READ_WRITE));
        assertTrue(!SqlGuard.allowedCommand("org.h2.command.dml.Set", GuardPolicy.READ_WRITE));
    }

    @Test
    void uncommittedChangesAreVisibleAsTableLocksUntilCommitOrRollback() throws Exception {
        try (Connection c = open(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (a INT PRIMARY KEY)");
            st.execute("CREATE TABLE u (a INT PRIMARY KEY)");
            c.setAutoCommit(false);
            assertEquals(Set.of(), H2Internals.tablesWithUncommittedChanges(c));
            st.executeQuery("SELECT * FROM u").close();
            st.execute("INSERT INTO t VALUES (1)");
            assertEquals(Set.of("public.t"), H2Internals.tablesWithUncommittedChanges(c));
            c.rollback();
            assertEquals(Set.of(), H2Internals.tablesWithUncommittedChanges(c));
        }
    }
}
