package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.StatementResult;
import campus.labs.sql.GuardPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** After any attempt, reset puts a state lab's schema and data back exactly as loaded, touching only what changed. */
class StateIsolationTest {

    private static Sandbox sb;
    private static String pristine;

    @BeforeAll
    static void open() throws Exception {
        sb = Sandbox.open(DatasetLibrary.bundled().find("bookshop").orElseThrow(), 600, GuardPolicy.READ_WRITE,
                SandboxLimits.DEFAULT);
        pristine = fingerprint();
    }

    @AfterAll
    static void close() {
        sb.close();
    }

    /** Every object H2 scripts for the lab schema, and every row of every dataset table. */
    private static String fingerprint() throws Exception {
        StringBuilder b = new StringBuilder();
        java.util.TreeSet<String> objects = new java.util.TreeSet<>();  // SCRIPT's order of constraints may change
        for (List<Object> row : sb.runTrusted("SCRIPT NODATA NOPASSWORDS NOSETTINGS SCHEMA lab", 100_000).lastQuery().orElseThrow().rows()) {
            objects.add(String.valueOf(row.get(0)).replaceAll(" SELECTIVITY \\d+", ""));
        }
        objects.forEach(o -> b.append(o).append('\n'));
        for (String t : List.of("authors", "books", "customers", "orders", "order_items")) {
            StatementResult r = sb.runTrusted("SELECT * FROM " + t + " ORDER BY 1, 2", 100_000).lastQuery().orElseThrow();
            b.append(t).append(r.columns()).append(r.rows()).append('\n');
        }
        return b.toString();
    }

    static final String[] ATTEMPTS = {
        "UPDATE books SET price = price * 2; DELETE FROM order_items WHERE line_no = 2; INSERT INTO authors VALUES (999, 'X', 'CN', NULL)",
        "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20)); INSERT INTO notes VALUES (1, 'x')",
        "CREATE TABLE cancelled_orders AS SELECT id, customer_id, ordered_at FROM orders WHERE status = 'cancelled';"
            + " DELETE FROM order_items WHERE order_id IN (SELECT id FROM cancelled_orders)",
        "DELETE FROM order_items WHERE line_no = 3; CREATE VIEW cheap AS SELECT * FROM books WHERE price < 10",
        "ALTER TABLE books ADD COLUMN isbn VARCHAR(13); UPDATE books SET isbn = 'x'",
        "ALTER TABLE books DROP COLUMN pages",
        "ALTER TABLE books RENAME TO volumes",
        "ALTER TABLE customers ALTER COLUMN email RENAME TO mail",
        "TRUNCATE TABLE order_items",
        "DROP TABLE order_items",
        "DROP TABLE IF EXISTS order_items, orders CASCADE",
        "CREATE INDEX books_genre ON books (genre); CREATE UNIQUE INDEX ON authors (id, name)",
        "ALTER TABLE order_items ADD CONSTRAINT positive CHECK (quantity > 0)",
        "CREATE TABLE a2 (id INT PRIMARY KEY); ALTER TABLE books ADD CONSTRAINT fk_a2 FOREIGN KEY (author_id) REFERENCES a2 (id) NOCHECK",
        "UPDATE orders SET status = 'x'; CREATE TABLE t1 (a INT); UPDATE customers SET country = 'ZZ'; DROP TABLE t1",
        // the same changes, with the table spelled as H2 resolves it but not as written in the dataset
        "TRUNCATE TABLE `Order_items`",
        "TRUNCATE TABLE `LAB`.`ORDER_ITEMS`",
        "TRUNCATE TABLE lab . `Order_Items`",
        "DROP TABLE U&\"order\\005fitems\"",
        "ALTER TABLE `Books` RENAME TO b2; CREATE TABLE books AS SELECT * FROM b2 WHERE price < 10",
        "ALTER TABLE `BOOKS` DROP COLUMN pages",
        "UPDATE `Customers` SET country = 'ZZ'; ALTER TABLE `Customers` ADD COLUMN vip INT",
        "DROP TABLE IF EXISTS `ORDER_ITEMS`, `Orders` CASCADE",
    };

    static String[] attempts() {
        return ATTEMPTS;
    }

