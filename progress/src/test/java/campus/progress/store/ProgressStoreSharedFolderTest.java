package campus.progress.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.protocol.WireEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app and a command (lab check --data) recording into one data folder at the same time, from two processes:
 * every event is stored once, in the store (not the fallback file), and the device's sequence numbers run without a
 * gap or a repeat.
 */
class ProgressStoreSharedFolderTest {

    @TempDir
    Path data;

    @Test
    void twoProcessesRecordingIntoOneFolderShareOneSequence() throws Exception {
        int each = 300;
        try (ProgressStore app = ProgressStore.open(data)) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process command = new ProcessBuilder(List.of(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                    Command.class.getName(), data.toString(), Integer.toString(each))).redirectErrorStream(true).start();
            for (int i = 0; i < each; i++) {
                app.recordNow("lesson.opened", "app-" + i, Map.of());
                if (i % 10 == 0) {
                    app.flush();
                }
            }
            app.flush();
            assertTrue(command.waitFor(120, TimeUnit.SECONDS), "the command did not finish");
            String output = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, command.exitValue(), output);
            assertTrue(output.contains("stored " + each), output);

            List<WireEvent> own = app.ownEventsAfter(0, Integer.MAX_VALUE);
            assertEquals(2 * each, own.size(), output);
            Set<String> subjects = new HashSet<>();
            for (int i = 0; i < own.size(); i++) {
                assertEquals(i + 1, own.get(i).seq(), "sequence numbers run without a gap or a repeat");
                subjects.add(own.get(i).subject());
            }
            assertEquals(2 * each, subjects.size(), "every event once");
            assertEquals(2L * each, app.queued("http://server.example"));
        }
        assertFalse(Files.exists(data.resolve(LegacyLog.FILE)), "nothing fell back to the old event file");
    }

    /** A second process on the same data folder, as `campus lab check --data` beside the open app. */
    public static final class Command {
        public static void main(String[] args) {
            int n = Integer.parseInt(args[1]);
            try (ProgressStore store = ProgressStore.open(Path.of(args[0]))) {
                for (int i = 0; i < n; i++) {
                    store.recordNow("lab.attempt", "command-" + i, Map.of("score", i % 101));
                    if (i % 10 == 0) {
                        store.flush();
                    }
                }
                store.flush();
                System.out.println("stored " + store.ownEventsAfter(0, Integer.MAX_VALUE).stream()
                        .filter(e -> e.subject().startsWith("command-")).count());
            }
        }
    }
}
