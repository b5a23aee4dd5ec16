package campus.labs.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.labs.check.CheckOptions;
import campus.labs.check.ResultChecker;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.ResultColumn;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.StatementResult;
import campus.labs.sandbox.Values;
import campus.labs.sql.GuardPolicy;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers with huge exponents cost the checker what their digits cost, not what their exponent would take written
 * out: comparing {@code 1E999999999} with {@code 1} and quoting it in feedback stay small.
 */
class HugeNumberTest {

    private static StatementResult one(Object v) {
        return new StatementResult("q", 0, List.of(new ResultColumn("x", "DECFLOAT", BigDecimal.class.getName())),
                List.of(java.util.Collections.singletonList(v)), 1, false, -1, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E999999999", "1E300000000", "-1E999999999", "1E-999999999", "1.5E+2147483647", "9E-2147483647"})
    void aHugeExponentIsComparedAndQuotedInBoundedSpace(String huge) {
        BigDecimal h = new BigDecimal(huge);
        for (CheckOptions o : List.of(CheckOptions.DEFAULT, new CheckOptions(true, false, BigDecimal.ZERO, List.of(), List.of()))) {
            List<Msg> diff = ResultChecker.compare(one(BigDecimal.ONE), one(h), o);
            assertEquals(1, diff.size(), huge);
            String text = diff.get(0).in(Lang.EN);
            assertTrue(text.length() < 400, text.length() + " characters: " + huge);
            assertTrue(text.contains("E"), text);
            assertEquals(List.of(), ResultChecker.compare(one(h), one(h), o), huge + " equals itself");
        }
        assertEquals(List.of(), ResultChecker.compare(one(new BigDecimal("1E-999999999")), one(BigDecimal.ZERO), CheckOptions.DEFAULT),
                "within the tolerance of 0");
    }

    @Test
    void longValuesAreCutInFeedbackNotInResults() {
        String big = "x".repeat(5_000_000);
        String shown = Values.brief(big);
        assertEquals(Values.BRIEF_CHARS + 3, shown.length(), "quotes and the ellipsis");
        List<Msg> diff = ResultChecker.compare(one("y"), one(big), CheckOptions.DEFAULT);
        assertTrue(diff.get(0).in(Lang.EN).length() < 1000);
    }

    @Test
    void aHugeLiteralFromTheSandboxIsReadAndShownShort() throws Exception {
        try (Sandbox sb = Sandbox.open(DatasetLibrary.bundled().find("bookshop").orElseThrow(), 300, GuardPolicy.READ_ONLY,
                SandboxLimits.DEFAULT)) {
            Object v = sb.run("SELECT 1E999999999").lastQuery().orElseThrow().rows().get(0).get(0);
            assertEquals("1E+999999999", Values.display(v));
        }
    }
}
