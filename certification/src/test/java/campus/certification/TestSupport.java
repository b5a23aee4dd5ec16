package campus.certification;

import campus.certification.attempt.ExamClock;
import campus.certification.bank.BankFiles;
import campus.certification.bank.ExamLoader;
import campus.certification.bank.LoadedExam;
import campus.certification.grading.Grader;
import campus.certification.sql.SqlAnswerGrader;
import campus.certification.sql.SqlGrade;
import campus.i18n.Msg;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Fixtures shared by the tests. */
public final class TestSupport {

    private TestSupport() {
    }

    public static Path bankDir(String name) {
        try {
            return Path.of(TestSupport.class.getResource("/banks/" + name + "/exam.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LoadedExam load(String name) throws IOException {
        return ExamLoader.load(BankFiles.read(bankDir(name)), Optional.empty());
    }

    public static Path shippedContent() {
        return Path.of("content");
    }

    /**
     * A stand-in for the labs checker, for tests only: right when the learner's SQL equals the
     * reference once case and spaces are normalised.
     */
    public static final SqlAnswerGrader SQL_GRADER_FOR_TESTS = (spec, sql) -> {
        boolean same = norm(spec.referenceSql()).equals(norm(sql));
        return new SqlGrade(same ? 1 : 0, Msg.of(same ? "certification.cli.verified" : "certification.cli.verify-failed", "sql"));
    };

    public static Grader grader() {
        return Grader.withSql(SQL_GRADER_FOR_TESTS);
    }

    private static String norm(String s) {
        return s.trim().replaceAll("\\s+", " ").replaceAll(";$", "").toLowerCase(Locale.ROOT);
    }

    /** Both clocks under the test's control. */
    public static final class FakeClock implements ExamClock {
        public long mono = 1_000_000_000L;
        public Instant wall = Instant.parse("2025-03-01T09:00:00Z");

        /** Real time passing: both clocks move. */
        public void advance(Duration d) {
            mono += d.toNanos();
            wall = wall.plus(d);
        }

        @Override
        public long monotonicNanos() {
            return mono;
        }

        @Override
        public Instant wallNow() {
            return wall;
        }
    }
}
