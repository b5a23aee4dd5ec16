package campus.labs.importer;

import campus.i18n.Msg;
import campus.labs.dataset.Dataset;
import campus.labs.sandbox.DatasetException;
import campus.labs.sandbox.DatasetLoader;
import campus.labs.sql.SqlSyntaxException;
import campus.labs.sql.SqlToken;
import campus.labs.sql.SqlTokenizer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a mysqldump file into a Campus dataset script (H2, MySQL mode): tables, then data, then indexes
 * and foreign keys. Session settings, locks, routines, triggers and views are skipped and reported; MySQL
 * types and clauses H2 lacks are rewritten and reported. The result is loaded into a scratch database
 * before it is accepted, so the row counts in the report are the real ones.
 */
public final class MysqlDumpImporter {

    private final List<Msg> lines = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();
    private final List<String> creates = new ArrayList<>();
    private final List<String> inserts = new ArrayList<>();
    private final List<String> indexes = new ArrayList<>();
    private final List<String> foreignKeys = new ArrayList<>();
    private final Set<String> indexNames = new java.util.HashSet<>();
    private final Map<String, Integer> zeroDates = new LinkedHashMap<>();
    private int settings;
    private int locks;

    private MysqlDumpImporter() {
    }

    public static ImportReport convert(String dump, String name) {
        return new MysqlDumpImporter().run(dump, name);
    }

    private ImportReport run(String dump, String name) {
        int[] dropped = {0};
        List<Msg> errors = new ArrayList<>();
        for (DumpSplitter.Piece p : DumpSplitter.split(dump, dropped)) {
            try {
                statement(p);
            } catch (SqlSyntaxException e) {
                errors.add(Msg.of("labs.import.failed", p.line(), e.msg().in(campus.i18n.Lang.EN)));
            } catch (RuntimeException e) {
                errors.add(Msg.of("labs.import.failed", p.line(), String.valueOf(e.getMessage())));
            }
        }
        zeroDates.forEach((t, n) -> lines.add(Msg.of("labs.import.zeroDates", t, n)));
        if (settings > 0) {
            lines.add(Msg.of("labs.import.skippedSettings", settings));
        }
        if (locks > 0) {
            lines.add(Msg.of("labs.import.skippedLocks", locks));
        }
        if (dropped[0] > 0) {
            lines.add(Msg.of("labs.import.droppedConditionals", dropped[0]));
        }
        StringBuilder script = new StringBuilder("-- @title.en ").append(name).append("\n-- @title.zh ").append(name)
                .append("\n-- Imported by campus dataset import.\n\n");
        for (List<String> part : List.of(creates, inserts, indexes, foreignKeys)) {
            for (String s : part) {
                script.append(s).append(";\n");
            }
            script.append('\n');
        }
        if (tables.isEmpty()) {
            errors.add(Msg.of("labs.import.noTables"));
        }
        if (errors.isEmpty()) {
            verify(name, script.toString(), errors);
        }
        return new ImportReport(script.toString(), lines, errors);
    }

    private void statement(DumpSplitter.Piece p) throws SqlSyntaxException {
        List<SqlToken> t = SqlTokenizer.tokenize(p.text(), SqlTokenizer.Flavor.MYSQL);
        if (t.isEmpty()) {
            return;
        }
        String w0 = t.get(0).value();
        String create = w0.equals("CREATE") ? objectAfterCreate(t) : "";
        if (w0.equals("SET")) {
            settings++;
        } else if (w0.equals("LOCK") || w0.equals("UNLOCK")) {
            locks++;
        } else if (create.equals("TABLE")) {
            new TableRewriter(this, t).rewrite();
        } else if (w0.equals("INSERT") || w0.equals("REPLACE")) {
            inserts.add(rewriteInsert(t));
        } else if (Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT").contains(create)) {
            lines.add(Msg.of("labs.import.skippedRoutine", p.line(), create, routineName(t, create)));
        } else if (create.equals("VIEW")) {
            lines.add(Msg.of("labs.import.skippedView", p.line(), routineName(t, create)));
        } else if (!Set.of("DROP", "USE", "START", "COMMIT", "BEGIN").contains(w0)
                && !(w0.equals("CREATE") && create.equals("DATABASE"))
                && !(w0.equals("ALTER") && (p.text().toUpperCase(Locale.ROOT).contains("DISABLE KEYS")
                || p.text().toUpperCase(Locale.ROOT).contains("ENABLE KEYS")))) {
            lines.add(Msg.of("labs.import.skippedOther", p.line(), w0));
        }
    }

