package campus.labs.importer;

import campus.i18n.Msg;
import campus.i18n.Text;
import campus.labs.dataset.Dataset;
import campus.labs.sandbox.DatasetException;
import campus.labs.sandbox.DatasetLoader;
import campus.labs.sandbox.ErrorMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.UUID;

/**
 * Loads an imported dataset into a scratch database the way a lab will (same loader, same guard), counts the rows
 * of every table, and reports a failure at the line of the user's file the failing statement came from.
 */
final class ScratchLoad {

    private final String name;
    private final List<List<MysqlDumpImporter.Out>> parts;
    private final List<String> tables;

    ScratchLoad(String name, List<List<MysqlDumpImporter.Out>> parts, List<String> tables) {
        this.name = name;
        this.parts = parts;
        this.tables = tables;
    }

    void verify(List<Msg> lines, List<Msg> errors, boolean tablesOnly) {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:mem:import-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE", p)) {
            try {
                // statement by statement, in the order of the written script: the same loader and guard a lab uses,
                // holding one statement's tokens at a time, and each failure known by the statement's origin
                for (List<MysqlDumpImporter.Out> part : parts) {
                    for (MysqlDumpImporter.Out s : part) {
                        try {
                            DatasetLoader.load(c, new Dataset(name, new Text(name, name), OptionalInt.empty(), s.sql(),
                                    name + ".sql"), null, new ArrayList<>(), new ArrayList<>());
                        } catch (DatasetException e) {
                            errors.add(MysqlDumpImporter.failed(s.origin(), e.detail()));
                            return;
                        }
                    }
                }
                List<Msg> counts = new ArrayList<>();
                long total = 0;
                for (String t : tables) {
                    try (Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + t + "\"")) {
                        rs.next();
                        total += rs.getLong(1);
                        counts.add(Msg.of("labs.import.table", t, rs.getLong(1)));
                    }
                }
                lines.addAll(0, counts);
                if (total == 0 && !tablesOnly) {
                    errors.add(Msg.of("labs.import.noRows", tables.size()));
                } else if (total == 0) {
                    lines.add(Msg.of("labs.import.tablesOnly", tables.size()));
                }
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("SHUTDOWN");
                }
            }
        } catch (SQLException e) {
            errors.add(Msg.of("labs.import.engineFailed", ErrorMapper.detail(e)));
        }
    }
}
