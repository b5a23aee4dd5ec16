package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.labs.dataset.Dataset;
import campus.labs.importer.ImportReport;
import campus.labs.importer.MysqlDumpImporter;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sql.GuardPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small dump per class of real-world dump that failed or lost something: each must import whole. */
class DumpImportClassesTest {

    static List<String> lines(ImportReport r, Lang lang) {
        return r.lines().stream().map(m -> m.in(lang)).toList();
    }

    private static List<String> errors(ImportReport r, Lang lang) {
        return r.errors().stream().map(m -> m.in(lang)).toList();
    }

    static List<List<Object>> rows(ImportReport r, String sql) throws Exception {
        try (Sandbox sb = Sandbox.open(Dataset.parse("t", r.script(), "t.sql"), null, GuardPolicy.READ_ONLY,
                SandboxLimits.DEFAULT)) {
            var result = sb.run(sql);
            assertTrue(result.ok(), String.valueOf(result.problem()));
            return result.lastQuery().orElseThrow().rows();
        }
    }

    static ImportReport ok(String dump) {
        ImportReport r = MysqlDumpImporter.convert(dump, "t");
        assertEquals(List.of(), errors(r, Lang.EN));
        return r;
    }

    @Test
    void relaxedMysqlDatesAndTimesAreConverted() throws Exception {
        ImportReport r = ok("""
                CREATE TABLE `e` (`id` INT NOT NULL, `born` DATETIME, `hired` DATE, `starts` TIME, PRIMARY KEY (`id`));
                INSERT INTO `e` VALUES (1, '1962/2/18', '2002/8/14', '8:05:00'),
                  (2, '2009-1-1 0:00:00', '20090102', '17:30'),
                  (3, '1999-12-31 23:59:59', '99.12.31', '23:59:59');
                INSERT INTO `e` (`hired`, `id`) VALUES ('2010/10/1', 4);
                """);
        assertEquals(List.of(
                List.of(1, java.time.LocalDateTime.of(1962, 2, 18, 0, 0), java.time.LocalDate.of(2002, 8, 14), java.time.LocalTime.of(8, 5)),
                List.of(2, java.time.LocalDateTime.of(2009, 1, 1, 0, 0), java.time.LocalDate.of(2009, 1, 2), java.time.LocalTime.of(17, 30)),
                List.of(3, java.time.LocalDateTime.of(1999, 12, 31, 23, 59, 59), java.time.LocalDate.of(1999, 12, 31), java.time.LocalTime.of(23, 59, 59))),
                rows(r, "SELECT id, born, hired, starts FROM e WHERE id < 4 ORDER BY id"));
        assertEquals(java.time.LocalDate.of(2010, 10, 1), rows(r, "SELECT hired FROM e WHERE id = 4").get(0).get(0));
        assertTrue(lines(r, Lang.EN).contains(
                "e: 8 MySQL date or time values written in a relaxed form (such as 1962/2/18) stored in the standard form."),
                lines(r, Lang.EN).toString());
        assertTrue(lines(r, Lang.ZH).contains("e：8 个以 MySQL 宽松格式书写的日期或时间值（如 1962/2/18）已按标准格式存储。"));
    }

    @Test
    void columnAttributesTheEngineLacksAreDroppedWithALine() throws Exception {
        ImportReport r = ok("""
                CREATE TABLE `p` (
                  `id` int NOT NULL,
                  `code` varchar(40) BINARY NOT NULL,
                  `name` varchar(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL COMMENT 'shown; to users',
                  `changed` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                  PRIMARY KEY (`id`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
                INSERT INTO `p` VALUES (1, 'A1', 'Ann', '2020-01-02 03:04:05');
                """);
        assertEquals(List.of(List.of(1, "A1", "Ann")), rows(r, "SELECT id, code, name FROM p"));
        List<String> en = lines(r, Lang.EN);
        assertTrue(en.contains("p.code: column attributes dropped: BINARY (the lab engine has no such attribute; text compares case-sensitively)."), en.toString());
        assertTrue(en.contains("p.name: column attributes dropped: CHARACTER SET utf8mb4, COLLATE utf8mb4_bin, COMMENT (the lab engine has no such attribute; text compares case-sensitively)."), en.toString());
        assertTrue(lines(r, Lang.ZH).contains("p.code：已删除列属性：BINARY（实验引擎没有这种属性；文本比较区分大小写）。"));
        assertTrue(r.script().contains("ON UPDATE CURRENT_TIMESTAMP"), r.script());
    }

