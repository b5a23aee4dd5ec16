package campus.labs.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.labs.dataset.Dataset;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sql.GuardPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A truth table of MySQL statements a learner writes and what MySQL 8 returns for them (from its documentation:
 * {@code /} and div_precision_increment 4, CAST, DATE_FORMAT, IF, DATEDIFF, JOIN … USING), run in the lab engine.
 * Numbers match to MySQL's 4 shown decimals; text exactly.
 */
class MysqlCompatTest {

    private static final String DATA = """
            CREATE TABLE customer (customer_id INT PRIMARY KEY, first_name VARCHAR(45), store_id INT);
            CREATE TABLE rental (rental_id INT PRIMARY KEY, customer_id INT, inventory_id INT, rented DATETIME);
            CREATE TABLE payment (payment_id INT PRIMARY KEY, customer_id INT, rental_id INT, amount DECIMAL(5,2));
            CREATE TABLE inventory (inventory_id INT PRIMARY KEY, film_id INT);
            CREATE TABLE film (film_id INT PRIMARY KEY, title VARCHAR(40), length INT);
            INSERT INTO customer VALUES (1, 'MARY', 1), (2, 'PATRICIA', 2), (3, 'LINDA', 1);
            INSERT INTO rental VALUES (10, 1, 100, '2005-05-24 22:53:30'), (11, 1, 101, '2005-06-15 08:05:00'),
              (12, 2, 100, '2024-03-05 14:07:09');
            INSERT INTO payment VALUES (1, 1, 10, 2.99), (2, 1, 11, 0.99), (3, 2, 12, 5.99);
            INSERT INTO inventory VALUES (100, 1000), (101, 1001);
            INSERT INTO film VALUES (1000, 'ACADEMY DINOSAUR', 86), (1001, 'ACE GOLDFINGER', 48);
            """;

    private static Sandbox sandbox;

    @BeforeAll
    static void open() throws Exception {
        sandbox = Sandbox.open(Dataset.parse("compat", DATA, "compat.sql"), null, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT);
    }

    @AfterAll
    static void close() {
        sandbox.close();
    }

    private static Arguments row(String sql, Object... expected) {
        return Arguments.of(sql, List.of(Arrays.asList(expected)));
    }

    private static Arguments rows(String sql, List<List<Object>> expected) {
        return Arguments.of(sql, expected);
    }

