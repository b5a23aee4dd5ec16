package campus.i18n.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentScanTest {

    @TempDir
    Path root;

    private Path file(String relative) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "{}");
    }

    @Test
    void oneWalkFindsLabsQuizzesAndDatasetsInTheirPlacesOnly() throws IOException {
        Path labB = file("c/02-l/labs/b.json");
        Path labA = file("c/01-l/labs/a.json");
        file("c/01-l/labs/a.sql");
        file("c/01-l/labs/deeper/x.json");
        file("labs/top.json");
        Path quiz = file("c/01-l/quizzes/q.json");
        Files.createDirectories(root.resolve("c/01-l/quizzes/folder.json"));
        Path shop = file("datasets/shop.sql");
        file("c/datasets/not-a-root-dataset.sql");
        ContentScan.Root r = ContentScan.of(List.of(root)).roots().get(0);
        assertTrue(r.exists());
        assertEquals(List.of(labA, labB), r.labs());
        assertEquals(List.of(quiz), r.quizzes());
        assertEquals(List.of(shop), r.datasets());
    }

    @Test
    void aMissingRootIsSaidSo() {
        ContentScan.Root r = ContentScan.of(List.of(root.resolve("nope"))).roots().get(0);
        assertFalse(r.exists());
        assertEquals(List.of(), r.labs());
    }
}
