package campus.labs.sandbox;

import campus.i18n.Msg;
import java.sql.SQLException;

/**
 * Turns an H2 error into a learner-facing problem: the first line of H2's message (without the echoed
 * statement and error code) and the position H2 marks with {@code [*]}, mapped into the learner's text.
 */
final class ErrorMapper {

    private ErrorMapper() {
    }

    static SqlProblem map(SQLException e, String script, int statementStart, String statementSql,
                          Watchdog.Reason cancelReason) {
        if (e.getErrorCode() == org.h2.api.ErrorCode.STATEMENT_WAS_CANCELED || cancelReason != null) {
            if (cancelReason == Watchdog.Reason.MEMORY) {
                return SqlProblem.at(SqlProblem.Kind.MEMORY, Msg.of("labs.run.memory"), script, statementStart);
            }
            if (cancelReason == Watchdog.Reason.USER) {
                return SqlProblem.at(SqlProblem.Kind.CANCELLED, Msg.of("labs.run.cancelled"), script, statementStart);
            }
            return SqlProblem.at(SqlProblem.Kind.TIMEOUT, Msg.of("labs.run.timeout"), script, statementStart);
        }
        if (e.getErrorCode() == org.h2.api.ErrorCode.OUT_OF_MEMORY) {
            return SqlProblem.at(SqlProblem.Kind.MEMORY, Msg.of("labs.run.memory"), script, statementStart);
        }
        String raw = e.getMessage() == null ? e.toString() : e.getMessage();
        int offsetInStatement = markerOffset(raw, statementSql);
        String text = readable(raw);
        boolean syntax = e.getErrorCode() == org.h2.api.ErrorCode.SYNTAX_ERROR_1
                || e.getErrorCode() == org.h2.api.ErrorCode.SYNTAX_ERROR_2;
        int offset = statementStart + Math.max(0, offsetInStatement);
        SqlProblem p = SqlProblem.at(syntax ? SqlProblem.Kind.SYNTAX : SqlProblem.Kind.ERROR,
                Msg.of("labs.run.sqlError", 0, 0, text), script, offset);
        Msg m = syntax && offsetInStatement >= 0 ? syntaxMessage(statementSql, offsetInStatement, p.line(), p.column())
                : Msg.of("labs.run.sqlError", p.line(), p.column(), text);
        return new SqlProblem(p.kind(), m, p.offset(), p.line(), p.column());
    }

    /** The message without H2's {@code ; SQL statement: ...} tail and {@code [code-build]} suffix. */
    static String readable(String raw) {
        String s = raw;
        int cut = s.indexOf("; SQL statement:");
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        s = s.replaceAll("\\s*\\[\\d+-\\d+]\\s*$", "");
        s = s.replace("[*]", "");
        return s.strip();
    }

    /** No marker: H2 names the unknown column or table in quotes; point at its first use. */
    private static int namedObjectOffset(String raw, String statementSql) {
        java.util.regex.Matcher q = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(readable(raw));
        if (!q.find()) {
            return -1;
        }
        String name = q.group(1);
        String last = name.substring(name.lastIndexOf('.') + 1);
        java.util.regex.Matcher w = java.util.regex.Pattern.compile("(?i)(?<![\\w])" + java.util.regex.Pattern.quote(last)
                + "(?![\\w])").matcher(statementSql);
        return w.find() ? w.start() : -1;
    }

    /**
     * Where H2's {@code [*]} marker sits in the statement, or -1. H2 echoes the statement either after
     * {@code ; SQL statement:} (errors while running) or in quotes in the first line (errors from its parser).
     */
    static int markerOffset(String raw, String statementSql) {
        int tail = raw.indexOf("; SQL statement:");
        String echoed = tail >= 0 ? raw.substring(tail + "; SQL statement:".length()).strip() : "";
        int m = echoed.indexOf("[*]");
        String head;
        if (m >= 0) {
            head = echoed.substring(0, m);
        } else {
            m = raw.indexOf("[*]");
            if (m < 0) {
                return namedObjectOffset(raw, statementSql);
            }
            int open = raw.indexOf('"');
            if (open < 0 || open > m) {
                return -1;
            }
            head = raw.substring(open + 1, m).replace("\"\"", "\"");
        }
        if (statementSql.startsWith(head)) {
            return head.length();
        }
        int k = statementSql.indexOf(head);
        return k >= 0 ? k + head.length() : Math.min(head.length(), statementSql.length());
    }

    /**
     * A syntax error as a learner reads it: the word H2 stumbled on and where, e.g.
     * "Syntax error near SELEC (line 1, column 1)." H2's own list of what it expected is left out: for a typo in
     * the first word it lists statements like SAVEPOINT, which misleads more than it helps.
     */
    static Msg syntaxMessage(String statementSql, int offset, int line, int column) {
        try {
            for (campus.labs.sql.SqlToken t : campus.labs.sql.SqlTokenizer.tokenize(statementSql.substring(Math.min(offset, statementSql.length())))) {
                String near = t.text().length() > 40 ? t.text().substring(0, 37) + "..." : t.text();
                if (near.equals(";")) {
                    break;
                }
                return Msg.of("labs.run.syntaxNear", line, column, near);
            }
        } catch (campus.labs.sql.SqlSyntaxException e) {
            // the rest does not even tokenize: fall through to the general message
        }
        return Msg.of("labs.run.syntaxEnd", line, column);
    }
}
