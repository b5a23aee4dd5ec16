package campus.labs.importer;

import static campus.labs.importer.MysqlDumpImporter.emit;
import static campus.labs.importer.MysqlDumpImporter.ident;

import campus.i18n.Msg;
import campus.labs.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Rewrites one MySQL {@code CREATE TABLE} into H2's dialect, reporting each change to the importer. */
final class TableRewriter {

    private static final Set<String> DATE_TYPES = Set.of("DATE", "DATETIME", "TIMESTAMP");

    private final MysqlDumpImporter imp;
    private final List<SqlToken> t;
    private String table;
    private final List<String> names = new ArrayList<>();
    private final List<MysqlDumpImporter.ColumnKind> kinds = new ArrayList<>();

    TableRewriter(MysqlDumpImporter imp, List<SqlToken> tokens) {
        this.imp = imp;
        this.t = tokens;
    }

    void rewrite() {
        int k = 0;
        while (!t.get(k).isWord("TABLE")) {
            k++;
        }
        k++;
        if (t.get(k).isWord("IF")) {
            k += 3;
        }
        table = t.get(k).value().toLowerCase(Locale.ROOT);
        int open = k + 1;
        int close = matching(open);
        List<String> items = new ArrayList<>();
        for (List<SqlToken> item : splitItems(t, open + 1, close)) {
            String s = item(item);
            if (s != null) {
                items.add(s);
            }
        }
        List<String> options = new ArrayList<>();
        for (int j = close + 1; j < t.size(); j++) {
            SqlToken x = t.get(j);
            if (x.type() == SqlToken.Type.WORD && !Set.of("DEFAULT", "CHARACTER").contains(x.value())) {
                options.add(x.value());
            }
            if (x.isSymbol("=") && j + 1 < t.size()) {
                j++;
            }
        }
        if (!options.isEmpty()) {
            imp.note(Msg.of("labs.import.tableOptions", table, String.join(", ", options)));
        }
        imp.table(table, "CREATE TABLE \"" + table + "\" (\n  " + String.join(",\n  ", items) + "\n)", kinds, names);
    }

    /** {@code CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX name [USING …] ON table (columns) …}: kept, created after the data. */
    void createIndex() {
        int on = 0;
        while (on < t.size() && !t.get(on).isWord("ON")) {
            on++;
        }
        if (on + 1 >= t.size()) {
            throw new IllegalArgumentException("CREATE INDEX without ON");
        }
        table = t.get(on + 1).value().toLowerCase(Locale.ROOT);
        String kind = t.get(1).type() == SqlToken.Type.WORD && !t.get(1).isWord("INDEX") ? t.get(1).value() : "INDEX";
        String name = "idx";
        for (int j = 1; j < on; j++) {
            if (t.get(j).isWord("INDEX") && j + 1 < on) {
                name = t.get(j + 1).value().toLowerCase(Locale.ROOT);
            }
        }
        index(kind, name, t.subList(on + 2, t.size()));
    }

    /**
     * {@code ALTER TABLE t ADD …, MODIFY …}: keys, indexes and foreign keys added after the tables (Chinook,
     * phpMyAdmin dumps) are kept; {@code MODIFY}/{@code CHANGE} of a column (phpMyAdmin's AUTO_INCREMENT) is
     * rewritten like a column of CREATE TABLE; table options and {@code DISABLE/ENABLE KEYS} need nothing; anything
     * else is reported.
     */
    void alter() {
        int k = 2;
        if (t.get(k).isWord("IF")) {
            k += 2;
        }
        table = t.get(k).value().toLowerCase(Locale.ROOT);
        if (k + 2 < t.size() && t.get(k + 1).isSymbol(".")) {
            table = t.get(k + 2).value().toLowerCase(Locale.ROOT);
            k += 2;
        }
        for (List<SqlToken> spec : splitItems(t, k + 1, t.size())) {
            if (spec.isEmpty()) {
                continue;
            }
            SqlToken w = spec.get(0);
            if (w.isWord("ADD")) {
                List<SqlToken> rest = spec.subList(1, spec.size());
                if (!rest.isEmpty() && rest.get(0).isWord("COLUMN")) {
                    imp.key("ALTER TABLE \"" + table + "\" ADD COLUMN " + column(rest.subList(1, rest.size())));
                } else if (!rest.isEmpty() && !Set.of("CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "KEY", "INDEX",
                        "FULLTEXT", "SPATIAL", "CHECK").contains(rest.get(0).value())) {
                    imp.key("ALTER TABLE \"" + table + "\" ADD COLUMN " + column(rest));
                } else {
                    String inline = item(rest);
                    if (inline != null) {
                        imp.key("ALTER TABLE \"" + table + "\" ADD " + inline);
                    }
                }
            } else if ((w.isWord("MODIFY") || w.isWord("CHANGE")) && spec.size() > 2) {
                int from = spec.get(1).isWord("COLUMN") ? 2 : 1;
                if (w.isWord("CHANGE")) {
                    from++;
                }
                imp.key("ALTER TABLE \"" + table + "\" MODIFY COLUMN " + column(spec.subList(from, spec.size())));
            } else if (w.isWord("DISABLE") || w.isWord("ENABLE") || isTableOption(spec)) {
                continue;
            } else {
                imp.note(Msg.of("labs.import.skippedAlter", imp.where(), table, join(spec)));
            }
        }
    }