    @Test
    void foreignKeysAndIndexesAddedAfterTheTablesAreKept() throws Exception {
        ImportReport r = ok("""
                CREATE TABLE `Artist` (`ArtistId` INT NOT NULL, `Name` NVARCHAR(120), CONSTRAINT `PK_Artist` PRIMARY KEY (`ArtistId`));
                CREATE TABLE `Album` (`AlbumId` INT NOT NULL, `Title` NVARCHAR(160) NOT NULL, `ArtistId` INT NOT NULL);
                INSERT INTO `Artist` (`ArtistId`, `Name`) VALUES (1, N'AC/DC'), (2, N'Accept');
                INSERT INTO `Album` (`AlbumId`, `Title`, `ArtistId`) VALUES (1, N'For Those About To Rock', 1);
                ALTER TABLE `Album` ADD CONSTRAINT `PK_Album` PRIMARY KEY (`AlbumId`);
                ALTER TABLE `Album` ADD CONSTRAINT `FK_AlbumArtistId`
                    FOREIGN KEY (`ArtistId`) REFERENCES `Artist` (`ArtistId`) ON DELETE NO ACTION ON UPDATE NO ACTION;
                CREATE INDEX `IFK_AlbumArtistId` ON `Album` (`ArtistId`);
                CREATE UNIQUE INDEX `title_u` USING BTREE ON `Album` (`Title`(20));
                """);
        assertEquals(List.of(List.of("album_ifk_albumartistid"), List.of("album_title_u")),
                rows(r, "SELECT index_name FROM information_schema.indexes WHERE table_name = 'album'"
                        + " AND index_name LIKE 'album_%' ORDER BY index_name"));
        assertEquals(List.of(List.of("PRIMARY KEY"), List.of("FOREIGN KEY")),
                rows(r, "SELECT constraint_type FROM information_schema.table_constraints WHERE table_name = 'album'"
                        + " AND constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY') ORDER BY constraint_type DESC"));
        assertFalse(lines(r, Lang.EN).stream().anyMatch(l -> l.contains("skipped")), lines(r, Lang.EN).toString());
    }

    @Test
    void versionedPartsDroppedFromATableAreNamedWithTheirLineThoseInRowsAreCounted() throws Exception {
        ImportReport r = ok("""
                CREATE TABLE `address` (
                  `address_id` INT NOT NULL,
                  /*!50705 `location` GEOMETRY */ /*!80003 SRID 0 */ /*!50705 NOT NULL,*/ `n` INT,
                  PRIMARY KEY (`address_id`),
                  /*!50705 SPATIAL KEY `idx_location` (`location`),*/
                  /*! KEY `idx_id` (`address_id`),*/
                  KEY `idx_fk` (`address_id`)
                );
                INSERT INTO `address` VALUES (1, /*!50705 0x000000000101000000,*/ 2);
                """);
        assertEquals(List.of(List.of(1, 2)), rows(r, "SELECT address_id, n FROM address"));
        List<String> en = lines(r, Lang.EN);
        for (String l : List.of(
                "Line 3: dropped a part MySQL runs only from version 5.7.5 on (/*!…*/), as an older MySQL would: `location` GEOMETRY",
                "Line 3: dropped a part MySQL runs only from version 8.0.3 on (/*!…*/), as an older MySQL would: SRID 0",
                "Line 3: dropped a part MySQL runs only from version 5.7.5 on (/*!…*/), as an older MySQL would: NOT NULL,",
                "Line 5: dropped a part MySQL runs only from version 5.7.5 on (/*!…*/), as an older MySQL would: SPATIAL KEY `idx_location` (`location`),",
                "Line 6: dropped a part written for MySQL only (/*!…*/): KEY `idx_id` (`address_id`),",
                "6 MySQL version comments (/*!...*/) inside statements were dropped.")) {
            assertTrue(en.contains(l), l + " in " + en);
        }
        assertEquals(6, en.stream().filter(l -> l.contains("/*!")).count(), en.toString());
        assertTrue(lines(r, Lang.ZH).contains("第 5 行：已删除 MySQL 从 5.7.5 版起才执行的部分（/*!…*/），与较早版本的 MySQL 相同："
                + "SPATIAL KEY `idx_location` (`location`),"), lines(r, Lang.ZH).toString());
    }

