package campus.labs.sandbox;

import campus.labs.sql.SqlStatement;
import campus.labs.sql.SqlToken;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a {@code state} lab's schema back after an attempt, at a cost proportional to what the attempt touched,
 * not to the dataset.
 *
 * <p>DML runs in a transaction and is rolled back by the sandbox. DDL is the problem: H2 commits it, and the open
 * transaction with it. So, just before each DDL statement runs, {@link #beforeDdl} marks as dirty every dataset
 * table that is about to get committed changes: the tables the transaction has changed so far (H2's write locks,
 * {@link H2Internals#tablesWithUncommittedChanges}) and the tables the statement itself alters, drops or truncates
 * (named after {@code ALTER TABLE}, {@code DROP TABLE}, {@code TRUNCATE}; a statement we cannot read marks all).
 * A dirty table is copied, still untouched, into the admin-only schema {@code pristine} the first time it gets
 * dirty (lazily: most labs never need a copy, and none is made when the dataset loads).
 *
 * <p>{@link #restore} then compares H2's own description of the schema ({@code SCRIPT NODATA}) with the one taken
 * at load: objects the learner created (tables, views, indexes, sequences, constraints) are dropped; dirty or
 * changed tables are dropped and rebuilt from their copy; constraints, indexes and views of the dataset that are
 * missing or different are created again ({@code NOCHECK} for foreign keys: the data is the pristine data).
 */
final class TableRestorer {

    private static final Pattern NAME = Pattern.compile("\"((?:[^\"]|\"\")*)\"\\.\"((?:[^\"]|\"\")*)\"");
    private static final Pattern IDENTITY_RESTART = Pattern.compile(" RESTART WITH -?\\d+| SELECTIVITY \\d+");

    enum Kind { TABLE, CONSTRAINT, INDEX, VIEW, SEQUENCE }

    /** One object of {@code SCRIPT NODATA}: its kind, name, the table it belongs to (if any) and its SQL. */
    record Entry(Kind kind, String name, String table, String references, String sql) {
        String key() {
            return kind + " " + name;
        }
    }

    private final Connection maint;
    private final String lab;
    private final String pristine;
    private final List<Entry> original;
    private final Set<String> datasetTables = new LinkedHashSet<>();
    private final Set<String> copied = new HashSet<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private boolean ddlHappened;
    /** What each identity column and sequence of the dataset hands out next, as loaded (see {@link #restoreCounters}). */
    private final Map<String, Long> counters;

    /** @param maint an admin connection in autocommit mode used only for copies and restores */
    TableRestorer(Connection maint, String lab, String pristine) throws SQLException {
        this.maint = maint;
        this.lab = lab;
        this.pristine = pristine;
        this.original = describe();
        this.counters = counters();
        for (Entry e : original) {
            if (e.kind() == Kind.TABLE) {
                datasetTables.add(e.name());
            }
        }
    }

    boolean ddlHappened() {
        return ddlHappened;
    }

    /** Tables copied into {@code pristine} so far (a copy is made once, the first time a table gets dirty). */
    Set<String> copiedTables() {
        return Set.copyOf(copied);
    }

    /** Called before a DDL statement runs on {@code conn}: copies what the implicit commit is about to change. */
    void beforeDdl(Connection conn, SqlStatement statement) throws SQLException {
        ddlHappened = true;
        Set<String> touched = new LinkedHashSet<>();
        for (String qualified : H2Internals.tablesWithUncommittedChanges(conn)) {
            if (qualified.startsWith(lab + ".")) {
                touched.add(qualified.substring(lab.length() + 1));
            }
        }
        touched.addAll(resolvedTargets(conn, statement));
        for (String t : touched) {
            if (datasetTables.contains(t)) {
                copy(t);
                dirty.add(t);
            }
        }
    }

    private void copy(String table) throws SQLException {
        if (copied.contains(table)) {
            return;
        }
        try (Statement st = maint.createStatement()) {
            st.execute("CREATE TABLE " + q(pristine, table) + " AS SELECT * FROM " + q(lab, table));
        }
        copied.add(table);
    }

    /**
     * The lab tables a DDL statement changes, as H2 resolves the names it was given: a name is never taken as written
     * ({@code `Order_items`}, a catalog- or schema-qualified name, Unicode escapes all reach the same table), but
     * handed to H2's parser on the learner's session. A statement we cannot read, or a name H2 resolves to a view or
     * fails on, makes every dataset table count as touched.
     */
    private Set<String> resolvedTargets(Connection conn, SqlStatement statement) {
        List<int[]> names = targets(statement.tokens());
        if (names == null) {
            return datasetTables;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int[] span : names) {
            String text = statement.text().substring(span[0] - statement.start(), span[1] - statement.start());
            try {
                String[] resolved = H2Internals.resolveTable(conn, text);
                if (resolved == null) {
                    continue; // no such table: the statement changes nothing (DROP TABLE IF EXISTS) or fails
                }
                if (!resolved[0].equals(lab)) {
                    return datasetTables;
                }
                out.add(resolved[1]);
            } catch (SQLException | RuntimeException e) {
                return datasetTables;
            }
        }
        return out;
    }

    /**
     * Where the tables a DDL statement changes are named: {@code [start, end)} of each name (with its qualifiers) in
     * the script, or null when the statement is not one we can read (the caller then treats every dataset table as
     * touched). CREATE statements change none: what they create is found and dropped by comparing catalogs.
     */
    static List<int[]> targets(List<SqlToken> t) {
        if (t.isEmpty()) {
            return null;
        }
        String head = t.get(0).type() == SqlToken.Type.WORD ? t.get(0).value() : "";
        int k = 1;
        switch (head) {
            case "CREATE":
                return List.of();
            case "TRUNCATE":
                if (k < t.size() && t.get(k).isWord("TABLE")) {
                    k++;
                }
                break;
            case "ALTER":
            case "DROP":
                if (k >= t.size() || !t.get(k).type().equals(SqlToken.Type.WORD)) {
                    return null;
                }
                String object = t.get(k).value();
                if (object.equals("INDEX") || object.equals("VIEW")) {
                    return List.of();
                }
                if (!object.equals("TABLE")) {
                    return null;
                }
                k++;
                break;
            default:
                return null;
        }
        if (k + 1 < t.size() && t.get(k).isWord("IF") && t.get(k + 1).isWord("EXISTS")) {
            k += 2;
        }
        List<int[]> names = new ArrayList<>();
        while (k < t.size()) {
            SqlToken n = t.get(k);
            if (!n.isName()) {
                return null;
            }
            int start = n.start();
            while (k + 2 < t.size() && t.get(k + 1).isSymbol(".") && t.get(k + 2).isName()) {
                k += 2;
            }
            names.add(new int[] {start, t.get(k).end()});
            k++;
            if (!head.equals("DROP") || k >= t.size() || !t.get(k).isSymbol(",")) {
                break;
            }
            k++;
        }
        return names;
    }

    /** Puts the lab schema back as loaded. The caller has rolled back the learner's open transaction first. */
    void restore() throws SQLException {
        if (!ddlHappened) {
            return;
        }
        List<Entry> now = describe();
        Map<String, Entry> before = index(original);
        try (Statement st = maint.createStatement()) {
            // 1. what the learner created
            for (Kind kind : new Kind[] {Kind.CONSTRAINT, Kind.VIEW, Kind.TABLE, Kind.INDEX, Kind.SEQUENCE}) {
                for (Entry e : now) {
                    boolean onNewTable = e.kind() == Kind.CONSTRAINT && !datasetTables.contains(e.table());
                    if (e.kind() == kind && !before.containsKey(e.key()) && !onNewTable) {
                        st.execute(drop(e));
                    }
                }
            }
            // 2. dataset tables that changed. Same definition, only data committed: put the rows back in place
            //    (keeps its indexes and the foreign keys of other tables that point at it). Redefined or
            //    missing: drop and rebuild from the copy.
            Map<String, Entry> current = index(now);
            Set<String> rebuild = new LinkedHashSet<>();
            Set<String> refill = new LinkedHashSet<>();
            for (String t : datasetTables) {
                Entry was = before.get(Kind.TABLE + " " + t);
                Entry is = current.get(Kind.TABLE + " " + t);
                if (is == null || !comparable(is.sql()).equals(comparable(was.sql()))) {
                    rebuild.add(t);
                } else if (dirty.contains(t)) {
                    refill.add(t);
                }
            }
            for (String t : rebuild) {
                if (!copied.contains(t)) {
                    throw new SQLException("table " + t + " changed without a copy to restore it from");
                }
                st.execute("DROP TABLE IF EXISTS " + q(lab, t) + " CASCADE");
            }
            if (!refill.isEmpty()) {
                st.execute("SET REFERENTIAL_INTEGRITY FALSE");
                try {
                    for (String t : refill) {
                        st.execute("DELETE FROM " + q(lab, t));
                        st.execute("INSERT INTO " + q(lab, t) + " SELECT * FROM " + q(pristine, t));
                    }
                } finally {
                    st.execute("SET REFERENTIAL_INTEGRITY TRUE");
                }
            }
            for (Entry e : original) {
                if (e.kind() == Kind.TABLE && rebuild.contains(e.name())) {
                    st.execute(e.sql());
                    st.execute("INSERT INTO " + q(lab, e.name()) + " SELECT * FROM " + q(pristine, e.name()));
                }
            }
            // 3. constraints, indexes, views, sequences of the dataset that are missing or different now
            Set<String> present = new HashSet<>();
            Map<String, Entry> after = index(describe());
            for (Entry e : after.values()) {
                present.add(e.sql());
            }
            for (Entry e : original) {
                if (e.kind() == Kind.TABLE || present.contains(e.sql())) {
                    continue;
                }
                Entry other = after.get(e.key());
                if (other != null) {
                    st.execute(drop(other));
                }
                st.execute(e.sql());
            }
        }
        dirty.clear();
        ddlHappened = false;
    }

    /**
     * Puts identity ({@code AUTO_INCREMENT}) counters and sequences back to the values they had when the dataset loaded.
     * H2 hands out identity and sequence values outside transactions: a rolled-back {@code INSERT} still moves the
     * counter, and without this every later attempt (and the learner's ids) would be shifted from the reference's.
     * Costs one catalog query when the dataset has counters, nothing when it has none.
     */
    void restoreCounters() throws SQLException {
        if (counters.isEmpty()) {
            return;
        }
        Map<String, Long> now = counters();
        try (Statement st = maint.createStatement()) {
            for (Map.Entry<String, Long> c : counters.entrySet()) {
                Long current = now.get(c.getKey());
                if (current != null && !current.equals(c.getValue())) {
                    st.execute(c.getKey() + c.getValue());
                }
            }
        }
    }

    /** Each counter of the lab schema, keyed by the statement (less its value) that restarts it, with its next value. */
    private Map<String, Long> counters() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (var ps = maint.prepareStatement("SELECT table_name, column_name, identity_base FROM information_schema.columns"
                + " WHERE table_schema = ? AND is_identity = 'YES'")) {
            ps.setString(1, lab);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put("ALTER TABLE " + q(lab, rs.getString(1)) + " ALTER COLUMN " + q(rs.getString(2))
                            + " RESTART WITH ", rs.getLong(3));
                }
            }
        }
        try (var ps = maint.prepareStatement("SELECT sequence_name, base_value FROM information_schema.sequences"
                + " WHERE sequence_schema = ?")) {
            ps.setString(1, lab);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put("ALTER SEQUENCE " + q(lab, rs.getString(1)) + " RESTART WITH ", rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static String comparable(String createTable) {
        return IDENTITY_RESTART.matcher(createTable).replaceAll("");
    }

    private String drop(Entry e) {
        return switch (e.kind()) {
            case CONSTRAINT -> "ALTER TABLE IF EXISTS " + q(lab, e.table()) + " DROP CONSTRAINT IF EXISTS " + q(lab, e.name()) + " CASCADE";
            case VIEW -> "DROP VIEW IF EXISTS " + q(lab, e.name()) + " CASCADE";
            case TABLE -> "DROP TABLE IF EXISTS " + q(lab, e.name()) + " CASCADE";
            case INDEX -> "DROP INDEX IF EXISTS " + q(lab, e.name());
            case SEQUENCE -> "DROP SEQUENCE IF EXISTS " + q(lab, e.name());
        };
    }

    private static Map<String, Entry> index(List<Entry> entries) {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.put(e.key(), e);
        }
        return m;
    }

    /** The lab schema as H2 scripts it, one entry per object. */
    private List<Entry> describe() throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (Statement st = maint.createStatement();
             ResultSet rs = st.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS SCHEMA " + lab)) {
            while (rs.next()) {
                Entry e = parse(rs.getString(1));
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private Entry parse(String sql) {
        Kind kind;
        if (sql.matches("(?s)CREATE (MEMORY |CACHED |GLOBAL TEMPORARY |LOCAL TEMPORARY )*TABLE .*")) {
            kind = Kind.TABLE;
        } else if (sql.matches("(?s)ALTER TABLE \\S+ ADD CONSTRAINT .*")) {
            kind = Kind.CONSTRAINT;
        } else if (sql.matches("(?s)CREATE ([A-Z]+ )*INDEX .*")) {
            kind = Kind.INDEX;
        } else if (sql.matches("(?s)CREATE (FORCE )?VIEW .*")) {
            kind = Kind.VIEW;
        } else if (sql.startsWith("CREATE SEQUENCE ")) {
            kind = Kind.SEQUENCE;
        } else {
            return null;
        }
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(sql);
        while (m.find()) {
            if (m.group(1).replace("\"\"", "\"").equals(lab)) {
                names.add(m.group(2).replace("\"\"", "\""));
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        return switch (kind) {
            case CONSTRAINT -> new Entry(kind, names.get(1), names.get(0), names.size() > 2 ? names.get(2) : null, sql);
            case INDEX -> new Entry(kind, names.get(0), names.size() > 1 ? names.get(1) : null, null, sql);
            default -> new Entry(kind, names.get(0), kind == Kind.TABLE ? names.get(0) : null, null, sql);
        };
    }

    private static String q(String schema, String name) {
        return q(schema) + "." + q(name);
    }

    private static String q(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
