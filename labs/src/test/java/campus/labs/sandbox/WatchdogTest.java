package campus.labs.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The watchdog stops its statement even when asked to before H2 has started executing it. */
class WatchdogTest {

    @Test
    void aCancelBeforeTheStatementExecutesStopsItWhenItDoes() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:mem:watchdog-" + UUID.randomUUID(), p);
             Statement st = c.createStatement()) {
            st.setQueryTimeout(40); // ends the statement if the cancel is lost, so the test process is not left busy
            Watchdog w = Watchdog.watch(st, SandboxLimits.DEFAULT.withTimeout(Duration.ofSeconds(30)));
            try {
                // H2 ignores Statement.cancel() while no command executes: a Cancel in this window was lost
                w.cancel(Watchdog.Reason.USER);
                CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                    try {
                        st.execute("SELECT SUM(X) FROM SYSTEM_RANGE(1, 1000000000000)");
                    } catch (SQLException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
                ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(20, TimeUnit.SECONDS));
                assertEquals(org.h2.api.ErrorCode.STATEMENT_WAS_CANCELED, ((SQLException) e.getCause()).getErrorCode());
                assertEquals(Watchdog.Reason.USER, w.reason());
            } finally {
                w.stop();
            }
        }
    }
}
