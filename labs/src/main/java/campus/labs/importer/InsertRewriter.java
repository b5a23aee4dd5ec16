package campus.labs.importer;

import static campus.labs.importer.MysqlDumpImporter.emit;

import campus.labs.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites one {@code INSERT}/{@code REPLACE} for H2: charset introducers ({@code _utf8'…'}) dropped, zero dates
 * stored as NULL, and MySQL's relaxed date and time literals in date columns ({@code '1962/2/18'},
 * {@code '2009-1-1 0:00:00'}, {@code '19620218'}) written the standard way. A value's column is known from the
 * column list, or from the table's own order when the INSERT has none.
 */
final class InsertRewriter {

    private final MysqlDumpImporter imp;
    private final List<SqlToken> t;

    InsertRewriter(MysqlDumpImporter imp, List<SqlToken> tokens) {
        this.imp = imp;
        this.t = tokens;
    }

    String rewrite() {
        String table = "";
        int k = 0;
        for (; k + 1 < t.size(); k++) {
            if (t.get(k).isWord("INTO")) {
                table = t.get(k + 1).value().toLowerCase(Locale.ROOT);
                if (k + 3 < t.size() && t.get(k + 2).isSymbol(".")) {
                    table = t.get(k + 3).value().toLowerCase(Locale.ROOT);
                }
                break;
            }
        }
        imp.inserted(table);
        List<MysqlDumpImporter.ColumnKind> kinds = columnKinds(table, k);
        StringBuilder sb = new StringBuilder(t.size() * 8);
        boolean inValues = false;
        int depth = 0;
        int column = 0;
        for (int j = 0; j < t.size(); j++) {
            SqlToken x = t.get(j);
            if (x.isWord("VALUES") || x.isWord("VALUE")) {
                inValues = true;
            } else if (x.isSymbol("(")) {
                depth++;
                if (depth == 1) {
                    column = 0;
                }
            } else if (x.isSymbol(")")) {
                depth--;
            } else if (x.isSymbol(",") && depth == 1) {
                column++;
            }
            if (x.type() == SqlToken.Type.WORD && x.value().startsWith("_") && j + 1 < t.size()
                    && t.get(j + 1).type() == SqlToken.Type.STRING) {
                continue;
            }
            if (x.type() == SqlToken.Type.STRING && MysqlDumpImporter.isZeroDate(x.value())) {
                imp.zeroDate(table);
                sb.append(" NULL");
                continue;
            }
            if (inValues && depth == 1 && x.type() == SqlToken.Type.STRING && kinds != null && column < kinds.size()
                    && kinds.get(column) != MysqlDumpImporter.ColumnKind.OTHER) {
                String std = MysqlDates.standard(x.value(), kinds.get(column));
                if (!std.equals(x.value())) {
                    imp.relaxedDate(table);
                    sb.append(" '").append(std).append('\'');
                    continue;
                }
            }
            sb.append(' ').append(emit(x));
        }
        return sb.toString().strip();
    }

    /** The kinds of the columns the values go to, in order; null when the table or a column is unknown. */
    private List<MysqlDumpImporter.ColumnKind> columnKinds(String table, int intoAt) {
        List<MysqlDumpImporter.ColumnKind> all = imp.kinds(table);
        if (all == null) {
            return null;
        }
        int open = intoAt + 2;
        if (open < t.size() && t.get(open).isSymbol(".")) {
            open += 2;
        }
        if (open >= t.size() || !t.get(open).isSymbol("(")) {
            return all;
        }
        List<String> names = imp.columnNames(table);
        List<MysqlDumpImporter.ColumnKind> out = new ArrayList<>();
        for (int j = open + 1; j < t.size() && !t.get(j).isSymbol(")"); j++) {
            if (t.get(j).isName()) {
                int at = names.indexOf(t.get(j).value().toLowerCase(Locale.ROOT));
                out.add(at < 0 ? MysqlDumpImporter.ColumnKind.OTHER : all.get(at));
            }
        }
        return out;
    }
}
