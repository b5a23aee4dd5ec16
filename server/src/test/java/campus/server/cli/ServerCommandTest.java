package campus.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code campus server}'s options and its messages when it cannot start (its normal start: KillRestartTest). */
class ServerCommandTest {

    @TempDir
    Path dir;

    @Test
    void defaultsRunWithNoSetUpOnLoopback() {
        ServerConfig c = ServerCommand.parse(List.of(), Map.of("XDG_DATA_HOME", "/x", "CAMPUS_DB_PASSWORD", "secret"));
        assertEquals("127.0.0.1", c.host);
        assertEquals(8080, c.port);
        assertEquals(Paths.get("/x/campus-server"), c.dataDir);
        assertEquals("jdbc:h2:file:/x/campus-server/progress", c.effectiveDbUrl());
        assertEquals("secret", c.dbPassword);
    }

    @Test
    void optionsAreReadAndMistakesNamed() {
        ServerConfig c = ServerCommand.parse(List.of("--port", "0", "--host", "0.0.0.0", "--db", "jdbc:mysql://h/db",
                "--db-user", "u", "--tls-cert", "c.pem", "--tls-key", "k.pem", "--token-days", "7", "--trust-forwarded-for"), Map.of());
        assertEquals(0, c.port);
        assertEquals("0.0.0.0", c.host);
        assertEquals("u", c.dbUser);
        assertTrue(c.tls() && c.trustForwardedFor);
        assertEquals(7, c.tokenLifetime.toDays());
        assertUsage("unknown option '--prot'", "--prot", "1");
        assertUsage("--port takes a number from 0 to 65535, not '70000'", "--port", "70000");
        assertUsage("--port needs a value", "--port");
        assertUsage("--tls-cert and --tls-key go together", "--tls-cert", "c.pem");
        assertUsage("--db: unsupported database URL 'jdbc:oracle:thin:@x': use jdbc:h2:…, jdbc:postgresql://…, jdbc:mysql://… or jdbc:mariadb://…",
                "--db", "jdbc:oracle:thin:@x");
    }

    @Test
    void anUnreachableDatabaseIsSaidPlainlyWithItsPasswordHidden() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ServerCommand.run(List.of("--port", "0", "--data", dir.toString(), "--db",
                "jdbc:postgresql://127.0.0.1:1/nothing?user=u&password=hunter2&connectTimeout=2"), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("campus server: cannot use the database jdbc:postgresql://127.0.0.1:1/nothing?user=u&password=***"), message);
        assertTrue(!message.contains("hunter2") && !message.contains("\tat "), message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    private static void assertUsage(String message, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ServerCommand.run(List.of(args), Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("campus server: " + message + "\nusage: campus server"),
                err.toString(StandardCharsets.UTF_8));
    }
}
