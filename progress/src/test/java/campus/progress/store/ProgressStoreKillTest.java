package campus.progress.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app killed with SIGKILL right after recording: every event whose recording had finished is in the store when
 * it is opened again, and new events continue the sequence numbers without reusing one. A failure names its seed
 * ({@code -Dcampus.fault.seed=S}).
 */
class ProgressStoreKillTest {

    @TempDir
    Path data;

    @Test
    void everyFinishedRecordingSurvivesAKill() throws Exception {
        long seed = Long.getLong("campus.fault.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int round = 0; round < 3; round++) {
            long threshold = 1 + random.nextInt(300) + 300L * round;
            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(List.of(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                    Recorder.class.getName(), data.toString())).redirectErrorStream(true).start();
            long confirmed = 0;
            StringBuilder output = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.append(line).append('\n');
                    if (line.startsWith("stored ")) {
                        confirmed = Long.parseLong(line.substring(7));
                        if (confirmed >= threshold) {
                            break;
                        }
                    }
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the recorder did not die");
            }
            String context = "seed " + seed + ", round " + round + ", killed after " + confirmed + " stored";
            assertTrue(confirmed >= threshold, context + "\n" + output);
            try (ProgressStore store = ProgressStore.open(data)) {
                long held = store.ownEventsAfter(0, Integer.MAX_VALUE).size();
                assertTrue(held >= confirmed, context + ": only " + held + " events in the store");
                store.recordNow("lesson.opened", "after-kill", Map.of());
                store.flush();
                var own = store.ownEventsAfter(0, Integer.MAX_VALUE);
                for (int i = 0; i < own.size(); i++) {
                    assertEquals(i + 1, own.get(i).seq(), context + ": sequence numbers run without a gap");
                }
            }
        }
    }

    /** Records events one by one, as the app does, and says how many of its own the store holds after each. */
    public static final class Recorder {
        public static void main(String[] args) {
            ProgressStore store = ProgressStore.open(Path.of(args[0]));
            long base = store.ownEventsAfter(0, Integer.MAX_VALUE).size();
            for (int i = 1; ; i++) {
                store.recordNow("lab.attempt", "lab-" + (i % 7), Map.of("score", i % 101));
                store.flush();
                System.out.println("stored " + (base + i));
                System.out.flush();
            }
        }
    }
}
