package campus.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.i18n.BundleCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgressMessagesTest {

    @Test
    void everyKeyInBothLanguagesAndUsed() {
        assertEquals(List.of(), BundleCheck.problems("campus.progress.messages", List.of(Path.of("src/main/java")), Set.of()));
    }
}
