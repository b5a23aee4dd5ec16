package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.i18n.BundleCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabsMessagesTest {

    @Test
    void everyKeyInBothLanguagesAndUsed() {
        assertEquals(List.of(), BundleCheck.problems("campus.labs.messages", List.of(Path.of("src/main/java")), Set.of()));
    }
}
