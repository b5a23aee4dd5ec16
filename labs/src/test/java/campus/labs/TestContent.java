package campus.labs;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The test content root ({@code src/test/resources/content}) and its catalog. */
final class TestContent {

    private TestContent() {
    }

    static Path root() {
        try {
            return Path.of(TestContent.class.getResource("/content").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LabCatalog catalog() {
        return LabCatalog.scan(List.of(root()));
    }

    static Lab lab(String id) {
        return catalog().find(id).orElseThrow(() -> new AssertionError("no lab " + id + ": " + catalog().problems()));
    }
}
