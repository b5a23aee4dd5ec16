package campus.labs.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * Import time grows with the size of a statement, not with its square: mysqldump writes INSERTs of about 1 MB,
 * and a splitter that copies the statement for each character read took minutes on them. Asserted by what the reader
 * does (each character read once, copied at most once), not by time: MB/s against dump size is measured by
 * {@code bench/dump-import.sh}.
 */
class ImportLinearityTest {

    /** One INSERT of {@code rows} rows, about 60 bytes each, the way mysqldump writes them. */
    static String dump(int rows) {
        StringBuilder sb = new StringBuilder("CREATE TABLE `t` (`id` int NOT NULL, `name` varchar(40), `at` datetime,"
                + " PRIMARY KEY (`id`));\nINSERT INTO `t` VALUES ");
        for (int k = 1; k <= rows; k++) {
            sb.append(k == 1 ? "" : ",").append('(').append(k).append(",'name \\'").append(k).append("\\' here','2006/2/15 4:34:33')");
        }
        return sb.append(";\n").toString();
    }

    @Test
    void theReaderLooksAtEachCharacterOnceAndCopiesItAtMostOnce() throws Exception {
        for (int rows : new int[] {1_000, 16_000}) {
            String d = dump(rows);
            try (DumpReader r = new DumpReader(new StringReader(d))) {
                int pieces = 0;
                while (r.next() != null) {
                    pieces++;
                }
                assertEquals(2, pieces);
                assertEquals(d.length(), r.charsRead());
                assertTrue(r.copied() <= r.charsRead(), r.copied() + " > " + r.charsRead());
            }
        }
    }
}
