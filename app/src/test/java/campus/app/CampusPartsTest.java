package campus.app;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampusPartsTest {

    @TempDir
    Path data;

    /** The composition root makes one set of walks of the content roots and hands it to the window and the embeds alike. */
    @Test
    void theWindowAndTheEmbedsShareOneWalkOfTheContentRoots() {
        Preload preload = Preload.start(new LaunchOptions(List.of(), Optional.empty(), Optional.of(data)));
        CampusParts parts = new CampusParts(preload, preload.state().join());
        try {
            assertSame(parts.contentScans(), parts.embeds().scans());
        } finally {
            parts.close();
        }
    }
}
