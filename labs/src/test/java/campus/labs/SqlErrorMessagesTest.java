package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.labs.dataset.Dataset;
import campus.labs.importer.ImportReport;
import campus.labs.importer.MysqlDumpImporter;
import campus.labs.sandbox.DatasetException;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.SqlProblem;
import campus.labs.sandbox.WorkerSandbox;
import campus.labs.sql.GuardPolicy;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lab engine's errors a learner or a dump really meets, provoked with real SQL in a sandbox, are said in Campus's
 * words in both languages, with the names the engine quotes: a Chinese learner reads no English fragment.
 */
class SqlErrorMessagesTest {

    private static final String DATA = """
            CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(5) NOT NULL, price DECIMAL(5,2), copies TINYINT,
              published DATE, CONSTRAINT price_ok CHECK (price >= 0));
            CREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(20), email VARCHAR(30) UNIQUE);
            CREATE INDEX idx_title ON books(title);
            INSERT INTO books VALUES (1, 'Emma', 9.99, 3, '1815-12-23');
            INSERT INTO authors VALUES (1, 'Austen', 'ja@example.org'), (2, 'Eliot', 'ge@example.org');
            """;

    private static Sandbox sandbox;

    @BeforeAll
    static void open() throws Exception {
        sandbox = Sandbox.open(Dataset.parse("errors", DATA, "errors.sql"), null, GuardPolicy.READ_WRITE,
                SandboxLimits.DEFAULT);
    }

    @AfterAll
    static void close() {
        sandbox.close();
    }

