package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.SqlProblem;
import campus.labs.sql.GuardPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Limits decided by names are decided on the name H2 resolves, tokenized as H2 tokenizes: quoting, backticks,
 * Unicode escapes and Unicode white space (U+00A0 and friends, which H2 skips) never hide a name from the guard.
 */
class NameSpellingAttackTest {

    private static Sandbox sb;

    @BeforeAll
    static void open() throws Exception {
        sb = Sandbox.open(DatasetLibrary.bundled().find("bookshop").orElseThrow(), 300, GuardPolicy.READ_ONLY,
                SandboxLimits.DEFAULT);
    }

    @AfterAll
    static void close() {
        sb.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT \"REPEAT\"('x', 999999999)",
        "SELECT `repeat`('x', 999999999)",
        "SELECT `Repeat` ('x', 999999999)",
        "SELECT U&\"REP\\0045AT\"('x', 999999999)",
        "SELECT \"SPACE\"(999999999)",
        "SELECT `lpad`('x', 999999999, 'y')",
        "SELECT \"RPAD\"\u00A0('x', 999999999, 'y')",
        "SELECT REPEAT\u00A0('x', 999999999)",
        "SELECT REPEAT\u3000('x', 999999999)",
    })
    void stringBuildersAreFoundHoweverTheyAreSpelled(String sql) {
        SqlProblem p = sb.run(sql).problem().orElseThrow();
        assertEquals(SqlProblem.Kind.REFUSED, p.kind(), sql + " -> " + p);
        assertTrue(p.message().in(Lang.EN).contains("10000") || p.message().in(Lang.EN).contains("10,000"),
                p.message().in(Lang.EN));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM INFORMATION_SCHEMA\u00A0.SETTINGS",
        "SELECT * FROM INFORMATION_SCHEMA.\u2007SETTINGS",
        "SELECT * FROM information_schema\u202F.\u3000\"SETTINGS\"",
        "SELECT * FROM `information_schema`.`settings`",
        "SELECT \"H2VERSION\"\u00A0()",
        "SELECT H2VERSION\u2000()",
        "SELECT `h2version`()",
        "SELECT \"SESSION_ID\"\u00A0()",
        "SELECT\u00A0FILE_READ\u00A0('/etc/passwd')",
    })
    void unicodeSpacesAndQuotingDoNotHideForbiddenNames(String sql) {
        SqlProblem p = sb.run(sql).problem().orElseThrow();
        assertEquals(SqlProblem.Kind.REFUSED, p.kind(), sql + " -> " + p);
    }
}
