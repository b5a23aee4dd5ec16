package campus.labs.importer;

import campus.i18n.Msg;
import campus.labs.sql.SqlSyntaxException;
import campus.labs.sql.SqlToken;
import campus.labs.sql.SqlLexer;
import campus.labs.sql.SqlTokenizer;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a mysqldump file (or a MySQL script such as Chinook's or the employees loader) into a Campus dataset
 * script (H2, MySQL mode): tables, then data, then the replayed triggers, then primary keys and indexes added later,
 * then foreign keys. An AFTER INSERT trigger that only copies the new row into another table ({@link TriggerReplay})
 * is run once over its table after the data; session settings, locks, routines, other triggers and views are
 * skipped and reported; MySQL types, clauses and literals H2 lacks are rewritten and reported. The mysql client's
 * {@code source file} loads {@code file} from beside the dump. The result is loaded into a scratch database before it is accepted, so the row counts in
 * the report are the real ones and an error names the line of the user's file it came from.
 */
public final class MysqlDumpImporter {

    /** Where a statement of the dataset script came from: a file ({@code null} for the dump itself) and its line. */
    record Origin(String file, int line) {
    }

    /** A statement of the dataset script and where it came from. */
    record Out(String sql, Origin origin) {
    }

    private static final int MAX_SOURCE_DEPTH = 8;

    private final Path baseDir;
    private final boolean tablesOnly;
    private final List<Msg> lines = new ArrayList<>();
    private final List<Msg> errors = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();
    private final Map<String, List<ColumnKind>> columns = new HashMap<>();
    private final Map<String, List<String>> columnNamesByTable = new HashMap<>();
    private final List<Out> creates = new ArrayList<>();
    private final List<Out> inserts = new ArrayList<>();
    private final List<Out> replays = new ArrayList<>();
    private final Map<String, Integer> insertStatements = new HashMap<>();
    private final List<TriggerReplay> triggers = new ArrayList<>();
    private final List<Out> keys = new ArrayList<>();
    private final List<Out> foreignKeys = new ArrayList<>();
    private final Set<String> indexNames = new HashSet<>();
    private final Map<String, Integer> zeroDates = new LinkedHashMap<>();
    private final Map<String, Integer> relaxedDates = new LinkedHashMap<>();
    private Origin current;
    private int settings;
    private int locks;
    private int dropped;

    /** What a column holds, as far as literals in INSERTs need converting. */
    enum ColumnKind { DATE, DATETIME, TIME, OTHER }

    private MysqlDumpImporter(Path baseDir, boolean tablesOnly) {
        this.baseDir = baseDir;
        this.tablesOnly = tablesOnly;
    }

    /** Converts a dump held in memory; {@code source} commands cannot be followed (there is no folder). */
    public static ImportReport convert(String dump, String name) {
        try {
            return new MysqlDumpImporter(null, false).run(new StringReader(dump), name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Converts a dump file, read as a stream (UTF-8). {@code tablesOnly}: a dump with tables and no rows is what the
     * author wants; otherwise it is refused, since it usually means the data files were left behind.
     */
    public static ImportReport convert(Path dump, String name, boolean tablesOnly) throws IOException {
        Path dir = dump.toAbsolutePath().getParent();
        try (Reader r = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
            return new MysqlDumpImporter(dir, tablesOnly).run(r, name);
        }
    }

    private ImportReport run(Reader dump, String name) throws IOException {
        read(dump, null, 0);
        zeroDates.forEach((t, n) -> lines.add(Msg.of("labs.import.zeroDates", t, n)));
        relaxedDates.forEach((t, n) -> lines.add(Msg.of("labs.import.relaxedDates", t, n)));
        if (settings > 0) {
            lines.add(Msg.of("labs.import.skippedSettings", settings));
        }
        if (locks > 0) {
            lines.add(Msg.of("labs.import.skippedLocks", locks));
        }
        if (dropped > 0) {
            lines.add(Msg.of("labs.import.droppedConditionals", dropped));
        }
        replayTriggers();
        List<List<Out>> parts = List.of(creates, inserts, replays, keys, foreignKeys);
        if (tables.isEmpty()) {
            errors.add(Msg.of("labs.import.noTables"));
        }
        if (errors.isEmpty()) {
            new ScratchLoad(name, parts, tables).verify(lines, errors, tablesOnly);
        }
        return new ImportReport(DatasetScript.text(name, parts), lines, errors);
    }

    /**
     * A replayable trigger runs once over its table after the data, if MySQL would have run it on every row of the
     * table: created before the table's first INSERT in the dump, with INSERTs after it.
     */
    private void replayTriggers() {
        for (TriggerReplay tr : triggers) {
            int after = insertStatements.getOrDefault(tr.table(), 0) - tr.insertsBefore();
            Msg at = where(tr.origin());
            if (tr.insertsBefore() == 0 && after > 0) {
                replays.add(new Out(tr.sql(), tr.origin()));
                lines.add(Msg.of("labs.import.triggerReplayed", at, tr.name(), tr.table(), tr.shown()));
            } else {
                Msg why = after > 0 ? Msg.of("labs.import.triggerRowsBeforeAndAfter", tr.table())
                        : tr.insertsBefore() > 0 ? Msg.of("labs.import.triggerRowsBefore", tr.table())
                        : Msg.of("labs.import.triggerNoRows", tr.table());
                lines.add(Msg.of("labs.import.triggerNotReplayed", at, tr.name(), tr.table(), why));
            }
        }
    }

    private void read(Reader in, String file, int depth) throws IOException {
        try (DumpReader reader = new DumpReader(in)) {
            DumpReader.Piece p;
            while ((p = reader.next()) != null) {
                current = new Origin(file, p.line());
                if (p.sourceFile() != null) {
                    source(p.sourceFile(), depth);
                    continue;
                }
                try {
                    statement(p);
                    for (DumpReader.Dropped d : p.dropped()) {
                        lines.add(dropped(new Origin(file, d.line()), d));
                    }
                } catch (SqlSyntaxException e) {
                    errors.add(failed(current, e.msg()));
                } catch (RuntimeException e) {
                    errors.add(failed(current, Msg.of("labs.import.unreadable", DumpReader.firstWords(p.text()))));
                }
            }
            dropped += reader.droppedConditionals();
        }
    }

    /** A part MySQL runs from a version on ({@code /*!50705 location GEOMETRY *}{@code /}: 5.7.5), with its line. */
    private static Msg dropped(Origin at, DumpReader.Dropped d) {
        if (d.version().length() != 5) {
            return Msg.of("labs.import.droppedMysqlPart", where(at), d.text());
        }
        int v = Integer.parseInt(d.version());
        return Msg.of("labs.import.droppedVersionPart", where(at), (v / 10000) + "." + (v / 100 % 100) + "." + (v % 100),
                d.text());
    }

    /** The mysql client's {@code source file}: the file beside the dump, read in place. */
    private void source(String file, int depth) throws IOException {
        Origin at = current;
        if (baseDir == null) {
            errors.add(failed(at, Msg.of("labs.import.sourceNoFolder", file)));
            return;
        }
        Path target = baseDir.resolve(file).normalize();
        if (!target.startsWith(baseDir) || !Files.isRegularFile(target)) {
            errors.add(failed(at, Msg.of("labs.import.sourceMissing", file, target.toString())));
            return;
        }
        if (depth >= MAX_SOURCE_DEPTH) {
            errors.add(failed(at, Msg.of("labs.import.sourceTooDeep", file)));
            return;
        }
        lines.add(Msg.of("labs.import.sourced", where(at), file));
        try (Reader r = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
            read(r, baseDir.relativize(target).toString(), depth + 1);
        }
        current = at;
    }

    /** "Line 12" in the dump itself, "load_x.dump, line 12" in a file it sources. */
    static Msg where(Origin o) {
        return o.file() == null ? Msg.of("labs.import.at", o.line()) : Msg.of("labs.import.atIn", o.file(), o.line());
    }

    /** Where the statement being read starts. */
    Msg where() {
        return where(current);
    }

    /** "Line 12: …" for the dump itself, "load_x.dump, line 12: …" for a file it sources. */
    static Msg failed(Origin o, Object detail) {
        return o.file() == null ? Msg.of("labs.import.failed", o.line(), detail)
                : Msg.of("labs.import.failedIn", o.file(), o.line(), detail);
    }

    private void statement(DumpReader.Piece p) throws SqlSyntaxException {
        List<SqlToken> t = SqlTokenizer.tokenize(p.text(), SqlLexer.Flavor.MYSQL);
        if (t.isEmpty()) {
            return;
        }
        String w0 = t.get(0).type() == SqlToken.Type.WORD ? t.get(0).value() : "";
        String create = w0.equals("CREATE") ? objectAfterCreate(t) : "";
        if (w0.equals("SET")) {
            settings++;
        } else if (w0.equals("LOCK") || w0.equals("UNLOCK")) {
            locks++;
        } else if (create.equals("TABLE")) {
            new TableRewriter(this, t).rewrite();
        } else if (create.equals("INDEX")) {
            new TableRewriter(this, t).createIndex();
        } else if (w0.equals("ALTER") && t.size() > 2 && t.get(1).isWord("TABLE")) {
            new TableRewriter(this, t).alter();
        } else if (w0.equals("INSERT") || w0.equals("REPLACE")) {
            inserts.add(new Out(new InsertRewriter(this, t).rewrite(), current));
        } else if (create.equals("TRIGGER") && replayable(t)) {
            return; // run over its table once the data is in: replayTriggers()
        } else if (Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT").contains(create)) {
            lines.add(Msg.of("labs.import.skippedRoutine", where(), create, routineName(t, create)));
        } else if (create.equals("VIEW")) {
            lines.add(Msg.of("labs.import.skippedView", where(), routineName(t, create)));
        } else if (!Set.of("DROP", "USE", "START", "COMMIT", "BEGIN", "ROLLBACK").contains(w0)
                && !(w0.equals("CREATE") && create.equals("DATABASE"))) {
            lines.add(Msg.of("labs.import.skippedOther", where(), w0.isEmpty() ? t.get(0).text() : w0));
        }
    }

    private boolean replayable(List<SqlToken> t) {
        Optional<TriggerReplay> trigger = TriggerReplay.read(t, current, this::insertsInto);
        trigger.ifPresent(triggers::add);
        return trigger.isPresent();
    }

    private static String objectAfterCreate(List<SqlToken> t) {
        for (int k = 1; k < t.size(); k++) {
            String v = t.get(k).value();
            if (Set.of("TABLE", "VIEW", "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "DATABASE", "SCHEMA", "INDEX")
                    .contains(v) && t.get(k).type() == SqlToken.Type.WORD) {
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
                return n.type() == SqlToken.Type.WORD ? n.text() : n.value();
            }
        }
        return "?";
    }

    private static final java.util.regex.Pattern ZERO_DATE = java.util.regex.Pattern.compile("0000-00-00( 00:00:00(\\.0+)?)?");

    static boolean isZeroDate(String v) {
        return v.startsWith("0000-00-00") && ZERO_DATE.matcher(v).matches();
    }

    /** An identifier as H2 should see it: quoted, lower-case (the dataset runs with DATABASE_TO_LOWER). */
    static String ident(SqlToken t) {
        return ident(t.value());
    }

    /** A name as H2 should see it: quoted, lower-case. */
    static String ident(String name) {
        return "\"" + name.toLowerCase(Locale.ROOT).replace("\"", "\"\"") + "\"";
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

    void table(String name, String createSql, List<ColumnKind> kinds, List<String> columnNames) {
        tables.add(name);
        creates.add(new Out(createSql, current));
        columns.put(name, kinds);
        columnNamesByTable.put(name, columnNames);
    }

    /** An INSERT into {@code table} was read: a trigger created after it does not run on its rows. */
    void inserted(String table) {
        insertStatements.merge(table, 1, Integer::sum);
    }

    private int insertsInto(String table) {
        return insertStatements.getOrDefault(table, 0);
    }

    List<ColumnKind> kinds(String table) {
        return columns.get(table);
    }

    List<String> columnNames(String table) {
        return columnNamesByTable.get(table);
    }

    void key(String sql) {
        keys.add(new Out(sql, current));
    }

    void foreignKey(String sql) {
        foreignKeys.add(new Out(sql, current));
    }

    void note(Msg m) {
        lines.add(m);
    }

    void zeroDate(String table) {
        zeroDates.merge(table, 1, Integer::sum);
    }

    void relaxedDate(String table) {
        relaxedDates.merge(table, 1, Integer::sum);
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
}
