package campus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.i18n.BundleCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppMessagesTest {

    @Test
    void everyAppKeyExistsInBothLanguagesAndIsUsed() {
        assertEquals(List.of(), BundleCheck.problems("campus.app.messages", List.of(Path.of("src/main/java")),
                // ResultView builds "app.exam.reason-" + SubmitReason.code()
                // ResultView builds "app.exam.reason-" + SubmitReason.code(); lesson states "app.progress.lesson." + state
                Set.of("app.exam.reason-", "app.progress.lesson.")));
    }
}