    static Stream<Arguments> learnerErrors() {
        return Stream.of(
                // 42102
                Arguments.of("SELECT * FROM boks",
                        "Line 1, column 15: There is no table or view boks.",
                        "第 1 行，第 15 列：表或视图 boks 不存在。"),
                // 42103
                Arguments.of("SELECT * FROM \"Books\"",
                        "Line 1, column 16: There is no table or view Books; did you mean books? A name in double quotes must match its case exactly.",
                        "第 1 行，第 16 列：表或视图 Books 不存在，你是不是想写 books？写在双引号中的名称，大小写必须完全一致。"),
                // 42122
                Arguments.of("SELECT nme FROM books",
                        "Line 1, column 8: There is no column nme in the tables of this statement.",
                        "第 1 行，第 8 列：本语句用到的表中没有列 nme。"),
                // 42122
                Arguments.of("SELECT b.nme FROM books b",
                        "Line 1, column 10: There is no column b.nme in the tables of this statement.",
                        "第 1 行，第 10 列：本语句用到的表中没有列 b.nme。"),
                // 90059
                Arguments.of("SELECT id FROM books, authors",
                        "Line 1, column 8: Column id is ambiguous: more than one table of the statement has it. Put its table or alias in front, e.g. t.id.",
                        "第 1 行，第 8 列：列名 id 不明确：语句中不止一个表有这一列。请在前面加上表名或别名，例如 t.id。"),
                // 23505
                Arguments.of("INSERT INTO books VALUES (1, 'Sense', 5, 1, NULL)",
                        "Line 1, column 1: A row of books already has this id: id must be unique (a primary key or unique index).",
                        "第 1 行，第 1 列：books 中已有一行的 id 是这个值：id 的值不能重复（主键或唯一索引）。"),
                // 23505
                Arguments.of("INSERT INTO authors VALUES (3, 'Jane', 'ja@example.org')",
                        "Line 1, column 1: A row of authors already has this email: email must be unique (a primary key or unique index).",
                        "第 1 行，第 1 列：authors 中已有一行的 email 是这个值：email 的值不能重复（主键或唯一索引）。"),
                // 23502
                Arguments.of("INSERT INTO books (id) VALUES (2)",
                        "Line 1, column 1: Column title may not be NULL: give it a value.",
                        "第 1 行，第 1 列：列 title 不能为 NULL，请为它提供一个值。"),
                // 22001
                Arguments.of("INSERT INTO books VALUES (2, 'Persuasion', 5, 1, NULL)",
                        "Line 1, column 1: The value 'Persuasion' is too long for column title (CHARACTER VARYING(5)).",
                        "第 1 行，第 1 列：值 'Persuasion' 超出了列 title（CHARACTER VARYING(5)）允许的长度。"),
                // 22001
                Arguments.of("INSERT INTO books VALUES (2, 'Emma', 12345.6, 1, NULL)",
                        "Line 1, column 1: The value 12345.60 is too long for column price (DECIMAL(5, 2)).",
                        "第 1 行，第 1 列：值 12345.60 超出了列 price（DECIMAL(5, 2)）允许的长度。"),
                // 22018
                Arguments.of("SELECT CAST('abc' AS INT)",
                        "Line 1, column 14: The value abc cannot be converted to the type needed here (text where a number or a date is expected?).",
                        "第 1 行，第 14 列：无法把值 abc 转换成这里需要的类型（是不是在需要数字或日期的地方写了文本？）。"),
                // 22018
                Arguments.of("INSERT INTO books VALUES ('two', 'Emma', 1, 1, NULL)",
                        "Line 1, column 1: The value 'two' cannot be stored in column books.id (INTEGER NOT NULL).",
                        "第 1 行，第 1 列：值 'two' 无法存入列 books.id（INTEGER NOT NULL）。"),
                // 22003
                Arguments.of("SELECT CAST(300 AS TINYINT)",
                        "Line 1, column 13: The number 300 is out of range for its type.",
                        "第 1 行，第 13 列：数值 300 超出了其类型的取值范围。"),
                // 22004
                Arguments.of("INSERT INTO books VALUES (2, 'Emma', 1, 1000, NULL)",
                        "Line 1, column 41: The number 1000 is out of range for column copies.",
                        "第 1 行，第 41 列：数值 1000 超出了列 copies 的取值范围。"),
                // 22012
                Arguments.of("SELECT 10 % 0",
                        "Line 1, column 8: Division by zero: 10 is divided by 0. To get NULL instead, as MySQL does, write the divisor as NULLIF(…, 0).",
                        "第 1 行，第 8 列：除数为零：10 被 0 除。如果想像 MySQL 那样得到 NULL，请把除数写成 NULLIF(…, 0)。"),
                // 22012
                Arguments.of("SELECT MOD(10, 0)",
                        "Line 1, column 12: Division by zero: 10 is divided by 0. To get NULL instead, as MySQL does, write the divisor as NULLIF(…, 0).",
                        "第 1 行，第 12 列：除数为零：10 被 0 除。如果想像 MySQL 那样得到 NULL，请把除数写成 NULLIF(…, 0)。"),
                // 90022
                Arguments.of("SELECT lenght(title) FROM books",
                        "Line 1, column 8: There is no function lenght (a typo, or a MySQL function the lab engine does not have).",
                        "第 1 行，第 8 列：没有名为 lenght 的函数（是拼写错误，还是实验引擎没有这个 MySQL 函数？）。"),
                // 90016
                Arguments.of("SELECT COUNT(*), name FROM authors",
                        "Line 1, column 18: Column name must be in GROUP BY or inside an aggregate function (such as COUNT or MAX).",
                        "第 1 行，第 18 列：列 name 必须写在 GROUP BY 中，或放在聚合函数（如 COUNT、MAX）里。"),
                // 21002
                Arguments.of("INSERT INTO books (id, title) VALUES (2)",
                        "Line 1, column 1: The number of columns does not match: an INSERT needs one value per column, and each SELECT of a UNION the same number of columns.",
                        "第 1 行，第 1 列：列数不匹配：INSERT 中每一列都要对应一个值，UNION 中每个 SELECT 的列数也必须相同。"),
                // 21002
                Arguments.of("SELECT id FROM books UNION SELECT id, name FROM authors",
                        "Line 1, column 1: The number of columns does not match: an INSERT needs one value per column, and each SELECT of a UNION the same number of columns.",
                        "第 1 行，第 1 列：列数不匹配：INSERT 中每一列都要对应一个值，UNION 中每个 SELECT 的列数也必须相同。"),
                // 90079
                Arguments.of("SELECT * FROM shop.books",
                        "Line 1, column 15: There is no schema shop.",
                        "第 1 行，第 15 列：模式 shop 不存在。"),
                // 42101
                Arguments.of("CREATE TABLE books (a INT)",
                        "Line 1, column 14: Table or view books already exists.",
                        "第 1 行，第 14 列：表或视图 books 已经存在。"),
                // 90038
                Arguments.of("CREATE VIEW books AS SELECT 1",
                        "Line 1, column 13: Table or view books already exists.",
                        "第 1 行，第 13 列：表或视图 books 已经存在。"),
                // 42111
                Arguments.of("CREATE INDEX idx_title ON authors(name)",
                        "Line 1, column 14: Index idx_title already exists (index names are unique in the whole schema, not per table).",
                        "第 1 行，第 14 列：索引 idx_title 已经存在（索引名在整个模式内唯一，而不是每个表内）。"),
                // 90045
                Arguments.of("ALTER TABLE books ADD CONSTRAINT price_ok CHECK (price > 0)",
                        "Line 1, column 34: Constraint price_ok already exists.",
                        "第 1 行，第 34 列：约束 price_ok 已经存在。"),
                // 42121
                Arguments.of("ALTER TABLE books ADD COLUMN title INT",
                        "Line 1, column 30: Column title already exists: a table cannot have two columns of the same name.",
                        "第 1 行，第 30 列：列 title 已经存在：一个表中不能有两个同名的列。"),
                // 23513
                Arguments.of("INSERT INTO books VALUES (2, 'Emma', -1, 1, NULL)",
                        "Line 1, column 1: The row does not pass check constraint price_ok.",
                        "第 1 行，第 1 列：这一行不满足检查约束 price_ok。"),
                // 22007
                Arguments.of("INSERT INTO books VALUES (2, 'Emma', 1, 1, '1815-02-30')",
                        "Line 1, column 1: 1815-02-30 is not a valid DATE value (a date is written like 2024-03-05, a time like 14:07:09).",
                        "第 1 行，第 1 列：1815-02-30 不是有效的 DATE 值（日期的写法如 2024-03-05，时间的写法如 14:07:09）。"),
                // 22007
                Arguments.of("SELECT TIME '25:00:00'",
                        "Line 1, column 8: 25:00:00 is not a valid TIME value (a date is written like 2024-03-05, a time like 14:07:09).",
                        "第 1 行，第 8 列：25:00:00 不是有效的 TIME 值（日期的写法如 2024-03-05，时间的写法如 14:07:09）。"));
    }