    private static String objectAfterCreate(List<SqlToken> t) {
        for (int k = 1; k < t.size(); k++) {
            String v = t.get(k).value();
            if (Set.of("TABLE", "VIEW", "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "DATABASE", "SCHEMA").contains(v)
                    && t.get(k).type() == SqlToken.Type.WORD) {
                return v.equals("SCHEMA") ? "DATABASE" : v;
            }
        }
        return "";
    }

    private static String routineName(List<SqlToken> t, String kind) {
        for (int k = 0; k + 1 < t.size(); k++) {
            if (t.get(k).isWord(kind)) {
                SqlToken n = t.get(k + 1);
                if (n.isWord("IF") && k + 4 < t.size()) {
                    n = t.get(k + 4);
                }
                return n.value();
            }
        }
        return "?";
    }

    private String rewriteInsert(List<SqlToken> t) {
        String table = "";
        for (int k = 0; k + 1 < t.size(); k++) {
            if (t.get(k).isWord("INTO")) {
                table = t.get(k + 1).value().toLowerCase(Locale.ROOT);
                break;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < t.size(); k++) {
            SqlToken x = t.get(k);
            if (x.type() == SqlToken.Type.WORD && x.value().startsWith("_") && k + 1 < t.size()
                    && t.get(k + 1).type() == SqlToken.Type.STRING) {
                continue;
            }
            if (x.type() == SqlToken.Type.STRING && isZeroDate(x.value())) {
                zeroDates.merge(table, 1, Integer::sum);
                sb.append(" NULL");
                continue;
            }
            sb.append(' ').append(emit(x));
        }
        return sb.toString().strip();
    }

    static boolean isZeroDate(String v) {
        return v.matches("0000-00-00( 00:00:00(\\.0+)?)?");
    }

    /** An identifier as H2 should see it: quoted, lower-case (the dataset runs with DATABASE_TO_LOWER). */
    static String ident(SqlToken t) {
        return "\"" + t.value().toLowerCase(Locale.ROOT).replace("\"", "\"\"") + "\"";
    }

    static String emit(SqlToken x) {
        return switch (x.type()) {
            case QUOTED_IDENTIFIER -> ident(x);
            case STRING -> x.text().regionMatches(true, 0, "X'", 0, 2) ? x.text()
                    : "'" + x.value().replace("'", "''") + "'";
            case NUMBER -> x.text().startsWith("0x") || x.text().startsWith("0X") ? "X'" + x.text().substring(2) + "'" : x.text();
            default -> x.text();
        };
    }

    void table(String name, String createSql) {
        tables.add(name);
        creates.add(createSql);
    }

    void index(String sql) {
        indexes.add(sql);
    }

    void foreignKey(String sql) {
        foreignKeys.add(sql);
    }

    void note(Msg m) {
        lines.add(m);
    }

    /** Index names are per schema in H2, per table in MySQL: prefix with the table and keep them unique. */
    String uniqueIndexName(String table, String index) {
        String base = table + "_" + index;
        String n = base;
        for (int k = 2; !indexNames.add(n); k++) {
            n = base + "_" + k;
        }
        return n;
    }

    private void verify(String name, String script, List<Msg> errors) {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:mem:import-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE", p)) {
            DatasetLoader.load(c, Dataset.parse(name, script, name + ".sql"), null, new ArrayList<>(), new ArrayList<>());
            List<Msg> counts = new ArrayList<>();
            for (String t : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + t + "\"")) {
                    rs.next();
                    counts.add(Msg.of("labs.import.table", t, rs.getLong(1)));
                }
            }
            lines.addAll(0, counts);
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        } catch (DatasetException e) {
            errors.add(e.msg());
        } catch (SQLException e) {
            errors.add(Msg.of("labs.import.failed", 0, String.valueOf(e.getMessage())));
        }
    }
}
