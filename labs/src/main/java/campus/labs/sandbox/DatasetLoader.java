package campus.labs.sandbox;

import campus.i18n.Msg;
import campus.labs.dataset.Dataset;
import campus.labs.sql.GuardPolicy;
import campus.labs.sql.SqlGuard;
import campus.labs.sql.SqlScript;
import campus.labs.sql.SqlStatement;
import campus.labs.sql.SqlSyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a dataset script into the connection's current schema. Every statement passes the guard with
 * {@link GuardPolicy#DATASET}: an author's or imported dataset cannot read files or run Java either,
 * even though it runs as the admin. Records the schema statements and table names so the sandbox can
 * rebuild the lab schema from its pristine copy.
 */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    public static void load(Connection admin, Dataset dataset, Integer scale, List<String> ddlOut,
                            List<String> tablesOut) throws DatasetException, SQLException {
        String script = dataset.scriptFor(scale);
        List<SqlStatement> statements;
        try {
            statements = SqlScript.split(script);
        } catch (SqlSyntaxException e) {
            int line = SqlScript.lineAndColumn(script, e.offset())[0];
            throw new DatasetException(Msg.of("labs.dataset.syntax", dataset.source(), line, e.msg().in(campus.i18n.Lang.EN)));
        }
        try (Statement st = admin.createStatement()) {
            for (SqlStatement s : statements) {
                int line = SqlScript.lineAndColumn(script, s.start())[0];
                var refusal = SqlGuard.check(s, GuardPolicy.DATASET);
                if (refusal.isPresent()) {
                    throw new DatasetException(Msg.of("labs.dataset.refused", dataset.source(), line,
                            refusal.get().construct()));
                }
                try {
                    if (!SqlGuard.allowedCommand(H2Internals.commandClass(admin, s.text()), GuardPolicy.DATASET)) {
                        throw new DatasetException(Msg.of("labs.dataset.refused", dataset.source(), line,
                                SqlGuard.construct(s.tokens())));
                    }
                    st.execute(s.text());
                } catch (SQLException e) {
                    throw new DatasetException(Msg.of("labs.dataset.statementFailed", dataset.source(), line,
                            ErrorMapper.readable(e.getMessage())));
                }
                String w = s.firstWord();
                if (!w.equals("INSERT") && !w.equals("MERGE") && !w.equals("UPDATE") && !w.equals("DELETE")) {
                    ddlOut.add(s.text());
                }
                if (SqlGuard.construct(s.tokens()).equals("CREATE TABLE")) {
                    tablesOut.add(tableName(s));
                }
            }
        }
    }

    /** The name after {@code CREATE [..] TABLE [IF NOT EXISTS]}, as H2 stores it (lower-case unless quoted). */
    private static String tableName(SqlStatement s) {
        var t = s.tokens();
        int k = 1;
        while (k < t.size() && !t.get(k).isWord("TABLE")) {
            k++;
        }
        k++;
        if (k + 2 < t.size() && t.get(k).isWord("IF")) {
            k += 3;
        }
        var name = t.get(k);
        if (k + 2 < t.size() && t.get(k + 1).isSymbol(".")) {
            name = t.get(k + 2);
        }
        return name.type() == campus.labs.sql.SqlToken.Type.QUOTED_IDENTIFIER ? name.value()
                : name.value().toLowerCase(java.util.Locale.ROOT);
    }
}
