package campus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppFingerprintTest {

    @Test
    void isAStableSha256OfTheRunningCode() {
        String a = AppFingerprint.sha256();
        assertTrue(a.matches("[0-9a-f]{64}"), a);
        assertEquals(a, AppFingerprint.sha256());
    }

    @Test
    void coversEveryModuleThatGradesOrRecordsAnExam() {
        assertTrue(AppFingerprint.MODULES.stream().map(Class::getPackageName).toList()
                .containsAll(java.util.List.of("campus.certification", "campus.labs", "campus.app")));
    }
}