    @ParameterizedTest
    @MethodSource("learnerErrors")
    void aLearnersErrorIsSaidInTheirLanguage(String sql, String en, String zh) {
        SqlProblem p = sandbox.run(sql).problem().orElseThrow();
        assertEquals(en, p.message().in(Lang.EN));
        assertEquals(zh, p.message().in(Lang.ZH));
        assertNoEnglish(p.message(), sql, DATA);
    }

    /** SQL words, engine type names and the names from the statement may stand in a Chinese sentence; English may not. */
    private static final java.util.Set<String> SQL_WORDS = java.util.Set.of("NULL", "GROUP", "BY", "COUNT", "MAX", "INSERT",
            "UNION", "SELECT", "MySQL", "NULLIF", "DATE", "TIME", "CHARACTER", "VARYING", "DECIMAL", "INTEGER", "NOT", "t");

    private static void assertNoEnglish(Msg m, String... sources) {
        String zh = m.in(Lang.ZH);
        java.util.Set<String> allowed = new java.util.HashSet<>(SQL_WORDS);
        for (String s : sources) {
            Matcher w = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*").matcher(s);
            while (w.find()) {
                allowed.add(w.group());
            }
        }
        Matcher w = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*").matcher(zh);
        while (w.find()) {
            String word = w.group();
            assertTrue(allowed.contains(word), () -> "English word " + word + " in: " + zh);
        }
        for (String fragment : new String[] {"not found", "already exists", "violation", "not allowed", "Value too long",
                "conversion", "out of range", "Division", "must be in", "does not match", "Cannot parse"}) {
            assertFalse(zh.contains(fragment), () -> "English fragment in: " + zh);
        }
    }

