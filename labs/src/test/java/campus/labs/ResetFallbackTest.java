package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.labs.dataset.Dataset;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.TrustedSqlException;
import campus.labs.sql.GuardPolicy;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When the restorer cannot put a table back, the sandbox loads the dataset again: the next attempt sees the dataset
 * as loaded all the same. A table with a generated column is such a table: its pristine copy holds the computed
 * values as a plain column, and copying them back into the generated column is refused by H2, so every restore of
 * that table fails. A table without one, in the same dataset, is restored the usual way (its copy is kept for the
 * next attempt; a reload starts with no copies).
 */
class ResetFallbackTest {

    private static final String SCRIPT = """
            -- @title.en Invoices
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL);
            CREATE TABLE invoices (
              id INT PRIMARY KEY,
              customer_id INT NOT NULL,
              net DECIMAL(10, 2) NOT NULL,
              gross DECIMAL(10, 2) GENERATED ALWAYS AS (net * 1.2)
            );
            INSERT INTO customers VALUES (1, 'Ann'), (2, 'Bo');
            INSERT INTO invoices (id, customer_id, net) VALUES (1, 1, 10), (2, 1, 20), (3, 2, 30);
            """;

    private Sandbox sb;
    private String pristine;

    @BeforeEach
    void open() throws Exception {
        sb = Sandbox.open(Dataset.parse("invoices", SCRIPT, "invoices.sql"), null, GuardPolicy.READ_WRITE, SandboxLimits.DEFAULT);
        pristine = fingerprint();
    }

    @AfterEach
    void close() {
        sb.close();
    }

    /** Every object H2 scripts for the lab schema, and every row of both tables. */
    private String fingerprint() throws Exception {
        StringBuilder b = new StringBuilder();
        Set<String> objects = new TreeSet<>();
        for (List<Object> row : sb.runTrusted("SCRIPT NODATA NOPASSWORDS NOSETTINGS SCHEMA lab", 1000).lastQuery().orElseThrow().rows()) {
            objects.add(String.valueOf(row.get(0)).replaceAll(" SELECTIVITY \\d+", ""));
        }
        objects.forEach(o -> b.append(o).append('\n'));
        for (String t : List.of("customers", "invoices")) {
            try {
                b.append(t).append(sb.runTrusted("SELECT * FROM " + t + " ORDER BY 1", 1000).lastQuery().orElseThrow().rows());
            } catch (TrustedSqlException e) {
                b.append(t).append(": ").append(e.getMessage()); // dropped by the attempt
            }
            b.append('\n');
        }
        return b.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "TRUNCATE TABLE invoices",
        "DELETE FROM invoices WHERE id = 1; CREATE TABLE notes (id INT)",
        "UPDATE invoices SET net = 0; ALTER TABLE invoices ADD COLUMN paid BOOLEAN",
        "ALTER TABLE invoices DROP COLUMN gross",
        "DROP TABLE invoices",
    })
    void aRestoreThatFailsLoadsTheDatasetAgain(String attempt) throws Exception {
        for (boolean deferred : new boolean[] {false, true}) {
            // the usual way first: the table without a generated column is restored from its copy, which is kept
            assertTrue(sb.run("UPDATE customers SET name = 'X'; ALTER TABLE customers ADD COLUMN vip INT").ok());
            sb.reset();
            assertEquals(pristine, fingerprint());
            assertEquals(Set.of("customers"), sb.copiedTables());

            RunResult r = sb.run(attempt);
            assertTrue(r.ok(), attempt + " -> " + r.problem());
            assertFalse(fingerprint().equals(pristine), "the attempt changed nothing: " + attempt);
            if (deferred) {
                sb.resetLater();
            } else {
                sb.reset();
            }
            assertEquals(pristine, fingerprint(), (deferred ? "resetLater: " : "reset: ") + attempt);
            assertEquals(Set.of(), sb.copiedTables(), "restored without loading the dataset again: " + attempt);
            // and the sandbox goes on: the next attempt runs on the dataset as loaded
            RunResult next = sb.run("SELECT SUM(gross) FROM invoices");
            assertEquals(List.of(List.of(new java.math.BigDecimal("72.00"))), next.lastQuery().orElseThrow().rows(), attempt);
        }
    }
}
