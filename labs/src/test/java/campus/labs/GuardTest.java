package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.SqlProblem;
import campus.labs.sql.GuardPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tricks a learner might type. Each must be refused (by the guard, by H2's parse, or by H2's rights) and
 * never reach a file, Java code or the engine's settings.
 */
class GuardTest {

    private static Sandbox readOnly;
    private static Sandbox readWrite;

    @BeforeAll
    static void open() throws Exception {
        var ds = DatasetLibrary.bundled().find("bookshop").orElseThrow();
        readOnly = Sandbox.open(ds, 300, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT);
        readWrite = Sandbox.open(ds, 300, GuardPolicy.READ_WRITE, SandboxLimits.DEFAULT);
    }

    @AfterAll
    static void close() {
        readOnly.close();
        readWrite.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT FILE_READ('/etc/passwd')",
        "select file_read('/etc/passwd')",
        "SELECT FiLe_ReAd('/etc/passwd')",
        "SELECT \"FILE_READ\"('/etc/passwd')",
        "SELECT `file_read`('/etc/passwd')",
        "SELECT U&\"FILE\\005fREAD\"('/etc/passwd')",
        "SELECT U&\"FILE!005fREAD\" UESCAPE '!' ('/etc/passwd')",
        "SELECT FILE_/**/READ('/etc/passwd')",
        "SELECT * FROM CSVREAD('/etc/passwd')",
        "SELECT * FROM csvread('/etc/' || 'passwd')",
        "CALL CSVWRITE('/tmp/x.csv', 'SELECT 1')",
        "SELECT CSVWRITE('/tmp/x.csv', 'SELECT 1')",
        "SELECT FILE_WRITE('abc', '/tmp/x')",
        "RUNSCRIPT FROM '/tmp/x.sql'",
        "SCRIPT",
        "SCRIPT TO '/tmp/dump.sql'",
        "script to '/tmp/dump.sql'",
        "BACKUP TO '/tmp/b.zip'",
        "CREATE ALIAS EXEC AS 'String e(String c) throws Exception { return new String(Runtime.getRuntime().exec(c).getInputStream().readAllBytes()); }'",
        "create /* hidden */ alias x for 'java.lang.System.getProperty'",
        "CREATE TRIGGER t BEFORE INSERT ON books FOR EACH ROW CALL 'org.example.Evil'",
        "CREATE TRIGGER t BEFORE INSERT ON books FOR EACH ROW AS 'void fire() {}'",
        "CREATE LINKED TABLE l('org.h2.Driver', 'jdbc:h2:mem:other', 'sa', '', 'T')",
        "CREATE FORCE LINKED TABLE l('', 'jdbc:h2:mem:other', 'sa', '', 'T')",
        "SELECT * FROM LINK_SCHEMA('x', '', 'jdbc:h2:mem:o', 'sa', '', 'PUBLIC')",
        "SET QUERY_TIMEOUT 0",
        "set max_memory_rows 1",
        "/* comment */ SET LOCK_TIMEOUT 1",
        "/*! SET */ SET SCHEMA public",
        "SHUTDOWN",
        "SHUTDOWN IMMEDIATELY",
        "CREATE USER eve PASSWORD 'x' ADMIN",
        "ALTER USER learner ADMIN TRUE",
        "GRANT ALL ON SCHEMA pristine TO learner",
        "CREATE SCHEMA evil",
        "CREATE DOMAIN d AS INT",
        "CREATE CONSTANT c VALUE 1",
        "CREATE AGGREGATE a FOR 'org.example.Agg'",
        "CALL DATABASE_PATH()",
        "SELECT DATABASE_PATH()",
        "SELECT SESSION_ID()",
        "SELECT MEMORY_USED()",
        "SELECT CANCEL_SESSION(1)",
        "SELECT DISK_SPACE_USED('books')",
        "SELECT SIGNAL('45000', 'x')",
        "SELECT * FROM INFORMATION_SCHEMA.SESSIONS",
        "SELECT * FROM information_schema . \"SETTINGS\"",
        "SELECT * FROM INFORMATION_SCHEMA.USERS",
        "SELECT CAST(NULL AS JAVA_OBJECT)",
        "SELECT 1; SELECT FILE_READ('/etc/passwd')",
        "SELECT 1 /* a /* nested */ still comment */ ; CALL 1",
        "CHECKPOINT",
        "COMMIT",
        "ROLLBACK",
        "PREPARE COMMIT x",
        "USE pristine",
        "SELECT * FROM pristine.books",
        "EXPLAIN SELECT FILE_READ('/etc/passwd')",
        "SELECT $$/etc/passwd$$, FILE_READ($$/etc/passwd$$)",
        "CREATE TABLE x (a INT) ENGINE \"org.h2.mvstore.db.MVTableEngine\"",
    })
    void refusedInBothKindsOfLab(String sql) {
        for (Sandbox sb : new Sandbox[] {readOnly, readWrite}) {
            RunResult r = sb.run(sql);
            assertFalse(r.ok(), sb.policy() + " ran: " + sql);
            SqlProblem p = r.problem().orElseThrow();
            assertTrue(p.kind() == SqlProblem.Kind.REFUSED || p.kind() == SqlProblem.Kind.ERROR
                    || p.kind() == SqlProblem.Kind.SYNTAX, sql + " -> " + p);
            assertFalse(p.message().in(Lang.EN).isBlank());
        }
    }

    @Test
    void refusalNamesTheConstructInBothLanguages() {
        SqlProblem p = readOnly.run("SELECT 1;\n  select /* x */ csvread('/etc/passwd')").problem().orElseThrow();
        assertEquals(SqlProblem.Kind.REFUSED, p.kind());
        assertEquals("CSVREAD is not available in Campus labs: it reaches outside the sandbox.", p.message().in(Lang.EN));
        assertTrue(p.message().in(Lang.ZH).contains("CSVREAD"));
        assertEquals(2, p.line());
        assertEquals(18, p.column());
        assertEquals("SET is not available in Campus labs: it reaches outside the sandbox or changes the engine.",
                readOnly.run("set query_timeout 0").problem().orElseThrow().message().in(Lang.EN));
        assertEquals("CREATE ALIAS", readWrite.run("CREATE OR REPLACE ALIAS x FOR 'java.lang.Math.abs'")
                .problem().orElseThrow().message().args().get(0));
    }

    @Test
    void stringBuildersNeedASmallLiteralLength() {
        assertTrue(readOnly.run("SELECT REPEAT('ab', 3), LPAD('7', 3, '0'), SPACE(2) || 'x'").ok());
        assertEquals("REPEAT", readOnly.run("SELECT REPEAT('x', 999999999)").problem().orElseThrow().message().args().get(0));
        assertFalse(readOnly.run("SELECT REPEAT('x', id * 1000000) FROM books").ok());
        assertFalse(readOnly.run("SELECT LPAD('x', 100000000, 'y')").ok());
    }

    @Test
    void readOnlyLabRefusesChangesButStateLabAllowsThem() {
        SqlProblem p = readOnly.run("UPDATE books SET price = 0").problem().orElseThrow();
        assertEquals("This lab only reads data: UPDATE is not allowed here. Write a query (SELECT).", p.message().in(Lang.EN));
        assertTrue(readOnly.run("WITH x AS (SELECT 1 AS a) SELECT * FROM x").ok());
        assertTrue(readWrite.run("UPDATE books SET price = 0 WHERE id = 1").ok());
        assertTrue(readWrite.run("CREATE TABLE notes (id INT, body VARCHAR(20)); DROP TABLE notes").ok());
        readWrite.reset();
    }

    @Test
    void forbiddenNamesInsideStringsOrCommentsAreHarmless() {
        RunResult r = readOnly.run("SELECT 'FILE_READ(''/etc/passwd'')' AS s -- CSVREAD\n /* SET */");
        assertTrue(r.ok(), r.toString());
        assertEquals("FILE_READ('/etc/passwd')", r.lastQuery().orElseThrow().rows().get(0).get(0));
    }

    @Test
    void rightsStopWhatTheTokenGuardLetsThrough() {
        // DB_CLOSE_DELAY is not a forbidden word, but changing it needs admin rights: refused by H2 itself.
        RunResult r = readWrite.run("CREATE TABLE t2 AS SELECT * FROM pristine.books");
        assertFalse(r.ok());
        assertEquals(SqlProblem.Kind.ERROR, r.problem().orElseThrow().kind());
    }

    @Test
    void unterminatedCommentOrStringIsASyntaxProblemWithPosition() {
        SqlProblem p = readOnly.run("SELECT 1;\nSELECT 'abc").problem().orElseThrow();
        assertEquals(SqlProblem.Kind.SYNTAX, p.kind());
        assertEquals(2, p.line());
        assertEquals(8, p.column());
        assertEquals(SqlProblem.Kind.SYNTAX, readOnly.run("SELECT /* /* */ 1").problem().orElseThrow().kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELEC title FROM books", "slect title from books", "SELCT 1", "UPDTE books SET price = 1",
        "@@@ garbage", "1 + 1", "books", ")", "\u00e9l\u00e8ve 1"})
    void aStatementStartingWithAnUnknownWordIsASyntaxErrorNotARefusal(String sql) {
        for (Sandbox sb : new Sandbox[] {readOnly, readWrite}) {
            SqlProblem p = sb.run(sql).problem().orElseThrow();
            assertEquals(SqlProblem.Kind.SYNTAX, p.kind(), sb.policy() + ": " + sql + " -> " + p.message().in(Lang.EN));
            assertTrue(p.message().in(Lang.EN).startsWith("Syntax error"), p.message().in(Lang.EN));
            assertFalse(p.message().in(Lang.EN).contains("not available"), p.message().in(Lang.EN));
        }
    }

    @Test
    void aTypoNamesTheWordAndItsPositionInBothLanguages() {
        SqlProblem p = readOnly.run("SELECT 1;\n  SELEC title FROM books;").problem().orElseThrow();
        assertEquals(SqlProblem.Kind.SYNTAX, p.kind());
        assertEquals("Syntax error near SELEC (line 2, column 3).", p.message().in(Lang.EN));
        assertTrue(p.message().in(Lang.ZH).contains("SELEC"), p.message().in(Lang.ZH));
        assertEquals(2, p.line());
        assertEquals(3, p.column());
        SqlProblem end = readOnly.run("SELECT title FROM books WHERE").problem().orElseThrow();
        assertEquals(SqlProblem.Kind.SYNTAX, end.kind());
        assertEquals("Syntax error at the end of the statement (line 1, column 30): it looks unfinished.", end.message().in(Lang.EN));
        SqlProblem mid = readOnly.run("SELECT title FROM books WHERE price >> 3").problem().orElseThrow();
        assertEquals(SqlProblem.Kind.SYNTAX, mid.kind());
        assertTrue(mid.message().in(Lang.EN).startsWith("Syntax error near"), mid.message().in(Lang.EN));
    }

    /** Over several lines, with spaces at a line's end (as a starter leaves them), the word is still the right one. */
    @Test
    void aSyntaxErrorOverSeveralLinesNamesTheWordWhereItIs() {
        SqlProblem p = readOnly.run("SELECT title, price\nFROM books\nWHERE \nORDER BY price, id\nLIMIT 5;").problem().orElseThrow();
        assertEquals(SqlProblem.Kind.SYNTAX, p.kind());
        assertEquals("Syntax error near ORDER (line 4, column 1).", p.message().in(Lang.EN));
    }

    /** A foreign key that refuses a change says which rows and which tables, in the learner's terms. */
    @Test
    void foreignKeysExplainWhatRefusedTheChange() {
        String used = readWrite.run("SELECT 1;\nDELETE FROM books WHERE id = (SELECT MIN(book_id) FROM order_items)")
                .problem().orElseThrow().message().in(Lang.EN);
        assertTrue(used.matches("Line 2, column 1: the row of books with id = \\d+ is still used by rows of order_items"
                + " \\(order_items\\.book_id refers to books\\.id, a foreign key\\)\\. Change or delete those rows of"
                + " order_items first, or leave this row as it is\\."), used);
        String missing = readWrite.run("INSERT INTO order_items VALUES (1, 99, 99999, 1, 1.00)").problem().orElseThrow()
                .message().in(Lang.EN);
        assertEquals("Line 1, column 1: order_items.book_id = 99999 refers to a row of books that does not exist"
                + " (order_items.book_id must match a books.id, a foreign key). Use a value books has, or add that row to"
                + " books first.", missing);
        assertTrue(readWrite.run("INSERT INTO order_items VALUES (1, 99, 99999, 1, 1.00)").problem().orElseThrow()
                .message().in(Lang.ZH).contains("引用了 books 中不存在的行"));
        readWrite.reset();
    }

    /** Valid MySQL that the lab engine reads otherwise gets the reason and the way around it, not only H2's words. */
    @Test
    void mysqlHabitsH2DoesNotShareAreExplained() {
        SqlProblem using = readOnly.run("SELECT id, COUNT(*)\nFROM customers c JOIN orders USING (id) GROUP BY id").problem().orElseThrow();
        assertEquals("Line 1, column 8: Column id is ambiguous. MySQL merges the column of JOIN … USING and NATURAL JOIN"
                + " into one; the lab engine (H2) does not, so name it with its table or alias, e.g. c.id.", using.message().in(Lang.EN));
        assertEquals("第 1 行第 8 列：列名 id 不明确。MySQL 会把 JOIN … USING 和 NATURAL JOIN 中的同名列合并为一列；实验所用的引擎（H2）"
                + "不会，所以请写上表名或别名，例如 c.id。", using.message().in(Lang.ZH));
        SqlProblem natural = readOnly.run("SELECT id FROM customers NATURAL JOIN orders").problem().orElseThrow();
        assertTrue(natural.message().in(Lang.EN).endsWith("e.g. customers.id."), natural.message().in(Lang.EN));

        SqlProblem concat = readOnly.run("SELECT GROUP_CONCAT(name, ' ', country) FROM authors").problem().orElseThrow();
        assertEquals(SqlProblem.Kind.SYNTAX, concat.kind());
        assertEquals("Syntax error near , (line 1, column 25): GROUP_CONCAT takes one expression in the lab engine (H2),"
                + " where MySQL also accepts several. Join them first: GROUP_CONCAT(CONCAT(a, ' ', b)).", concat.message().in(Lang.EN));
        SqlProblem otherComma = readOnly.run("SELECT COUNT(name, country) FROM authors").problem().orElseThrow();
        assertFalse(otherComma.message().in(Lang.EN).contains("GROUP_CONCAT"), otherComma.message().in(Lang.EN));
        SqlProblem ambiguous = readOnly.run("SELECT id FROM customers, orders").problem().orElseThrow();
        assertFalse(ambiguous.message().in(Lang.EN).contains("MySQL"), "no USING: H2's message is the whole story");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 'abc", "SELECT \"title FROM books", "SELECT `title FROM books", "SELECT $$x",
        "SELECT 1 /* open", "SELEC 'abc"})
    void unbalancedQuotesAreSyntaxErrors(String sql) {
        SqlProblem p = readOnly.run(sql).problem().orElseThrow();
        assertEquals(SqlProblem.Kind.SYNTAX, p.kind(), sql);
        assertTrue(p.line() >= 1 && p.column() >= 1, sql + " -> " + p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET QUERY_TIMEOUT 0", "SHUTDOWN", "CALL 1", "RUNSCRIPT FROM 'x'", "GRANT ALL ON books TO PUBLIC",
        "CHECKPOINT", "USE lab", "SHOW TABLES", "BACKUP TO 'x'", "KILL 1"})
    void recognisedButForbiddenStatementsAreStillRefusals(String sql) {
        for (Sandbox sb : new Sandbox[] {readOnly, readWrite}) {
            SqlProblem p = sb.run(sql).problem().orElseThrow();
            assertEquals(SqlProblem.Kind.REFUSED, p.kind(), sb.policy() + ": " + sql);
        }
    }

    @Test
    void anUnknownFirstWordDoesNotSkipTheTokenChecks() {
        SqlProblem p = readWrite.run("SELEC FILE_READ('/etc/passwd')").problem().orElseThrow();
        assertEquals(SqlProblem.Kind.REFUSED, p.kind());
        assertEquals("FILE_READ", p.message().args().get(0));
    }
}
