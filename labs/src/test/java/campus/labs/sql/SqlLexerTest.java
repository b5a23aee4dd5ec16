package campus.labs.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lexer reads what H2 reads: checked against H2 itself where it can be. */
class SqlLexerTest {

    private static String tokens(String sql) throws SqlSyntaxException {
        return SqlTokenizer.tokenize(sql).stream().map(t -> t.type().name().charAt(0) + ":" + t.value())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "U+{0} is white space, as in H2")
    @ValueSource(strings = {"00A0", "2007", "202F", "3000", "2028", "001C", "001F", "1680"})
    void unicodeAndControlSpacesSeparateTokens(String hex) throws Exception {
        String sp = Character.toString(Integer.parseInt(hex, 16));
        assertEquals("W:INFORMATION_SCHEMA S:. W:SETTINGS", tokens("INFORMATION_SCHEMA" + sp + "." + sp + "SETTINGS"));
        assertEquals("Q:H2VERSION S:( S:)", tokens("\"H2VERSION\"" + sp + "()"));
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:mem:lexer;MODE=MySQL;DATABASE_TO_LOWER=TRUE", new java.util.Properties());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT" + sp + "41" + sp + "+" + sp + "1")) {
            rs.next();
            assertEquals(42, rs.getInt(1), "H2 reads U+" + hex + " as a space too");
        }
    }

    @Test
    void hashAndBackslashAreSymbolsNotCommentsOrEscapes() throws Exception {
        assertEquals("W:A S:# W:B", tokens("a # b"));
        assertEquals("S:a\\ W:B", tokens("'a\\' b"));
    }

    @Test
    void namesQuotedAnyWayResolveToTheSameWord() throws Exception {
        for (String spelling : List.of("repeat", "\"REPEAT\"", "`repeat`", "`Repeat`", "U&\"REP\\0045AT\"",
                "U&\"REP!0045AT\" UESCAPE '!'")) {
            SqlToken t = SqlTokenizer.tokenize(spelling + "('x', 3)").get(0);
            assertEquals("REPEAT", t.nameUpper(), spelling);
        }
    }

    @Test
    void adjacentStringsAreOneStringAsH2JoinsThem() throws Exception {
        assertEquals("S:jdbc:h2:mem:x", tokens("'jdbc:' /* c */ 'h2:' // c\n 'mem:x'"));
        assertEquals("S:a S:b", tokens("'a' -- not joined after this kind of comment\n 'b'"));
    }

    @Test
    void blockCommentsNestAndUnterminatedOnesFail() throws Exception {
        assertEquals("N:1 N:2", tokens("1 /* a /* b */ c */ 2"));
        assertThrows(SqlSyntaxException.class, () -> SqlTokenizer.tokenize("1 /* a /* b */ 2"));
        assertThrows(SqlSyntaxException.class, () -> SqlTokenizer.tokenize("SELECT 'open"));
    }

    @Test
    void lexingLineByLineCarriesNestedCommentDepth() {
        String sql = "a /* x /* y\n*/ still\n*/ b";
        List<SqlLexer.Lexeme> out = new java.util.ArrayList<>();
        SqlLexer.State s = SqlLexer.lex(sql, 0, 12, SqlLexer.State.NORMAL, SqlLexer.Flavor.H2, out::add);
        assertEquals(new SqlLexer.State(SqlLexer.State.Mode.BLOCK_COMMENT, 2), s);
        s = SqlLexer.lex(sql, 12, 21, s, SqlLexer.Flavor.H2, out::add);
        assertEquals(SqlLexer.State.BLOCK_COMMENT, s);
        s = SqlLexer.lex(sql, 21, sql.length(), s, SqlLexer.Flavor.H2, out::add);
        assertEquals(SqlLexer.State.NORMAL, s);
        assertEquals(SqlLexer.Kind.WORD, out.get(out.size() - 1).kind());
    }
}