    static Stream<Arguments> mysqlTruthTable() {
        return Stream.of(
                row("SELECT 7 / 2", "3.5000"),
                row("SELECT 2 / 3", "0.6667"),
                row("SELECT 10 / 4 * 2", "5.0000"),
                row("SELECT -7 / 2", "-3.5000"),
                row("SELECT 1 / 0", (Object) null),
                row("SELECT TRUNCATE(7 / 2, 0), TRUNCATE(-7 / 2, 0)", "3", "-3"),
                row("SELECT SUM(length) / COUNT(*) FROM film", "67.0000"),
                row("SELECT ROUND(SUM(amount) / COUNT(*), 2) FROM payment", "3.32"),
                row("SELECT film_id / (length - 40) FROM film WHERE film_id = 1001", "125.1250"),
                rows("SELECT film_id, ROUND(100 * length / SUM(length) OVER (), 1) FROM film ORDER BY film_id",
                        List.of(List.of(1000, "64.2"), List.of(1001, "35.8"))),
                rows("SELECT store_id, ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 1) FROM customer GROUP BY store_id"
                        + " ORDER BY store_id", List.of(List.of(1, "66.7"), List.of(2, "33.3"))),
                row("SELECT CAST(first_name AS CHAR) FROM customer WHERE customer_id = 2", "PATRICIA"),
                row("SELECT CAST(customer_id AS CHAR) FROM customer WHERE customer_id = 3", "3"),
                row("SELECT CONVERT(title, CHAR) FROM film WHERE film_id = 1000", "ACADEMY DINOSAUR"),
                row("SELECT CAST('abcdef' AS CHAR(3))", "abc"),
                row("SELECT CAST('-5' AS SIGNED) + 1", "-4"),
                row("SELECT CAST(2.5 AS DECIMAL)", "3"),
                row("SELECT DATE_FORMAT(rented, '%Y-%m') FROM rental WHERE rental_id = 12", "2024-03"),
                row("SELECT DATE_FORMAT(rented, '%d/%m/%Y %H:%i') FROM rental WHERE rental_id = 10", "24/05/2005 22:53"),
                row("SELECT DATE_FORMAT(rented, '%W, %M %e at %T') FROM rental WHERE rental_id = 12",
                        "Tuesday, March 5 at 14:07:09"),
                row("SELECT IF(length > 60, 'long', 'short') FROM film WHERE film_id = 1001", "short"),
                row("SELECT DATEDIFF('2024-03-05', '2024-03-01')", "4"),
                row("SELECT DATEDIFF(rented, '2005-05-20') FROM rental WHERE rental_id = 10", "4"),
                rows("SELECT first_name, amount FROM customer JOIN payment USING (customer_id) JOIN rental USING (rental_id)"
                        + " ORDER BY amount", List.of(List.of("MARY", "0.99"), List.of("MARY", "2.99"), List.of("PATRICIA", "5.99"))),
                rows("SELECT c.first_name, f.title FROM customer c JOIN rental r USING (customer_id)"
                        + " JOIN inventory i USING (inventory_id) JOIN film f USING (film_id) ORDER BY r.rental_id",
                        List.of(List.of("MARY", "ACADEMY DINOSAUR"), List.of("MARY", "ACE GOLDFINGER"),
                                List.of("PATRICIA", "ACADEMY DINOSAUR"))),
                row("SELECT COUNT(*) FROM customer JOIN rental USING (customer_id) JOIN payment USING (rental_id)"
                        + " WHERE store_id = 1", "2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mysqlTruthTable")
    void statementsGiveWhatMysqlGives(String sql, List<List<Object>> expected) {
        RunResult r = sandbox.run(sql);
        assertTrue(r.ok(), () -> sql + ": " + r.problem().map(p -> p.message().in(Lang.EN)).orElse(""));
        List<List<Object>> actual = r.lastQuery().orElseThrow().rows();
        assertEquals(expected.size(), actual.size(), sql + " -> " + actual);
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.get(i).size(); j++) {
                Object e = expected.get(i).get(j);
                Object a = actual.get(i).get(j);
                if (e == null) {
                    assertEquals(null, a, sql);
                } else if (a instanceof Number || a instanceof BigDecimal) {
                    BigDecimal diff = new BigDecimal(e.toString()).subtract(new BigDecimal(a.toString())).abs();
                    assertTrue(diff.compareTo(new BigDecimal("0.00005")) <= 0, sql + ": MySQL " + e + ", lab " + a);
                } else {
                    assertEquals(e, String.valueOf(a), sql);
                }
            }
        }
    }

    @Test
    void anErrorInARewrittenStatementPointsAtWhatTheLearnerWrote() {
        RunResult r = sandbox.run("SELECT 7 / 2,\n  CAST(nme AS CHAR) FROM customer");
        var p = r.problem().orElseThrow();
        assertEquals(2, p.line());
        assertEquals(8, p.column());
        assertEquals("Line 2, column 8: There is no column nme in the tables of this statement.", p.message().in(Lang.EN));
    }

