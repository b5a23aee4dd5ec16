package campus.labs.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at top-level semicolons, using the tokenizer so that a semicolon in
 * a string, a quoted name or a comment never splits (unlike H2's own script reader, which also
 * mis-splits after a comment ending in {@code **}{@code /}). Statements with no tokens are dropped.
 */
public final class SqlScript {

    private SqlScript() {
    }

    public static List<SqlStatement> split(String script) throws SqlSyntaxException {
        return split(script, SqlLexer.Flavor.H2);
    }

    public static List<SqlStatement> split(String script, SqlLexer.Flavor flavor) throws SqlSyntaxException {
        List<SqlToken> all = SqlTokenizer.tokenize(script, flavor);
        List<SqlStatement> out = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        for (SqlToken t : all) {
            if (t.isSymbol(";")) {
                add(script, current, out);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        add(script, current, out);
        return out;
    }

    private static void add(String script, List<SqlToken> tokens, List<SqlStatement> out) {
        if (tokens.isEmpty()) {
            return;
        }
        int start = tokens.get(0).start();
        int end = tokens.get(tokens.size() - 1).end();
        out.add(new SqlStatement(script.substring(start, end), start, tokens));
    }

    /** 1-based line and column of an offset in {@code text}. */
    public static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < Math.min(offset, text.length()); k++) {
            if (text.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
