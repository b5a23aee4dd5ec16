package campus.labs.importer;

import campus.labs.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The one kind of MySQL trigger an import applies: {@code AFTER INSERT ON t FOR EACH ROW} whose body (bare or in
 * {@code BEGIN … END}) is a single {@code INSERT INTO u (c1, c2, …) VALUES (NEW.a, NEW.b, …)}. Such a trigger copies
 * columns of every new row of {@code t} into {@code u}, so running it once over the imported rows of {@code t}, as
 * {@code INSERT INTO u (c1, c2, …) SELECT a, b, … FROM t}, leaves the database MySQL would have after loading the dump
 * (Sakila's {@code ins_film} fills {@code film_text} this way). Any other trigger is skipped and reported.
 *
 * @param insertsBefore INSERT statements into {@code table} the dump ran before it created the trigger: MySQL runs a
 *                      trigger only on rows inserted after it exists
 */
record TriggerReplay(String name, String table, String target, List<String> columns, List<String> values,
                     MysqlDumpImporter.Origin origin, int insertsBefore) {

    /** The trigger of {@code CREATE … TRIGGER} tokens, when it is of the kind that can be replayed. */
    static Optional<TriggerReplay> read(List<SqlToken> t, MysqlDumpImporter.Origin origin, ToIntFunction<String> insertsSoFar) {
        Cursor c = new Cursor(t);
        while (c.more() && !c.peek().isWord("TRIGGER")) {
            c.next();
        }
        if (!c.word("TRIGGER")) {
            return Optional.empty();
        }
        if (c.word("IF") && !(c.word("NOT") && c.word("EXISTS"))) {
            return Optional.empty();
        }
        String name = c.qualifiedName();
        if (name == null || !c.word("AFTER") || !c.word("INSERT") || !c.word("ON")) {
            return Optional.empty();
        }
        String table = c.qualifiedName();
        if (table == null || !c.word("FOR") || !c.word("EACH") || !c.word("ROW")) {
            return Optional.empty();
        }
        boolean block = c.word("BEGIN");
        if (!c.word("INSERT")) {
            return Optional.empty();
        }
        c.word("INTO");
        String target = c.qualifiedName();
        List<String> columns = target == null ? null : c.nameList();
        if (columns == null || !(c.word("VALUES") || c.word("VALUE")) || !c.symbol("(")) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        do {
            if (!c.word("NEW") || !c.symbol(".") || !c.more() || !c.peek().isName()) {
                return Optional.empty();
            }
            values.add(lower(c.next()));
        } while (c.symbol(","));
        if (!c.symbol(")") || values.size() != columns.size()) {
            return Optional.empty();
        }
        while (c.symbol(";")) {
            // the body's own statement end
        }
        if (block && !c.word("END")) {
            return Optional.empty();
        }
        while (c.symbol(";")) {
            // a delimiter left at the end
        }
        if (c.more()) {
            return Optional.empty();
        }
        return Optional.of(new TriggerReplay(name, table, target, List.copyOf(columns), List.copyOf(values), origin,
                insertsSoFar.applyAsInt(table)));
    }

    /** The statement run after the data (the names are lower case already, as the dataset's are). */
    String sql() {
        return "INSERT INTO " + MysqlDumpImporter.ident(target) + " ("
                + String.join(", ", columns.stream().map(MysqlDumpImporter::ident).toList()) + ") SELECT "
                + String.join(", ", values.stream().map(MysqlDumpImporter::ident).toList()) + " FROM "
                + MysqlDumpImporter.ident(table);
    }

    /** The same statement as the report shows it. */
    String shown() {
        return "INSERT INTO " + target + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                + " FROM " + table;
    }

    private static String lower(SqlToken name) {
        return name.value().toLowerCase(Locale.ROOT);
    }

    /** Reads the trigger's tokens front to back. */
    private static final class Cursor {
        private final List<SqlToken> t;
        private int k;

        Cursor(List<SqlToken> t) {
            this.t = t;
        }

        boolean more() {
            return k < t.size();
        }

        SqlToken peek() {
            return t.get(k);
        }

        SqlToken next() {
            return t.get(k++);
        }

        boolean word(String upper) {
            if (more() && peek().isWord(upper)) {
                k++;
                return true;
            }
            return false;
        }

        boolean symbol(String s) {
            if (more() && peek().isSymbol(s)) {
                k++;
                return true;
            }
            return false;
        }

        /** {@code name} or {@code schema.name}, as the dataset names it (lower case, no schema); null if none. */
        String qualifiedName() {
            if (!more() || !peek().isName()) {
                return null;
            }
            String n = lower(next());
            if (more() && peek().isSymbol(".") && k + 1 < t.size() && t.get(k + 1).isName()) {
                k++;
                n = lower(next());
            }
            return n;
        }

        /** {@code (a, b, …)}; null if it is not a plain list of names. */
        List<String> nameList() {
            if (!symbol("(")) {
                return null;
            }
            List<String> names = new ArrayList<>();
            do {
                if (!more() || !peek().isName()) {
                    return null;
                }
                names.add(lower(next()));
            } while (symbol(","));
            return symbol(")") ? names : null;
        }
    }
}
