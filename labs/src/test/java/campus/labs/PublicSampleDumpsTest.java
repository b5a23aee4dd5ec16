package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.labs.cli.DatasetCommand;
import campus.labs.dataset.Dataset;
import campus.labs.sandbox.DatasetLoader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public MySQL sample databases, as their authors publish them (test resources under {@code dumps/}, licences
 * beside them), go through {@code campus dataset import} and come out whole: every table, every row, every primary
 * key, foreign key and index, checked in H2's INFORMATION_SCHEMA of the written dataset. The expected figures were
 * counted in the dumps themselves (CREATE TABLE statements, row tuples of the INSERTs, key definitions), not taken
 * from the importer.
 */
@Tag("slow")
class PublicSampleDumpsTest {

    /** What {@code campus dataset import} printed and the dataset it wrote, loaded as a lab loads it. */
    private record Imported(List<String> report, Connection db) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            db.close();
        }
    }

    private static Path unpack(String resource, Path dir) throws Exception {
        String name = resource.substring(resource.lastIndexOf('/') + 1, resource.length() - ".gz".length());
        Path target = dir.resolve(name);
        try (InputStream in = new GZIPInputStream(PublicSampleDumpsTest.class.getResourceAsStream(resource))) {
            Files.copy(in, target);
        }
        return target;
    }

    private static Imported importDump(Path dump, String name, Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path into = dir.resolve("datasets");
        int code = DatasetCommand.run(List.of("import", dump.toString(), name, "--into", into.toString()), List.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8));
        Path written = into.resolve(name + ".sql");
        Connection c = DriverManager.getConnection("jdbc:h2:mem:sample-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE", "sa", "");
        DatasetLoader.load(c, Dataset.parse(name, Files.readString(written), written.toString()), null,
                new ArrayList<>(), new ArrayList<>());
        return new Imported(out.toString(StandardCharsets.UTF_8).lines().toList(), c);
    }

    private static List<List<String>> query(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int k = 1; k <= n; k++) {
                    row.add(rs.getString(k));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (List<String> t : query(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            counts.put(t.get(0), Long.valueOf(query(c, "SELECT COUNT(*) FROM \"" + t.get(0) + "\"").get(0).get(0)));
        }
        return counts;
    }

    /** {@code table(col, col)} for each primary key. */
    private static Set<String> primaryKeys(Connection c) throws SQLException {
        Set<String> keys = new TreeSet<>();
        for (List<String> r : query(c, """
                SELECT tc.table_name, LISTAGG(k.column_name, ', ') WITHIN GROUP (ORDER BY k.ordinal_position)
                FROM information_schema.table_constraints tc
                JOIN information_schema.key_column_usage k
                  ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
                WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public'
                GROUP BY tc.table_name""")) {
            keys.add(r.get(0) + "(" + r.get(1) + ")");
        }
        return keys;
    }

    /** {@code table(col) -> referenced(col)} for each foreign key (the samples have single-column ones only). */
    private static List<String> foreignKeys(Connection c) throws SQLException {
        List<String> keys = new ArrayList<>();
        for (List<String> r : query(c, """
                SELECT k.table_name, k.column_name, u.table_name, u.column_name
                FROM information_schema.referential_constraints rc
                JOIN information_schema.key_column_usage k
                  ON k.constraint_schema = rc.constraint_schema AND k.constraint_name = rc.constraint_name
                JOIN information_schema.key_column_usage u
                  ON u.constraint_schema = rc.unique_constraint_schema AND u.constraint_name = rc.unique_constraint_name
                 AND u.ordinal_position = k.position_in_unique_constraint
                WHERE rc.constraint_schema = 'public'
                ORDER BY 1, 2""")) {
            keys.add(r.get(0) + "(" + r.get(1) + ") -> " + r.get(2) + "(" + r.get(3) + ")");
        }
        return keys;
    }

    /**
     * {@code table(col, col)} ({@code unique table(…)} for a unique one) for each index the dump declared: H2's indexes
     * whose name the import gave them ({@code <table>_<index>}), so the indexes H2 adds for its own constraints do not
     * count.
     */
    private static List<String> declaredIndexes(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<String> r : query(c, """
                SELECT i.table_name, i.index_type_name,
                       LISTAGG(ic.column_name, ', ') WITHIN GROUP (ORDER BY ic.ordinal_position)
                FROM information_schema.indexes i
                JOIN information_schema.index_columns ic
                  ON ic.index_schema = i.index_schema AND ic.index_name = i.index_name
                WHERE i.table_schema = 'public' AND LEFT(i.index_name, LENGTH(i.table_name) + 1) = i.table_name || '_'
                GROUP BY i.table_name, i.index_name, i.index_type_name
                ORDER BY 1, 3""")) {
            out.add((r.get(1).equals("UNIQUE INDEX") ? "unique " : "") + r.get(0) + "(" + r.get(2) + ")");
        }
        return out;
    }

    private static void assertReportHas(List<String> report, String line) {
        assertTrue(report.contains(line), "missing: " + line + "\nreport:\n" + String.join("\n", report));
    }

    // Sakila 1.5: 16 CREATE TABLE, 16 PRIMARY KEY, 22 FOREIGN KEY, 22 KEY/UNIQUE KEY, one FULLTEXT KEY and one SPATIAL
    // KEY (inside a /*!50705 … */ version comment); film_text has no INSERT: the ins_film trigger fills it.
    private static final Map<String, Long> SAKILA_ROWS = new TreeMap<>(Map.ofEntries(
            Map.entry("actor", 200L), Map.entry("address", 603L), Map.entry("category", 16L), Map.entry("city", 600L),
            Map.entry("country", 109L), Map.entry("customer", 599L), Map.entry("film", 1000L),
            Map.entry("film_actor", 5462L), Map.entry("film_category", 1000L), Map.entry("film_text", 1000L),
            Map.entry("inventory", 4581L), Map.entry("language", 6L), Map.entry("payment", 16044L),
            Map.entry("rental", 16044L), Map.entry("staff", 2L), Map.entry("store", 2L)));

    private static final Set<String> SAKILA_PRIMARY_KEYS = new TreeSet<>(Set.of(
            "actor(actor_id)", "address(address_id)", "category(category_id)", "city(city_id)", "country(country_id)",
            "customer(customer_id)", "film(film_id)", "film_actor(actor_id, film_id)",
            "film_category(film_id, category_id)", "film_text(film_id)", "inventory(inventory_id)",
            "language(language_id)", "payment(payment_id)", "rental(rental_id)", "staff(staff_id)", "store(store_id)"));

    private static final List<String> SAKILA_FOREIGN_KEYS = List.of(
            "address(city_id) -> city(city_id)",
            "city(country_id) -> country(country_id)",
            "customer(address_id) -> address(address_id)",
            "customer(store_id) -> store(store_id)",
            "film(language_id) -> language(language_id)",
            "film(original_language_id) -> language(language_id)",
            "film_actor(actor_id) -> actor(actor_id)",
            "film_actor(film_id) -> film(film_id)",
            "film_category(category_id) -> category(category_id)",
            "film_category(film_id) -> film(film_id)",
            "inventory(film_id) -> film(film_id)",
            "inventory(store_id) -> store(store_id)",
            "payment(customer_id) -> customer(customer_id)",
            "payment(rental_id) -> rental(rental_id)",
            "payment(staff_id) -> staff(staff_id)",
            "rental(customer_id) -> customer(customer_id)",
            "rental(inventory_id) -> inventory(inventory_id)",
            "rental(staff_id) -> staff(staff_id)",
            "staff(address_id) -> address(address_id)",
            "staff(store_id) -> store(store_id)",
            "store(address_id) -> address(address_id)",
            "store(manager_staff_id) -> staff(staff_id)");

    private static final List<String> SAKILA_INDEXES = List.of(
            "actor(last_name)",
            "address(city_id)",
            "city(country_id)",
            "customer(address_id)", "customer(last_name)", "customer(store_id)",
            "film(language_id)", "film(original_language_id)", "film(title)",
            "film_actor(film_id)",
            "inventory(film_id)", "inventory(store_id, film_id)",
            "payment(customer_id)", "payment(staff_id)",
            "rental(customer_id)", "rental(inventory_id)", "unique rental(rental_date, inventory_id, customer_id)",
            "rental(staff_id)",
            "staff(address_id)", "staff(store_id)",
            "store(address_id)", "unique store(manager_staff_id)");

    /** The way the MySQL documentation installs Sakila: the schema file, then the data file, with the client's source. */
    @Test
    void sakilaImportsWithEveryTableRowAndKeyAndReportsWhatItDropped(@TempDir Path dir) throws Exception {
        unpack("/dumps/sakila/sakila-schema.sql.gz", dir);
        unpack("/dumps/sakila/sakila-data.sql.gz", dir);
        Path loader = Files.writeString(dir.resolve("sakila.sql"), "SOURCE sakila-schema.sql;\nSOURCE sakila-data.sql;\n");
        try (Imported s = importDump(loader, "sakila", dir)) {
            assertEquals(SAKILA_ROWS, rowCounts(s.db()));
            assertEquals(SAKILA_PRIMARY_KEYS, primaryKeys(s.db()));
            assertEquals(SAKILA_FOREIGN_KEYS, foreignKeys(s.db()));
            assertEquals(sorted(SAKILA_INDEXES), sorted(declaredIndexes(s.db())));
            SAKILA_ROWS.forEach((t, n) -> assertReportHas(s.report(), "Table " + t + ": " + String.format(java.util.Locale.ROOT, "%,d", n) + " rows"));
            // the film_text rows are film's own, as MySQL's trigger writes them
            assertEquals(List.of(List.of("0")), query(s.db(), """
                    SELECT COUNT(*) FROM film f LEFT JOIN film_text t ON t.film_id = f.film_id
                    WHERE t.film_id IS NULL OR t.title <> f.title OR t.description IS DISTINCT FROM f.description"""));

            List<String> report = s.report();
            assertReportHas(report, "Line 1: read sakila-schema.sql (source).");
            assertReportHas(report, "Line 2: read sakila-data.sql (source).");
            assertReportHas(report, "film_text: FULLTEXT index idx_title_description dropped (not supported by the lab engine).");
            assertReportHas(report, "sakila-schema.sql, line 214: trigger ins_film (AFTER INSERT ON film) replayed once "
                    + "over the rows of film after the data: INSERT INTO film_text (film_id, title, description) SELECT "
                    + "film_id, title, description FROM film.");
            assertReportHas(report, "sakila-schema.sql, line 220: skipped TRIGGER upd_film (stored programs do not run in the lab engine).");
            assertReportHas(report, "sakila-schema.sql, line 232: skipped TRIGGER del_film (stored programs do not run in the lab engine).");
            for (String[] view : new String[][] {{"351", "customer_list"}, {"362", "film_list"},
                    {"376", "nicer_but_slower_film_list"}, {"392", "staff_list"}, {"403", "sales_by_store"},
                    {"427", "sales_by_film_category"}, {"445", "actor_info"}}) {
                assertReportHas(report, "sakila-schema.sql, line " + view[0] + ": skipped view " + view[1]
                        + " (MySQL view definitions are not imported).");
            }
            for (String[] routine : new String[][] {{"479", "PROCEDURE rewards_report"},
                    {"546", "FUNCTION get_customer_balance"}, {"591", "PROCEDURE film_in_stock"},
                    {"612", "PROCEDURE film_not_in_stock"}, {"633", "FUNCTION inventory_held_by_customer"},
                    {"651", "FUNCTION inventory_in_stock"}}) {
                assertReportHas(report, "sakila-schema.sql, line " + routine[0] + ": skipped " + routine[1]
                        + " (stored programs do not run in the lab engine).");
            }
            // address.location and its SPATIAL index exist only inside /*!50705 … */ comments (MySQL 5.7.5 and later);
            // sakila-data.sql holds one such comment per address row (603): 607 in all
            String newer = ": dropped a part MySQL runs only from version ";
            assertReportHas(report, "sakila-schema.sql, line 67" + newer + "5.7.5 on (/*!…*/), as an older MySQL would: location GEOMETRY");
            assertReportHas(report, "sakila-schema.sql, line 67" + newer + "8.0.3 on (/*!…*/), as an older MySQL would: SRID 0");
            assertReportHas(report, "sakila-schema.sql, line 67" + newer + "5.7.5 on (/*!…*/), as an older MySQL would: NOT NULL,");
            assertReportHas(report, "sakila-schema.sql, line 71" + newer
                    + "5.7.5 on (/*!…*/), as an older MySQL would: SPATIAL KEY `idx_location` (location),");
            assertReportHas(report, "607 MySQL version comments (/*!...*/) inside statements were dropped.");
            for (String[] trigger : new String[][] {{"2213", "customer_create_date"}, {"30355", "payment_date"},
                    {"46413", "rental_date"}}) {
                assertReportHas(report, "sakila-data.sql, line " + trigger[0] + ": skipped TRIGGER " + trigger[1]
                        + " (stored programs do not run in the lab engine).");
            }
        }
    }

    private static final Map<String, Long> CHINOOK_ROWS = new TreeMap<>(Map.ofEntries(
            Map.entry("album", 347L), Map.entry("artist", 275L), Map.entry("customer", 59L), Map.entry("employee", 8L),
            Map.entry("genre", 25L), Map.entry("invoice", 412L), Map.entry("invoiceline", 2240L),
            Map.entry("mediatype", 5L), Map.entry("playlist", 18L), Map.entry("playlisttrack", 8715L),
            Map.entry("track", 3503L)));

    private static final Set<String> CHINOOK_PRIMARY_KEYS = new TreeSet<>(Set.of(
            "album(albumid)", "artist(artistid)", "customer(customerid)", "employee(employeeid)", "genre(genreid)",
            "invoice(invoiceid)", "invoiceline(invoicelineid)", "mediatype(mediatypeid)", "playlist(playlistid)",
            "playlisttrack(playlistid, trackid)", "track(trackid)"));

    private static final List<String> CHINOOK_FOREIGN_KEYS = List.of(
            "album(artistid) -> artist(artistid)",
            "customer(supportrepid) -> employee(employeeid)",
            "employee(reportsto) -> employee(employeeid)",
            "invoice(customerid) -> customer(customerid)",
            "invoiceline(invoiceid) -> invoice(invoiceid)",
            "invoiceline(trackid) -> track(trackid)",
            "playlisttrack(playlistid) -> playlist(playlistid)",
            "playlisttrack(trackid) -> track(trackid)",
            "track(albumid) -> album(albumid)",
            "track(genreid) -> genre(genreid)",
            "track(mediatypeid) -> mediatype(mediatypeid)");

    private static final List<String> CHINOOK_INDEXES = List.of(
            "album(artistid)", "customer(supportrepid)", "employee(reportsto)", "invoice(customerid)",
            "invoiceline(invoiceid)", "invoiceline(trackid)", "playlisttrack(playlistid)", "playlisttrack(trackid)",
            "track(albumid)", "track(genreid)", "track(mediatypeid)");

    /** Chinook 1.4.5, both MySQL scripts: 11 tables, 11 primary keys, 11 foreign keys and 11 CREATE INDEX each. */
    @Test
    void bothChinookMysqlScriptsImportWithEveryTableRowAndKey(@TempDir Path dir) throws Exception {
        for (String script : List.of("Chinook_MySql.sql", "Chinook_MySql_AutoIncrementPKs.sql")) {
            Path dump = unpack("/dumps/chinook/" + script + ".gz", dir);
            String name = script.equals("Chinook_MySql.sql") ? "chinook" : "chinook-auto";
            try (Imported s = importDump(dump, name, dir)) {
                assertEquals(CHINOOK_ROWS, rowCounts(s.db()), script);
                assertEquals(CHINOOK_PRIMARY_KEYS, primaryKeys(s.db()), script);
                assertEquals(CHINOOK_FOREIGN_KEYS, foreignKeys(s.db()), script);
                assertEquals(sorted(CHINOOK_INDEXES), sorted(declaredIndexes(s.db())), script);
                CHINOOK_ROWS.forEach((t, n) -> assertReportHas(s.report(),
                        "Table " + t + ": " + String.format(java.util.Locale.ROOT, "%,d", n) + " rows"));
                assertEquals(List.of(List.of("1", "For Those About To Rock We Salute You", "1")),
                        query(s.db(), "SELECT albumid, title, artistid FROM album WHERE albumid = 1"), script);
            }
        }
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }
}
