package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Text;
import campus.labs.check.CheckOptions;
import campus.labs.dataset.Dataset;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sql.GuardPolicy;
import campus.progress.LearningEventSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 does not roll back identity (AUTO_INCREMENT) counters or sequences with the transaction. Without care, a rolled-back
 * INSERT (an earlier attempt, or the reference computed when the lab opens) shifts the ids of every later attempt, and a
 * correct attempt then fails its state check on the id column. Reset puts the counters back too.
 */
class IdentityResetTest {

    private static final String SCRIPT = """
            -- @title.en Tickets
            CREATE TABLE tickets (
              id INT AUTO_INCREMENT PRIMARY KEY,
              title VARCHAR(40) NOT NULL
            );
            INSERT INTO tickets (title) VALUES ('printer jam'), ('no wifi'), ('broken chair');
            CREATE SEQUENCE ticket_numbers START WITH 100;
            """;

    private static Dataset tickets() {
        return Dataset.parse("tickets", SCRIPT, "tickets.sql");
    }

    @Test
    void aRolledBackInsertDoesNotMoveTheNextId() throws Exception {
        try (Sandbox sb = Sandbox.open(tickets(), null, GuardPolicy.READ_WRITE, SandboxLimits.DEFAULT)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertTrue(sb.run("INSERT INTO tickets (title) VALUES ('lamp'), ('desk')").ok());
                assertEquals(List.of(List.of(4), List.of(5)), sb.run("SELECT id FROM tickets WHERE id > 3 ORDER BY id")
                        .lastQuery().orElseThrow().rows(), "attempt " + attempt);
                assertEquals(List.of(List.of(100L)), sb.run("SELECT NEXT VALUE FOR ticket_numbers")
                        .lastQuery().orElseThrow().rows(), "attempt " + attempt);
                sb.reset();
            }
        }
    }

    @Test
    void counterResetAlsoFollowsDdlAndTheReference(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("datasets"));
        Files.writeString(dir.resolve("datasets/tickets.sql"), SCRIPT);
        Lab lab = new Lab("add-two-tickets", Text.same("t"), Text.same("t"), "tickets", null, CheckKind.STATE,
                new CheckOptions(false, false, null, List.of("tickets"), List.of()), 10, List.of(), RevealRule.DEFAULT, "",
                "INSERT INTO tickets (title) VALUES ('lamp'), ('desk');", "c", "l", dir.resolve("lab.json"));
        try (LabSession s = LabSession.open(lab, DatasetLibrary.withRoots(List.of(dir)), SandboxLimits.DEFAULT,
                LearningEventSink.NONE)) {
            // The reference ran (and was rolled back) when the lab opened: the learner still gets ids 4 and 5.
            assertTrue(s.check("INSERT INTO tickets (title) VALUES ('lamp'), ('desk')").passed());
            assertTrue(s.check("INSERT INTO tickets (title) VALUES ('lamp'), ('desk')").passed());
            // An attempt with DDL (committed by H2) and inserts: after it, ids start at 4 again.
            s.check("CREATE TABLE scratch (a INT); INSERT INTO tickets (title) VALUES ('x'), ('y'), ('z')");
            assertTrue(s.check("INSERT INTO tickets (title) VALUES ('lamp'), ('desk')").passed());
            s.run("INSERT INTO tickets (title) VALUES ('exploring')");
            s.resetDataset();
            assertTrue(s.check("INSERT INTO tickets (title) VALUES ('lamp'), ('desk')").passed());
        }
    }
}
