package campus.labs;

import static campus.labs.DumpImportClassesTest.lines;
import static campus.labs.DumpImportClassesTest.ok;
import static campus.labs.DumpImportClassesTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.labs.importer.ImportReport;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MySQL runs an AFTER INSERT trigger on each row inserted after the trigger exists; the import cannot run triggers,
 * but one that only copies the new row into another table is replayed once over its table after the data.
 */
class DumpTriggerReplayTest {

    private static final String TABLES = """
            CREATE TABLE `film` (`film_id` SMALLINT UNSIGNED NOT NULL, `title` VARCHAR(255) NOT NULL,
              `description` TEXT, PRIMARY KEY (`film_id`));
            CREATE TABLE `film_text` (`film_id` SMALLINT NOT NULL, `title` VARCHAR(255) NOT NULL, `description` TEXT,
              PRIMARY KEY (`film_id`));
            CREATE TABLE `audit` (`id` INT, `note` VARCHAR(20));
            """;

    @Test
    void anAfterInsertTriggerThatCopiesTheNewRowIsReplayedOverTheRowsInsertedAfterIt() throws Exception {
        ImportReport r = ok(TABLES + """
                DELIMITER ;;
                CREATE DEFINER=`root`@`localhost` TRIGGER `ins_film` AFTER INSERT ON `film` FOR EACH ROW BEGIN
                    INSERT INTO sakila.film_text (film_id, title, description)
                        VALUES (new.film_id, NEW.title, new.`description`);
                  END;;
                DELIMITER ;
                INSERT INTO `film` VALUES (1, 'ACADEMY DINOSAUR', 'Epic'), (2, 'ACE GOLDFINGER', NULL);
                INSERT INTO `film` VALUES (3, 'ADAPTATION HOLES', 'Astounding');
                """);
        assertEquals(List.of(List.of(1, "ACADEMY DINOSAUR", "Epic"), Arrays.asList(2, "ACE GOLDFINGER", null),
                        List.of(3, "ADAPTATION HOLES", "Astounding")),
                rows(r, "SELECT film_id, title, description FROM film_text ORDER BY film_id"));
        assertTrue(lines(r, Lang.EN).contains("Line 7: trigger ins_film (AFTER INSERT ON film) replayed once over the rows "
                + "of film after the data: INSERT INTO film_text (film_id, title, description) SELECT film_id, title, "
                + "description FROM film."), lines(r, Lang.EN).toString());
        assertTrue(lines(r, Lang.ZH).contains("第 7 行：触发器 ins_film（AFTER INSERT ON film）在数据加载后对 film 的各行重放一次："
                + "INSERT INTO film_text (film_id, title, description) SELECT film_id, title, description FROM film。"),
                lines(r, Lang.ZH).toString());
        assertTrue(lines(r, Lang.EN).contains("Table film_text: 3 rows"), lines(r, Lang.EN).toString());
    }

    @Test
    void aMysqldumpTriggerWrittenAfterTheRowsIsNotReplayedTheRowsItMadeAreInTheDump() throws Exception {
        // mysqldump writes a table's rows, then its triggers: MySQL loading the dump does not run them either
        ImportReport r = ok(TABLES + """
                INSERT INTO `film` VALUES (1, 'ACADEMY DINOSAUR', 'Epic');
                INSERT INTO `film_text` VALUES (1, 'ACADEMY DINOSAUR', 'Epic');
                DELIMITER ;;
                /*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `ins_film` AFTER INSERT ON `film` FOR EACH ROW BEGIN
                    INSERT INTO film_text (film_id, title, description) VALUES (new.film_id, new.title, new.description);
                  END */;;
                DELIMITER ;
                """);
        assertEquals(List.of(List.of(1L)), rows(r, "SELECT COUNT(*) FROM film_text"));
        assertTrue(lines(r, Lang.EN).contains("Line 9: trigger ins_film (AFTER INSERT ON film) not replayed: every row of "
                + "film is inserted before the trigger is created, so MySQL does not run it on them either."),
                lines(r, Lang.EN).toString());
        assertTrue(lines(r, Lang.ZH).contains("第 9 行：触发器 ins_film（AFTER INSERT ON film）未重放：film 的所有行都在触发器创建之前插入，"
                + "MySQL 也不会对这些行运行它。"), lines(r, Lang.ZH).toString());
    }