    private static boolean isTableOption(List<SqlToken> spec) {
        return Set.of("AUTO_INCREMENT", "ENGINE", "DEFAULT", "CHARSET", "CHARACTER", "COLLATE", "COMMENT", "ROW_FORMAT")
                .contains(spec.get(0).value());
    }

    private int matching(int open) {
        int depth = 0;
        for (int j = open; j < t.size(); j++) {
            if (t.get(j).isSymbol("(")) {
                depth++;
            } else if (t.get(j).isSymbol(")") && --depth == 0) {
                return j;
            }
        }
        throw new IllegalArgumentException("CREATE TABLE " + table + ": unbalanced parentheses");
    }

    private static List<List<SqlToken>> splitItems(List<SqlToken> t, int from, int to) {
        List<List<SqlToken>> out = new ArrayList<>();
        List<SqlToken> cur = new ArrayList<>();
        int depth = 0;
        for (int j = from; j < to; j++) {
            SqlToken x = t.get(j);
            if (x.isSymbol("(")) {
                depth++;
            } else if (x.isSymbol(")")) {
                depth--;
            }
            if (depth == 0 && x.isSymbol(",")) {
                out.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(x);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** One column or key definition, or null when it moves elsewhere (index, foreign key) or is dropped. */
    private String item(List<SqlToken> it) {
        SqlToken f = it.get(0);
        String w = f.type() == SqlToken.Type.WORD ? f.value() : "";
        if (w.equals("CONSTRAINT")) {
            List<SqlToken> rest = it.subList(it.get(1).isName() && !it.get(1).isWord("FOREIGN") ? 2 : 1, it.size());
            if (rest.get(0).isWord("FOREIGN")) {
                imp.foreignKey("ALTER TABLE \"" + table + "\" ADD " + join(it));
                imp.note(Msg.of("labs.import.foreignKeyLater", table));
                return null;
            }
            return item(rest);
        }
        switch (w) {
            case "PRIMARY":
                return "PRIMARY KEY (" + columns(it) + ")";
            case "FOREIGN":
                imp.foreignKey("ALTER TABLE \"" + table + "\" ADD " + join(it));
                imp.note(Msg.of("labs.import.foreignKeyLater", table));
                return null;
            case "FULLTEXT", "SPATIAL", "UNIQUE", "KEY", "INDEX":
                index(w, indexName(it), it);
                return null;
            case "CHECK":
                return join(it);
            default:
                return column(it);
        }
    }

    /** A MySQL index as an H2 index of the same columns, created after the data; FULLTEXT and SPATIAL are dropped. */
    private void index(String kind, String name, List<SqlToken> columnsAndMore) {
        if (kind.equals("FULLTEXT") || kind.equals("SPATIAL")) {
            imp.note(Msg.of("labs.import.droppedIndex", table, kind, name));
            return;
        }
        String h2 = imp.uniqueIndexName(table, name);
        imp.key("CREATE " + (kind.equals("UNIQUE") ? "UNIQUE " : "") + "INDEX \"" + h2 + "\" ON \"" + table + "\" ("
                + columns(columnsAndMore) + ")");
        imp.note(Msg.of("labs.import.renamedIndex", table, name, h2));
    }

    private String indexName(List<SqlToken> it) {
        for (int j = 0; j < it.size(); j++) {
            if (it.get(j).isSymbol("(")) {
                SqlToken before = it.get(j - 1);
                return before.isWord("KEY") || before.isWord("INDEX") || before.isWord("UNIQUE") ? "idx" : before.value().toLowerCase(Locale.ROOT);
            }
        }
        return "idx";
    }

    /** The column list of a key, without MySQL prefix lengths {@code col(10)} and without ASC/DESC noise. */
    private String columns(List<SqlToken> it) {
        int j = 0;
        while (j < it.size() && !it.get(j).isSymbol("(")) {
            j++;
        }
        if (j == it.size()) {
            throw new IllegalArgumentException("key without columns");
        }
        List<String> cols = new ArrayList<>();
        int depth = 0;
        for (j = j + 1; j < it.size(); j++) {
            SqlToken x = it.get(j);
            if (x.isSymbol("(")) {
                depth++;
            } else if (x.isSymbol(")")) {
                if (depth-- == 0) {
                    break;
                }
            } else if (depth == 0 && x.isName()) {
                cols.add(ident(x));
            }
        }
        return String.join(", ", cols);
    }

    private String column(List<SqlToken> it) {
        String name = ident(it.get(0));
        String col = it.get(0).value().toLowerCase(Locale.ROOT);
        String type = it.get(1).value();
        names.add(col);
        kinds.add(switch (type) {
            case "DATE" -> MysqlDumpImporter.ColumnKind.DATE;
            case "DATETIME", "TIMESTAMP" -> MysqlDumpImporter.ColumnKind.DATETIME;
            case "TIME" -> MysqlDumpImporter.ColumnKind.TIME;
            default -> MysqlDumpImporter.ColumnKind.OTHER;
        });
        int j = 2;
        String args = "";
        if (j < it.size() && it.get(j).isSymbol("(")) {
            int end = j;
            int depth = 0;
            do {
                if (it.get(end).isSymbol("(")) {
                    depth++;
                } else if (it.get(end).isSymbol(")")) {
                    depth--;
                }
                end++;
            } while (depth > 0);
            args = join(it.subList(j, end));
            j = end;
        }
        boolean unsigned = false;
        List<String> attrs = new ArrayList<>();
        List<String> droppedAttrs = new ArrayList<>();
        for (; j < it.size(); j++) {
            SqlToken x = it.get(j);
            String v = x.type() == SqlToken.Type.WORD ? x.value() : "";
            if (v.equals("UNSIGNED")) {
                unsigned = true;
            } else if (v.equals("ZEROFILL") || v.equals("SIGNED")) {
                continue;
            } else if ((v.equals("CHARACTER") || v.equals("CHARSET") || v.equals("COLLATE")) && j + 1 < it.size()) {
                int skip = v.equals("CHARACTER") ? 2 : 1;
                droppedAttrs.add(join(it.subList(j, Math.min(it.size(), j + skip + 1))));
                j += skip;
            } else if (v.equals("BINARY") || v.equals("ASCII") || v.equals("UNICODE")) {
                droppedAttrs.add(v);
            } else if (v.equals("COMMENT") && j + 1 < it.size()) {
                droppedAttrs.add("COMMENT");
                j++;
            } else if (v.equals("DEFAULT") && j + 1 < it.size() && it.get(j + 1).type() == SqlToken.Type.STRING
                    && MysqlDumpImporter.isZeroDate(it.get(j + 1).value())) {
                attrs.add("DEFAULT NULL");
                j++;
            } else if (v.equals("NOT") && DATE_TYPES.contains(type) && j + 1 < it.size() && it.get(j + 1).isWord("NULL")) {
                j++;
            } else {
                attrs.add(emit(x));
            }
        }
        if (!droppedAttrs.isEmpty()) {
            imp.note(Msg.of("labs.import.droppedAttributes", table, col, String.join(", ", droppedAttrs)));
        }
        String h2Type = type(type, args, unsigned, col);
        return name + " " + h2Type + (attrs.isEmpty() ? "" : " " + String.join(" ", attrs)).replace("( ", "(").replace(" )", ")");
    }

    private String type(String type, String args, boolean unsigned, String col) {
        String mapped;
        switch (type) {
            case "TINYINT" -> mapped = unsigned ? "SMALLINT" : "TINYINT";
            case "SMALLINT" -> mapped = unsigned ? "INT" : "SMALLINT";
            case "MEDIUMINT" -> mapped = "INT";
            case "INT", "INTEGER" -> mapped = unsigned ? "BIGINT" : "INT";
            case "BIGINT" -> mapped = unsigned ? "NUMERIC(20)" : "BIGINT";
            case "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "JSON" -> mapped = "VARCHAR";
            case "TINYBLOB", "MEDIUMBLOB", "LONGBLOB" -> mapped = "BLOB";
            case "DOUBLE", "REAL" -> mapped = "DOUBLE PRECISION";
            case "FLOAT" -> mapped = "REAL";
            case "YEAR" -> mapped = "SMALLINT";
            case "SET" -> mapped = "VARCHAR(" + Math.max(1, args.length()) + ")";
            case "DATETIME" -> mapped = "TIMESTAMP" + args;
            default -> mapped = type + args;
        }
        String original = type + args + (unsigned ? " UNSIGNED" : "");
        boolean displayWidthOnly = Set.of("TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT").contains(type) && !unsigned;
        if (!mapped.equals(type + args) && !displayWidthOnly && !type.equals("DATETIME")) {
            imp.note(Msg.of("labs.import.rewrittenType", table, col, original, mapped));
        }
        return mapped;
    }

    private static String join(List<SqlToken> it) {
        StringBuilder sb = new StringBuilder();
        for (SqlToken x : it) {
            sb.append(sb.length() == 0 ? "" : " ").append(emit(x));
        }
        return sb.toString().replace("( ", "(").replace(" )", ")").replace(" ,", ",");
    }
}
