package campus.labs.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads tables, columns, types and row counts of one schema from INFORMATION_SCHEMA. */
final class SchemaReader {

    private SchemaReader() {
    }

    static List<SchemaTable> read(Connection c, String schema) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, table_type FROM information_schema.tables"
                + " WHERE table_schema = ? ORDER BY table_name")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        Map<String, List<SchemaTable.Column>> cols = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name, data_type,"
                + " character_maximum_length, numeric_precision, numeric_scale, is_nullable"
                + " FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(3);
                    long len = rs.getLong(4);
                    if (!rs.wasNull() && type.contains("CHAR") && len < 1_000_000_000L) {
                        type += "(" + len + ")";
                    } else if (type.equals("NUMERIC") || type.equals("DECIMAL")) {
                        type += "(" + rs.getInt(5) + "," + rs.getInt(6) + ")";
                    }
                    cols.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new SchemaTable.Column(rs.getString(2), type, "YES".equals(rs.getString(7))));
                }
            }
        }
        List<SchemaTable> out = new ArrayList<>();
        for (var e : types.entrySet()) {
            long count;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + schema + "\".\""
                         + e.getKey().replace("\"", "\"\"") + "\"")) {
                rs.next();
                count = rs.getLong(1);
            }
            out.add(new SchemaTable(e.getKey(), e.getValue(), cols.getOrDefault(e.getKey(), List.of()), count));
        }
        return out;
    }
}
