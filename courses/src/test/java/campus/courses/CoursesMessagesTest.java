package campus.courses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.i18n.BundleCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoursesMessagesTest {

    @Test
    void everyCoursesKeyExistsInBothLanguagesIsValidAndIsUsed() {
        assertEquals(List.of(), BundleCheck.problems("campus.courses.messages",
                List.of(Path.of("src/main/java")), Set.of("courses.level.")));
    }
}