    @Test
    void crlfDumpsKeepCommentsAndExactLines() {
        String dump = String.join("\r\n",
                "-- a comment",
                "--",
                "# another",
                "CREATE TABLE `t` (`id` int NOT NULL, `d` date, PRIMARY KEY (`id`));",
                "/* block",
                "   comment */",
                "INSERT INTO `t` VALUES (1, '2020-01-01'),",
                "(2, '2020-02-30');",
                "");
        ImportReport r = MysqlDumpImporter.convert(dump, "t");
        assertEquals(1, r.errors().size(), errors(r, Lang.EN).toString());
        assertTrue(errors(r, Lang.EN).get(0).startsWith("Line 7: "), errors(r, Lang.EN).toString());
        assertTrue(errors(r, Lang.ZH).get(0).startsWith("第 7 行："), errors(r, Lang.ZH).toString());
    }

    @Test
    void anErrorPointsAtTheLineOfTheUsersDumpNotOfTheDatasetScript() {
        ImportReport r = MysqlDumpImporter.convert("""
                CREATE TABLE a (id INT PRIMARY KEY);
                CREATE TABLE b (id INT PRIMARY KEY, a_id INT,
                  CONSTRAINT fk FOREIGN KEY (a_id) REFERENCES a (id));
                INSERT INTO a VALUES (1);


                INSERT INTO b VALUES (1, 1);
                INSERT INTO a VALUES (1);
                """, "t");
        assertEquals(1, r.errors().size(), errors(r, Lang.EN).toString());
        assertEquals(List.of("Line 8: A row of a already has this id: id must be unique (a primary key or unique index)."),
                errors(r, Lang.EN));
        assertEquals(List.of("第 8 行：a 中已有一行的 id 是这个值：id 的值不能重复（主键或唯一索引）。"), errors(r, Lang.ZH));
    }

    @Test
    void aDumpWithTablesButNoRowsIsNotASilentSuccess(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("schema.sql");
        Files.writeString(dump, "CREATE TABLE a (id INT PRIMARY KEY);\nCREATE TABLE b (id INT PRIMARY KEY);\n");
        ImportReport r = MysqlDumpImporter.convert(dump, "t", false);
        assertEquals(List.of("The dump creates 2 tables but no rows: were its data files left out? To import the tables alone, add --tables-only."),
                errors(r, Lang.EN));
        assertEquals(List.of("转储创建了 2 个表，但没有任何数据行：是否遗漏了数据文件？如只需导入表结构，请加 --tables-only。"), errors(r, Lang.ZH));
        ImportReport tablesOnly = MysqlDumpImporter.convert(dump, "t", true);
        assertTrue(tablesOnly.ok());
        assertTrue(lines(tablesOnly, Lang.EN).contains("2 tables imported without rows (--tables-only)."));
    }

