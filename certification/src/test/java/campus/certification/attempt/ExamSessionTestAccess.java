package campus.certification.attempt;

import java.io.IOException;
import java.nio.file.Path;

/** Test helpers from this package for tests in others. */
public final class ExamSessionTestAccess {

    private ExamSessionTestAccess() {
    }

    public static void copyBank(Path from, Path to) throws IOException {
        ExamSessionTest.copyBank(from, to);
    }
}
