package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.i18n.BundleCheck;
import campus.i18n.Lang;
import campus.i18n.Msg;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabsMessagesTest {

    @Test
    void everyKeyInBothLanguagesAndUsed() {
        assertEquals(List.of(), BundleCheck.problems("campus.labs.messages", List.of(Path.of("src/main/java")), Set.of()));
    }

    @Test
    void countsReadAsEnglishAndChinese() {
        assertEquals("Expected 1 row, got 0.", Msg.of("labs.check.rowCount", 1, 0).in(Lang.EN));
        assertEquals("Expected 0 rows, got 1.", Msg.of("labs.check.rowCount", 0, 1).in(Lang.EN));
        assertEquals("Expected 10,000 rows, got 7.", Msg.of("labs.check.rowCount", 10_000L, 7).in(Lang.EN));
        assertEquals("Table books: 1 row", Msg.of("labs.import.table", "books", 1).in(Lang.EN));
    }
}