    @Test
    void sourcedDataFilesBesideTheDumpAreImported(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("employees.sql"), """
                CREATE TABLE employees (emp_no INT NOT NULL, hire_date DATE NOT NULL, PRIMARY KEY (emp_no));
                SELECT 'LOADING employees' as 'INFO';
                source load_employees.dump ;
                source load_missing.dump ;
                """);
        Files.writeString(dir.resolve("load_employees.dump"), "INSERT INTO `employees` VALUES (10001,'1986-06-26'),\n(10002,'1985/11/21');\n");
        ImportReport r = MysqlDumpImporter.convert(dir.resolve("employees.sql"), "t", false);
        String missing = dir.resolve("load_missing.dump").toString();
        assertEquals(List.of("Line 4: source load_missing.dump: no such file beside the dump (" + missing + "); its rows are not imported."),
                errors(r, Lang.EN));
        assertEquals(List.of("第 4 行：source load_missing.dump：转储旁边没有这个文件（" + missing + "），其中的数据行未导入。"),
                errors(r, Lang.ZH));
        assertTrue(lines(r, Lang.EN).contains("Line 3: read load_employees.dump (source)."), lines(r, Lang.EN).toString());

        Files.delete(dir.resolve("employees.sql"));
        Files.writeString(dir.resolve("employees.sql"), """
                CREATE TABLE employees (emp_no INT NOT NULL, hire_date DATE NOT NULL, PRIMARY KEY (emp_no));
                source load_employees.dump ;
                """);
        ImportReport whole = MysqlDumpImporter.convert(dir.resolve("employees.sql"), "t", false);
        assertEquals(List.of(), errors(whole, Lang.EN));
        assertEquals(List.of(List.of(10001, java.time.LocalDate.of(1986, 6, 26)), List.of(10002, java.time.LocalDate.of(1985, 11, 21))),
                rows(whole, "SELECT * FROM employees ORDER BY emp_no"));

        Files.writeString(dir.resolve("load_employees.dump"), "INSERT INTO `employees` VALUES (10001,'1986-06-26');\nINSERT INTO `employees` VALUES (10001,'1986-06-26');\n");
        ImportReport dup = MysqlDumpImporter.convert(dir.resolve("employees.sql"), "t", false);
        assertEquals("load_employees.dump, line 2: A row of employees already has this emp_no: emp_no must be unique"
                + " (a primary key or unique index).", errors(dup, Lang.EN).get(0));
        assertEquals("load_employees.dump 第 2 行：employees 中已有一行的 emp_no 是这个值：emp_no 的值不能重复（主键或唯一索引）。",
                errors(dup, Lang.ZH).get(0));
    }

    @Test
    void aSourceCommandInADumpHeldInMemoryIsReported() {
        ImportReport r = MysqlDumpImporter.convert("CREATE TABLE a (id INT);\nsource data.dump\n", "t");
        assertEquals(List.of("Line 2: source data.dump: the dump was not read from a folder, so data.dump cannot be found."),
                errors(r, Lang.EN));
    }

    @Test
    void aStatementThatCannotBeTokenizedIsReportedInTheLearnersLanguage() {
        ImportReport r = MysqlDumpImporter.convert("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\nINSERT INTO a VALUES ('oops);\n", "t");
        assertEquals(List.of("Line 3: This string is never closed (missing quote)."), errors(r, Lang.EN));
        assertEquals(List.of("第 3 行：字符串没有结束（缺少引号）。"), errors(r, Lang.ZH));
    }

    @Test
    void datasetLoadErrorsAreWhollyInTheReadersLanguage() {
        Msg m = new campus.labs.sandbox.DatasetException(Msg.of("labs.dataset.syntax", "x.sql", 3,
                Msg.of("labs.sql.unterminatedString"))).msg();
        assertEquals("x.sql:3: This string is never closed (missing quote).", m.in(Lang.EN));
        assertEquals("x.sql:3：字符串没有结束（缺少引号）。", m.in(Lang.ZH));
    }
}
