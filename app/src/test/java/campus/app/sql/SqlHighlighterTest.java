package campus.app.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlHighlighterTest {

    /** "kind:text" per span, whitespace dropped: reads like the truth table it is. */
    private static String tokens(String sql) {
        return SqlHighlighter.spans(sql).stream()
                .map(s -> s.kind().name().charAt(0) + s.kind().name().substring(1, 3).toLowerCase()
                        + ":" + sql.substring(s.start(), s.end()))
                .collect(Collectors.joining(" "));
    }

    @Test
    void keywordsAreCaseInsensitiveAndOtherWordsAreIdentifiers() {
        assertEquals("Key:select Ide:name Key:FROM Ide:users Key:Where Ide:id Ope:= Num:1",
                tokens("select name FROM users Where id = 1"));
    }

    @ParameterizedTest(name = "{0} is a keyword")
    @CsvSource({"SELECT", "insert", "Join", "LIMIT", "AUTO_INCREMENT", "MERGE", "QUALIFY", "VARCHAR", "ROWNUM", "XOR"})
    void mysqlAndH2KeywordsAreKeywords(String word) {
        assertEquals(List.of(new SqlSpan(0, word.length(), SqlTokenKind.KEYWORD)), SqlHighlighter.spans(word));
    }

    @ParameterizedTest(name = "{0} is an identifier")
    @CsvSource({"selected", "users", "count", "_from", "表名", "order_id", "@total", "t1"})
    void wordsThatOnlyContainKeywordsAreIdentifiers(String word) {
        assertEquals(List.of(new SqlSpan(0, word.length(), SqlTokenKind.IDENTIFIER)), SqlHighlighter.spans(word));
    }

    @Test
    void stringsKeepDoubledQuotesAndABackslashIsNoEscapeAsInH2() {
        assertEquals("Str:'it''s' Ope:, Str:'a\\' Ope:, Str:''", tokens("'it''s', 'a\\', ''"));
        assertEquals("Str:'a\\' Ide:b Str:' '", tokens("'a\\'b' '"));
    }

    @Test
    void prefixedStringsAreOneString() {
        assertEquals("Str:N'名字' Str:X'0A'", tokens("N'名字' X'0A'"));
    }

    @Test
    void doubleQuotesAndBackticksQuoteIdentifiers() {
        assertEquals("Key:SELECT Quo:\"first name\" Ope:, Quo:`order` Ope:, Quo:`a``b`",
                tokens("SELECT \"first name\", `order`, `a``b`"));
    }

    @Test
    void allCommentStylesOfH2RunToTheirEnd() {
        String sql = "a -- dash\nb # hash\nc /* block /* nested */\n more */ d // slashes";
        assertEquals("Ide:a Com:-- dash Ide:b Ope:# Ide:hash Ide:c Com:/* block /* nested */\n more */ Ide:d Com:// slashes",
                tokens(sql));
    }

    @Test
    void unicodeSpacesSeparateTokensAsInH2() {
        assertEquals("Ide:INFORMATION_SCHEMA Ope:. Ide:SETTINGS", tokens("INFORMATION_SCHEMA\u00A0.\u3000SETTINGS"));
    }

    @ParameterizedTest(name = "{0} is one number")
    @CsvSource({"42", "3.14", ".5", "1e10", "2.5E-3", "0xFF"})
    void numbersInEveryForm(String n) {
        assertEquals(List.of(new SqlSpan(0, n.length(), SqlTokenKind.NUMBER)), SqlHighlighter.spans(n));
    }

    @Test
    void multiCharacterOperatorsAreOneToken() {
        assertEquals("Ide:a Ope:<= Ide:b Ope:<> Ide:c Ope:!= Ide:d Ope:|| Ide:e Ope:<=> Ide:f Ope:( Ope:) Ope:;",
                tokens("a <= b <> c != d || e <=> f();"));
    }

    @ParameterizedTest(name = "unterminated {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "'never closed|STRING",
            "/* open comment|COMMENT",
            "\"half|QUOTED_IDENTIFIER",
            "`half|QUOTED_IDENTIFIER",
            "$$ body|STRING",
            "'ends with backslash\\|STRING"})
    void unterminatedTokensRunToTheEndWithoutFailing(String sql, SqlTokenKind kind) {
        String text = "SELECT " + sql;
        List<SqlSpan> spans = SqlHighlighter.spans(text);
        SqlSpan last = spans.get(spans.size() - 1);
        assertEquals(new SqlSpan(7, text.length(), kind), last);
    }

    @Test
    void spansAreOrderedDisjointAndInsideTheText() {
        String sql = "SELECT a.`x`, 'y''z', 1.5e3 FROM t -- c\nWHERE /* q */ b >= ?;";
        int prev = 0;
        for (SqlSpan s : SqlHighlighter.spans(sql)) {
            assertTrue(s.start() >= prev && s.end() <= sql.length() && s.length() > 0, s.toString());
            prev = s.end();
        }
    }

    @Test
    void lexingLineByLineWithCarriedStateEqualsLexingTheWhole() {
        String sql = "SELECT 'multi\nline' /* and\ncomment\n*/ FROM `odd\nname` WHERE x = 1\n";
        List<SqlSpan> pieces = new ArrayList<>();
        campus.labs.sql.SqlLexer.State state = campus.labs.sql.SqlLexer.State.NORMAL;
        int lineStart = 0;
        while (lineStart < sql.length()) {
            int nl = sql.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? sql.length() : nl + 1;
            state = SqlHighlighter.lex(sql, lineStart, lineEnd, state, pieces);
            lineStart = lineEnd;
        }
        assertEquals(campus.labs.sql.SqlLexer.State.NORMAL, state);
        assertEquals(merge(SqlHighlighter.spans(sql)), merge(pieces));
    }

    @Test
    void aLineInsideAnOpenCommentReportsThatState() {
        List<SqlSpan> out = new ArrayList<>();
        assertEquals(campus.labs.sql.SqlLexer.State.BLOCK_COMMENT, SqlHighlighter.lex("x /* open", 0, 9, campus.labs.sql.SqlLexer.State.NORMAL, out));
        assertEquals(campus.labs.sql.SqlLexer.State.NORMAL, SqlHighlighter.lex("still */ y", 0, 10, campus.labs.sql.SqlLexer.State.BLOCK_COMMENT, out));
        assertEquals(new SqlSpan(0, 8, SqlTokenKind.COMMENT), out.get(2));
    }

    /** Spans of one token split at line ends are joined again, so both ways compare equal. */
    private static List<SqlSpan> merge(List<SqlSpan> spans) {
        List<SqlSpan> out = new ArrayList<>();
        for (SqlSpan s : spans) {
            SqlSpan last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.kind() == s.kind() && last.end() == s.start() && s.kind() != SqlTokenKind.OPERATOR
                    && s.kind() != SqlTokenKind.IDENTIFIER && s.kind() != SqlTokenKind.KEYWORD) {
                out.set(out.size() - 1, new SqlSpan(last.start(), s.end(), s.kind()));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