    @ParameterizedTest
    @MethodSource("attempts")
    void resetPutsEverythingBack(String attempt) throws Exception {
        RunResult r = sb.run(attempt);
        assertTrue(r.ok(), attempt + " -> " + r.problem());
        sb.reset();
        assertEquals(pristine, fingerprint(), attempt);
        RunResult again = sb.run(attempt);
        assertTrue(again.ok(), "second time: " + attempt + " -> " + again.problem());
        sb.reset();
        assertEquals(pristine, fingerprint(), "second time: " + attempt);
    }

    /** The deferred reset: whatever runs next (here the fingerprint's own queries) sees the dataset as loaded. */
    @ParameterizedTest
    @MethodSource("attempts")
    void resetLaterPutsEverythingBackBeforeTheNextCall(String attempt) throws Exception {
        for (int round = 0; round < 2; round++) {
            RunResult r = sb.run(attempt);
            assertTrue(r.ok(), attempt + " -> " + r.problem());
            sb.resetLater();
            assertEquals(pristine, fingerprint(), "round " + round + ": " + attempt);
            assertFalse(sb.resetPending(), attempt);
        }
    }

    /** Only a reset that rebuilds tables is reported as slow work in progress; a rollback never is. */
    @org.junit.jupiter.api.Test
    void onlyARebuildIsReportedAsPending() throws Exception {
        assertTrue(sb.run("UPDATE books SET price = 2").ok());
        sb.resetLater();
        assertFalse(sb.rebuildPending(), "DML: rollback only");
        assertTrue(sb.run("ALTER TABLE books ADD COLUMN isbn VARCHAR(13)").ok());
        sb.resetLater();
        assertEquals(pristine, fingerprint());
        assertFalse(sb.rebuildPending(), "done once the next call has run");
    }

    /** A learner who runs again at once: each run starts from the dataset as loaded, whoever finishes the reset. */
    @org.junit.jupiter.api.Test
    void runsRightAfterResetLaterNeverSeeThePreviousAttempt() throws Exception {
        for (int i = 0; i < 200; i++) {
            RunResult r = sb.run("SELECT COUNT(*) FROM books WHERE price = 1; UPDATE books SET price = 1");
            assertTrue(r.ok(), String.valueOf(r.problem()));
            assertEquals(List.of(0L), r.statements().get(0).rows().get(0).stream().map(v -> ((Number) v).longValue()).toList(),
                    "run " + i);
            sb.resetLater();
            if (i % 3 == 0) {
                Thread.sleep(0, 200_000);
            }
        }
        sb.reset();
        assertEquals(pristine, fingerprint());
    }

    /** A name qualified with the database (catalog) itself reaches the same table, and is put back the same. */
    @org.junit.jupiter.api.Test
    void aCatalogQualifiedNameIsResolvedLikeAnyOther() throws Exception {
        String catalog = String.valueOf(sb.run("SELECT CATALOG_NAME FROM INFORMATION_SCHEMA.INFORMATION_SCHEMA_CATALOG_NAME")
                .lastQuery().orElseThrow().rows().get(0).get(0));
        for (String attempt : List.of("TRUNCATE TABLE \"" + catalog + "\".lab.order_items",
                "ALTER TABLE \"" + catalog + "\".`lab`.`Books` RENAME TO b3")) {
            RunResult r = sb.run(attempt);
            assertTrue(r.ok(), attempt + " -> " + r.problem());
            sb.reset();
            assertEquals(pristine, fingerprint(), attempt);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPDATE books SET price = 1", "CREATE TABLE scratch (a INT)", "CREATE VIEW v AS SELECT * FROM orders"})
    void dmlAndNewObjectsNeedNoCopy(String attempt) throws Exception {
        try (Sandbox fresh = Sandbox.open(DatasetLibrary.bundled().find("bookshop").orElseThrow(), 300,
                GuardPolicy.READ_WRITE, SandboxLimits.DEFAULT)) {
            assertTrue(fresh.run(attempt).ok());
            fresh.reset();
            assertEquals(Set.of(), fresh.copiedTables(), attempt);
            assertTrue(fresh.run("ALTER TABLE books ADD COLUMN x INT").ok());
            fresh.reset();
            assertEquals(Set.of("books"), fresh.copiedTables());
        }
    }
}
