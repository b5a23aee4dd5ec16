package campus.labs.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which literals the case-insensitive rerun compares without regard to case, and which it leaves alone. */
class CaseInsensitiveTest {

    private static final String CI = " AS VARCHAR_IGNORECASE)";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "WHERE g = 'a'|WHERE g = CAST('a'" + CI,
            "WHERE 'a' <> g|WHERE CAST('a'" + CI + " <> g",
            "WHERE g IN ('a', 'b')|WHERE g IN (CAST('a'" + CI + ", CAST('b'" + CI + ")",
            "WHERE g NOT LIKE 'a%'|WHERE g NOT ILIKE 'a%'",
            "WHERE g BETWEEN 'a' AND 'b'|WHERE g BETWEEN CAST('a'" + CI + " AND CAST('b'" + CI + "",
            "WHERE CASE g WHEN 'a' THEN 'x' END = 'x'|WHERE CASE g WHEN CAST('a'" + CI + " THEN 'x' END = CAST('x'" + CI,
            "WHERE d >= DATE '2024-01-01' AND g = 'a'|WHERE d >= DATE '2024-01-01' AND g = CAST('a'" + CI,
    })
    void comparedLiteralsAreFolded(String sql, String folded) {
        assertEquals("SELECT x FROM t " + folded, CaseInsensitive.rewrite("SELECT x FROM t " + sql).sql());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 'a', CONCAT(g, 'b') FROM t",
            "SELECT x FROM t WHERE d < TIMESTAMP '2024-01-01 00:00:00'",
            "SELECT x FROM t WHERE CASE WHEN g = y THEN 'a' END IS NULL",
            "SELECT x FROM t WHERE g LIKE CONCAT(y, '%')",
            "SELECT x FROM t WHERE f(g, 'a') > 0",
            "SELECT x FROM t WHERE g = 'unclosed",
    })
    void otherLiteralsAreLeftAsWritten(String sql) {
        CaseInsensitive.Folded f = CaseInsensitive.rewrite(sql);
        assertFalse(f.changed());
        assertEquals(sql, f.sql());
    }

    @Test
    void theLiteralsAreNamedAsWrittenOnceEachAndAtMostFive() {
        CaseInsensitive.Folded f = CaseInsensitive.rewrite(
                "SELECT x FROM t WHERE g IN ('A', 'b', 'A', 'c', 'd') OR g LIKE 'e%' OR g = 'f'");
        assertEquals(List.of("'A'", "'b'", "'c'", "'d'", "'e%'"), f.literals());
    }
}