    @Test
    void rowsInsertedBothBeforeAndAfterTheTriggerOrNoneAreReported() {
        ImportReport both = ok(TABLES + """
                INSERT INTO `film` VALUES (1, 'ACADEMY DINOSAUR', 'Epic');
                CREATE TRIGGER ins_film AFTER INSERT ON film FOR EACH ROW
                  INSERT INTO film_text (film_id, title) VALUES (NEW.film_id, NEW.title);
                INSERT INTO `film` VALUES (2, 'ACE GOLDFINGER', NULL);
                """);
        assertTrue(lines(both, Lang.EN).contains("Line 7: trigger ins_film (AFTER INSERT ON film) not replayed: rows of "
                + "film are inserted both before and after the trigger is created; the import replays a trigger only "
                + "over all the rows of its table."), lines(both, Lang.EN).toString());
        assertTrue(lines(both, Lang.EN).contains("Table film_text: 0 rows"));
        ImportReport none = ok(TABLES + """
                CREATE TRIGGER ins_film AFTER INSERT ON film FOR EACH ROW
                  INSERT INTO film_text (film_id, title) VALUES (NEW.film_id, NEW.title);
                INSERT INTO `audit` VALUES (1, 'x');
                """);
        assertTrue(lines(none, Lang.EN).contains("Line 6: trigger ins_film (AFTER INSERT ON film) not replayed: the dump "
                + "inserts no rows into film."), lines(none, Lang.EN).toString());
        assertTrue(lines(none, Lang.ZH).contains("第 6 行：触发器 ins_film（AFTER INSERT ON film）未重放：转储没有向 film 插入任何行。"));
    }

    @Test
    void everyOtherTriggerIsSkippedWithItsLine() throws Exception {
        ImportReport r = ok(TABLES + """
                DELIMITER ;;
                CREATE TRIGGER two AFTER INSERT ON film FOR EACH ROW BEGIN
                  INSERT INTO film_text (film_id, title) VALUES (NEW.film_id, NEW.title);
                  INSERT INTO audit VALUES (NEW.film_id, 'added');
                END;;
                CREATE TRIGGER constant AFTER INSERT ON film FOR EACH ROW
                  INSERT INTO audit (id, note) VALUES (NEW.film_id, 'added');;
                CREATE TRIGGER expression AFTER INSERT ON film FOR EACH ROW
                  INSERT INTO audit (id) VALUES (NEW.film_id + 1);;
                CREATE TRIGGER before_insert BEFORE INSERT ON film FOR EACH ROW
                  INSERT INTO audit (id) VALUES (NEW.film_id);;
                CREATE TRIGGER on_update AFTER UPDATE ON film FOR EACH ROW
                  INSERT INTO audit (id) VALUES (NEW.film_id);;
                CREATE TRIGGER no_columns AFTER INSERT ON film FOR EACH ROW
                  INSERT INTO audit VALUES (NEW.film_id, NEW.title);;
                DELIMITER ;
                INSERT INTO `film` VALUES (1, 'ACADEMY DINOSAUR', 'Epic');
                """);
        List<String> en = lines(r, Lang.EN);
        for (String skipped : List.of("Line 7: skipped TRIGGER two", "Line 11: skipped TRIGGER constant",
                "Line 13: skipped TRIGGER expression", "Line 15: skipped TRIGGER before_insert",
                "Line 17: skipped TRIGGER on_update", "Line 19: skipped TRIGGER no_columns")) {
            assertTrue(en.contains(skipped + " (stored programs do not run in the lab engine)."), skipped + " in " + en);
        }
        assertTrue(en.stream().noneMatch(l -> l.contains("replayed")), en.toString());
        assertEquals(List.of(List.of(0L, 0L)), rows(r, "SELECT (SELECT COUNT(*) FROM film_text), (SELECT COUNT(*) FROM audit)"));
    }
}
