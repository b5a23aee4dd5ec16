package campus.labs.compat;

import campus.i18n.Msg;
import campus.labs.sql.SqlSyntaxException;
import campus.labs.sql.SqlToken;
import campus.labs.sql.SqlTokenizer;
import java.util.List;

/**
 * The MySQL habits {@link MysqlCompat} leaves for the engine to refuse, because no rewrite gives exactly MySQL's
 * result: the refusal says what differs and what to write instead, rather than the engine's bare "not found".
 */
public final class Differences {

    private Differences() {
    }

    /** The explanation for the engine's error {@code code} on {@code sql}, or null when it is not one of these. */
    public static Msg explain(int code, String sql, int line, int column) {
        List<SqlToken> t;
        try {
            t = SqlTokenizer.tokenize(sql);
        } catch (SqlSyntaxException e) {
            return null;
        }
        boolean syntax = code == org.h2.api.ErrorCode.SYNTAX_ERROR_1 || code == org.h2.api.ErrorCode.SYNTAX_ERROR_2;
        if (syntax && t.stream().anyMatch(x -> x.isWord("DIV"))) {
            return Msg.of("labs.compat.div", line, column);
        }
        if (code == org.h2.api.ErrorCode.FUNCTION_NOT_FOUND_1 && t.stream().anyMatch(x -> x.isWord("DATE_FORMAT"))) {
            return Msg.of("labs.compat.dateFormat", line, column);
        }
        if (code == org.h2.api.ErrorCode.COLUMN_NOT_FOUND_1 && t.stream().filter(x -> x.isWord("USING")).count() >= 2) {
            return Msg.of("labs.compat.usingChain", line, column);
        }
        return null;
    }
}