    static Stream<Arguments> leftToTheEngineAndExplained() {
        return Stream.of(
                Arguments.of("SELECT 7 DIV 2", "Line 1, column 14: the lab engine has no DIV operator (MySQL's integer"
                        + " division). Write TRUNCATE(a / b, 0) instead: it gives the same result.",
                        "第 1 行，第 14 列：实验引擎没有 DIV 运算符（MySQL 的整数除法）。请改写为 TRUNCATE(a / b, 0)，结果相同。"),
                Arguments.of("SELECT DATE_FORMAT(rented, '%D %M') FROM rental", "Line 1, column 8: this DATE_FORMAT pattern"
                        + " uses a MySQL specifier the lab engine cannot reproduce exactly (%D, %U, %u, %V, %v, %w, %X or %x)."
                        + " Use %Y, %y, %m, %c, %d, %e, %H, %k, %h, %l, %i, %s, %f, %p, %M, %b, %W, %a, %j, %T or %r.",
                        "第 1 行，第 8 列：此 DATE_FORMAT 格式使用了实验引擎无法完全复现的 MySQL 说明符（%D、%U、%u、%V、%v、%w、%X 或 %x）。"
                        + "请使用 %Y、%y、%m、%c、%d、%e、%H、%k、%h、%l、%i、%s、%f、%p、%M、%b、%W、%a、%j、%T 或 %r。"),
                Arguments.of("SELECT * FROM customer JOIN payment USING (customer_id) JOIN rental USING (rental_id)",
                        "Line 1, column 76: MySQL takes a JOIN … USING column from any table joined before it; the lab engine"
                        + " looks only in the first table, and with SELECT * the query cannot be rewritten without showing"
                        + " that column twice. List the columns you want instead of *, or join with ON.",
                        "第 1 行，第 76 列：MySQL 会从之前连接的任意表中查找 JOIN … USING 的列，实验引擎只在第一个表中查找；"
                        + "而使用 SELECT * 时，若改写查询，该列会显示两次。请列出需要的列来代替 *，或改用 ON 连接。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leftToTheEngineAndExplained")
    void whatCannotBeRewrittenExactlyIsExplainedInBothLanguages(String sql, String en, String zh) {
        var p = sandbox.run(sql).problem().orElseThrow();
        assertEquals(en, p.message().in(Lang.EN));
        assertEquals(zh, p.message().in(Lang.ZH));
    }

    @Test
    void textWithoutAnythingToRewriteIsLeftAsItIs() {
        String sql = "SELECT a, b FROM t WHERE c = 'x / y' -- 1 / 2\n";
        MysqlCompat.Rewritten r = MysqlCompat.rewrite(sql, t -> List.of());
        assertEquals(sql, r.sql());
        assertTrue(!r.changed());
    }

    @Test
    void theRewrittenTextIsWhatTheEngineRuns() {
        List<String> out = new ArrayList<>();
        for (String sql : List.of("SELECT a / b.c FROM t", "SELECT IF(a, 1, 2), DATEDIFF(x, y)",
                "SELECT CAST(a AS CHAR CHARACTER SET utf8mb4)", "SELECT a / SUM(b) OVER (PARTITION BY c), a / MAX(b) OVER w")) {
            out.add(MysqlCompat.rewrite(sql, t -> List.of()).sql());
        }
        assertEquals(List.of("SELECT a / NULLIF(CAST(b.c AS DECIMAL(65, 30)), 0) FROM t",
                "SELECT CASEWHEN(a, 1, 2), DATEDIFF(DAY, y, x)",
                "SELECT CAST(a AS VARCHAR)",
                "SELECT a / NULLIF(CAST(SUM(b) OVER (PARTITION BY c) AS DECIMAL(65, 30)), 0),"
                        + " a / NULLIF(CAST(MAX(b) OVER w AS DECIMAL(65, 30)), 0)"), out);
    }

    /** A window function is one operand: dividing by one keeps its OVER (and FILTER) clause inside the cast. */
    @Test
    void divisionByAWindowFunctionKeepsItsOverClause() {
        List<String> out = new ArrayList<>();
        for (String sql : List.of("SELECT 100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 1 FROM t GROUP BY g",
                "SELECT x / SUM(x) OVER (PARTITION BY r) FROM t",
                "SELECT x / SUM(x) FILTER (WHERE x > 0) OVER w FROM t WINDOW w AS ()")) {
            out.add(MysqlCompat.rewrite(sql, t -> List.of()).sql());
        }
        assertEquals(List.of("SELECT 100.0 * COUNT(*) / NULLIF(CAST(SUM(COUNT(*)) OVER () AS DECIMAL(65, 30)), 0), 1 FROM t GROUP BY g",
                "SELECT x / NULLIF(CAST(SUM(x) OVER (PARTITION BY r) AS DECIMAL(65, 30)), 0) FROM t",
                "SELECT x / NULLIF(CAST(SUM(x) FILTER (WHERE x > 0) OVER w AS DECIMAL(65, 30)), 0) FROM t WINDOW w AS ()"), out);
    }
}
