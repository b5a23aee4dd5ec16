package campus.labs.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.labs.sandbox.DatasetLoader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated data must not change when the loading is tuned (statement order, constraints after the data):
 * a hash of every row of every table at a small scale, taken before the loader was made faster.
 */
class DatasetHashTest {

    @ParameterizedTest
    @CsvSource({
        "bikeshare, 3000, 5d2e60baec6de8182eaa32afe629cd35c03b47c14150a0ad51b9a30c39484594",
        "bookshop, 3000, 6e357e1090d23fc3ab6acd24ca5b0dbffdc80859313c8268df60ef73a7227025",
    })
    void generatedRowsAreByteIdentical(String name, int scale, String expected) throws Exception {
        assertEquals(expected, hash(name, scale), name + " at scale " + scale);
    }

    static String hash(String name, int scale) throws Exception {
        Dataset ds = DatasetLibrary.bundled().find(name).orElseThrow();
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:mem:hash-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE", p); Statement st = c.createStatement()) {
            List<String> ddl = new ArrayList<>();
            List<String> tables = new ArrayList<>();
            DatasetLoader.load(c, ds, scale, ddl, tables);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String t : tables.stream().sorted().toList()) {
                md.update(("table " + t + "\n").getBytes(StandardCharsets.UTF_8));
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY 1, 2")) {
                    int n = rs.getMetaData().getColumnCount();
                    for (int k = 1; k <= n; k++) {
                        md.update((rs.getMetaData().getColumnName(k) + ":" + rs.getMetaData().getColumnTypeName(k) + ",")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder("\n");
                        for (int k = 1; k <= n; k++) {
                            row.append(rs.getString(k)).append('|');
                        }
                        md.update(row.toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        }
    }
}
