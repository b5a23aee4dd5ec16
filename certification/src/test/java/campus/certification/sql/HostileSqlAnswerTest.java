package campus.certification.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.SandboxLimits;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code exam verify} re-grades a record's SQL answers with {@link LabsSqlGrader} on the proctor's machine (and the
 * progress server will on every uploaded record). A record re-signed with hostile answers must end in a clear
 * grade for each, never a deserialization, a crash or a hang of the verifying process, and honest answers after them
 * still grade right.
 */
class HostileSqlAnswerTest {

    static LabsSqlGrader grader;

    static final SqlQuestionSpec COUNT = new SqlQuestionSpec("bookshop", "SELECT COUNT(*) FROM books",
            SqlQuestionSpec.Check.RESULT, false, 0, List.of());

    @BeforeAll
    static void open() {
        grader = new LabsSqlGrader(DatasetLibrary.bundled(), SandboxLimits.DEFAULT.withTimeout(Duration.ofSeconds(1)));
    }

    @AfterAll
    static void close() {
        grader.close();
    }

    /** Serialized bytes of a {@code java.util.HashMap}: what a gadget chain's payload looks like to the engine. */
    private static String payload() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(new java.util.HashMap<>(java.util.Map.of("k", new java.util.ArrayList<>(List.of(1, 2)))));
        }
        return HexFormat.of().formatHex(b.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT CAST(X'%payload%' AS OTHER)",
        "SELECT COUNT(*) FROM books WHERE CAST(X'%payload%' AS OTHER) = CAST(X'00' AS OTHER)",
        "SELECT %deep%",
        "SELECT COUNT(*) FROM books WHERE REPEAT('a', 3000) LIKE '%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%b'",
        "SELECT LENGTH(REPLACE(REPLACE(REPEAT('x', 10000), 'x', REPEAT('y', 10000)), 'y', REPEAT('z', 10000)))",
        "SELECT \"REPEAT\"('x', 999999999)",
        "SELECT 1E999999999",
    })
    void hostileAnswersGetAClearGradeAndTheVerifierGoesOn(String template) throws Exception {
        String sql = template.replace("%payload%", payload()).replace("%deep%", "(".repeat(50_000) + "1" + ")".repeat(50_000));
        SqlGrade g = grader.grade(COUNT, sql);
        assertEquals(0.0, g.fraction(), sql.length() > 200 ? sql.substring(0, 200) : sql);
        String feedback = g.feedback().in(Lang.EN);
        assertFalse(feedback.isBlank());
        assertTrue(feedback.length() < 1000, feedback.length() + " characters of feedback");
        assertFalse(g.feedback().in(Lang.ZH).isBlank());
        assertEquals(1.0, grader.grade(COUNT, "select count(*) from books b").fraction(), "after " + template);
    }
}
