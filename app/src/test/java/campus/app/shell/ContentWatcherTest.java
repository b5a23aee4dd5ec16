package campus.app.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentWatcherTest {

    @TempDir
    Path folder;

    /** A change of roots that arrives while the window closes must not start a watch whose timer is gone. */
    @Test
    void aClosedWatcherDoesNotStartWatchingAgain() {
        ContentWatcher watcher = new ContentWatcher(() -> { });
        watcher.watch(List.of(folder));
        assertTrue(watcher.isWatching());
        watcher.close();
        assertFalse(watcher.isWatching());
        watcher.watch(List.of(folder));
        assertFalse(watcher.isWatching());
    }
}