    @Test
    void aJoinUsingAmbiguityKeepsTheMysqlHintInTheReadersLanguage() {
        SqlProblem p = sandbox.run("SELECT id FROM books JOIN authors USING (id)").problem().orElseThrow();
        assertEquals("Line 1, column 8: Column id is ambiguous. MySQL merges the column of JOIN … USING and NATURAL JOIN"
                + " into one; the lab engine (H2) does not, so name it with its table or alias, e.g. books.id.",
                p.message().in(Lang.EN));
        assertEquals("第 1 行第 8 列：列名 id 不明确。MySQL 会把 JOIN … USING 和 NATURAL JOIN 中的同名列合并为一列；实验所用的引擎（H2）"
                + "不会，所以请写上表名或别名，例如 books.id。", p.message().in(Lang.ZH));
    }

    @Test
    void theMessageSurvivesTheLabWorker() throws Exception {
        try (WorkerSandbox worker = WorkerSandbox.open(Dataset.parse("errors", DATA, "errors.sql"), null, GuardPolicy.READ_WRITE,
                SandboxLimits.DEFAULT)) {
            SqlProblem p = worker.run("SELECT * FROM boks").problem().orElseThrow();
            assertEquals("Line 1, column 15: There is no table or view boks.", p.message().in(Lang.EN));
            assertEquals("第 1 行，第 15 列：表或视图 boks 不存在。", p.message().in(Lang.ZH));
        }
    }

    @Test
    void anUnmappedEngineErrorKeepsTheEnginesText() {
        // a sequence that does not exist: not one of the errors said in Campus's words, so the engine's text stays
        SqlProblem p = sandbox.run("SELECT NEXT VALUE FOR nosuch_seq").problem().orElseThrow();
        assertEquals("Line 1, column 23: Sequence \"nosuch_seq\" not found", p.message().in(Lang.EN));
    }

    @Test
    void aDatasetStatementOnAnEmptyDatabaseIsSaidInTheReadersLanguage() {
        DatasetException e = assertThrows(DatasetException.class, () -> Sandbox.open(
                Dataset.parse("empty", "INSERT INTO missing VALUES (1);\n", "empty.sql"), null, GuardPolicy.READ_ONLY,
                SandboxLimits.DEFAULT).close());
        assertEquals("empty.sql:1: There is no table or view missing: this database has no tables at all.", e.msg().in(Lang.EN));
        assertEquals("empty.sql:1：表或视图 missing 不存在：这个数据库里还没有任何表。", e.msg().in(Lang.ZH));
        assertNoEnglish(e.msg(), "empty.sql missing");
    }

    @Test
    void aDatasetWithADuplicateKeyIsSaidInTheReadersLanguage() {
        DatasetException e = assertThrows(DatasetException.class, () -> Sandbox.open(
                Dataset.parse("dup", "CREATE TABLE shelf (id INT PRIMARY KEY);\nINSERT INTO shelf VALUES (1);\n"
                        + "INSERT INTO shelf VALUES (1);\n", "dup.sql"), null, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT).close());
        assertEquals("dup.sql:3: A row of shelf already has this id: id must be unique (a primary key or unique index).",
                e.msg().in(Lang.EN));
        assertEquals("dup.sql:3：shelf 中已有一行的 id 是这个值：id 的值不能重复（主键或唯一索引）。", e.msg().in(Lang.ZH));
        assertNoEnglish(e.msg(), "dup.sql shelf id");
    }

    @Test
    void aDumpThatBreaksAConstraintIsSaidInTheReadersLanguage() {
        ImportReport r = MysqlDumpImporter.convert("CREATE TABLE `shelf` (\n  `id` int NOT NULL,\n  `label` varchar(3) NOT NULL,\n"
                + "  PRIMARY KEY (`id`)\n);\nINSERT INTO `shelf` VALUES (1,'A1'),(2,NULL);\n", "shelves");
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals("Line 6: Column label may not be NULL: give it a value.", r.errors().get(0).in(Lang.EN));
        assertEquals("第 6 行：列 label 不能为 NULL，请为它提供一个值。", r.errors().get(0).in(Lang.ZH));
        assertNoEnglish(r.errors().get(0), "shelf label");
    }
}
