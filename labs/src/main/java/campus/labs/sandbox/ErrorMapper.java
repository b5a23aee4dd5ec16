package campus.labs.sandbox;

import campus.i18n.Msg;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns an H2 error into a learner-facing problem: the first line of H2's message (without the echoed
 * statement and error code) and the position H2 marks with {@code [*]}, mapped into the learner's text.
 */
public final class ErrorMapper {

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
                : Msg.of("labs.run.sqlError", p.line(), p.column(), detail(e));
        Msg better = mysqlDifference(e.getErrorCode(), syntax, statementSql, offsetInStatement, text, p.line(), p.column());
        if (better == null) {
            better = foreignKey(e.getErrorCode(), text, p.line(), p.column());
        }
        return new SqlProblem(p.kind(), better != null ? better : m, p.offset(), p.line(), p.column());
    }

    private static final java.util.regex.Pattern FOREIGN_KEY = java.util.regex.Pattern.compile(
            "\"[^\"]*?:\\s*(?:[\\w$]+\\.)?([\\w$]+) FOREIGN KEY\\(([^)]*)\\) REFERENCES (?:[\\w$]+\\.)?([\\w$]+)\\(([^)]*)\\)"
            + " \\((.*)\\)\"");

    /**
     * A foreign key refused the change, said in the learner's terms: which rows of which table still refer to the row
     * (deleting or changing a referenced row), or which referenced row is missing (a new or changed referencing row).
     * H2 says it as the constraint's definition; null when its message has another shape.
     */
    static Msg foreignKey(int code, String h2Text, int line, int column) {
        boolean childExists = code == org.h2.api.ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_CHILD_EXISTS_1;
        boolean parentMissing = code == org.h2.api.ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1;
        if (!childExists && !parentMissing) {
            return null;
        }
        java.util.regex.Matcher m = FOREIGN_KEY.matcher(h2Text);
        if (!m.find()) {
            return null;
        }
        String child = m.group(1);
        String childColumns = m.group(2);
        String parent = m.group(3);
        String parentColumns = m.group(4);
        String value = m.group(5);
        return childExists
                ? Msg.of("labs.run.fkStillUsed", line, column, parent, parentColumns, value, child, childColumns)
                : Msg.of("labs.run.fkMissing", line, column, child, childColumns, value, parent, parentColumns);
    }

    private static final java.util.Set<String> NOT_AN_ALIAS = java.util.Set.of("JOIN", "INNER", "LEFT", "RIGHT", "CROSS",
            "NATURAL", "FULL", "OUTER", "WHERE", "GROUP", "ORDER", "LIMIT", "ON", "USING", "UNION", "HAVING", "STRAIGHT_JOIN");

    /**
     * Errors where valid MySQL meets the lab engine (H2), explained with the way around them (both quirks are known
     * to trip learners who come from MySQL or TiDB):
     * <ul>
     *   <li>MySQL merges the column of {@code JOIN … USING (c)} and {@code NATURAL JOIN} into one, so a bare {@code c}
     *   is fine; H2 calls it ambiguous.</li>
     *   <li>MySQL's {@code GROUP_CONCAT(a, b, …)} concatenates several expressions; H2's takes one.</li>
     * </ul>
     * Null when the error is not one of them.
     */
    static Msg mysqlDifference(int code, boolean syntax, String sql, int offset, String h2Text, int line, int column) {
        List<campus.labs.sql.SqlToken> t;
        try {
            t = campus.labs.sql.SqlTokenizer.tokenize(sql);
        } catch (campus.labs.sql.SqlSyntaxException ex) {
            return null;
        }
        if (code == org.h2.api.ErrorCode.AMBIGUOUS_COLUMN_NAME_1
                && t.stream().anyMatch(x -> x.isWord("USING") || x.isWord("NATURAL"))) {
            java.util.regex.Matcher q = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(h2Text);
            String col = q.find() ? q.group(1) : "id";
            return Msg.of("labs.run.ambiguousJoinColumn", line, column, Msg.of("labs.sqlError.ambiguousColumnName", col),
                    firstTable(t) + "." + col);
        }
        if (syntax && offset >= 0) {
            int at = 0;
            while (at < t.size() && t.get(at).start() < offset) {
                at++;
            }
            if (at < t.size() && t.get(at).isSymbol(",")) {
                int depth = 0;
                for (int k = at - 1; k >= 0; k--) {
                    if (t.get(k).isSymbol(")")) {
                        depth++;
                    } else if (t.get(k).isSymbol("(")) {
                        if (depth == 0) {
                            return k > 0 && t.get(k - 1).isWord("GROUP_CONCAT")
                                    ? Msg.of("labs.run.groupConcatArgs", line, column) : null;
                        }
                        depth--;
                    }
                }
            }
        }
        return null;
    }

    /** The name the first table after FROM goes by in the statement: its alias if it has one. */
    private static String firstTable(List<campus.labs.sql.SqlToken> t) {
        for (int k = 0; k + 1 < t.size(); k++) {
            if (t.get(k).isWord("FROM") && t.get(k + 1).isName()) {
                String name = t.get(k + 1).text();
                if (k + 3 < t.size() && t.get(k + 2).isWord("AS") && t.get(k + 3).isName()) {
                    return t.get(k + 3).text();
                }
                if (k + 2 < t.size() && t.get(k + 2).isName() && !NOT_AN_ALIAS.contains(t.get(k + 2).text().toUpperCase(java.util.Locale.ROOT))) {
                    return t.get(k + 2).text();
                }
                return name;
            }
        }
        return "t";
    }

    /**
     * What went wrong, without the place: for the errors a learner or a dump really meets, a {@link Msg} in Campus's
     * words (so it is said wholly in the reader's language) with the names H2 quotes; otherwise H2's own text
     * ({@link #readable}).
     */
    public static Object detail(SQLException e) {
        String raw = e.getMessage() == null ? e.toString() : e.getMessage();
        Msg known = known(e.getErrorCode(), readable(raw));
        return known != null ? known : readable(raw);
    }

    /** The names and values H2 puts in double quotes (a doubled quote inside stands for one). */
    static List<String> quoted(String h2Text) {
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher q = QUOTED.matcher(h2Text);
        while (q.find()) {
            out.add(q.group(1).replace("\"\"", "\""));
        }
        return out;
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"((?:[^\"]|\"\")*)\"");
    private static final java.util.regex.Pattern UNIQUE_INDEX = java.util.regex.Pattern.compile(
            " ON (?:[\\w$]+\\.)?([\\w$]+)\\(([^)]*)\\)");
    private static final java.util.regex.Pattern CONVERTED_FOR_COLUMN = java.util.regex.Pattern.compile(
            "(?s)(.*) \\(([\\w$]+): \"([^\"]+)\" (.+)\\)");
    private static final java.util.regex.Pattern TOO_LONG_VALUE = java.util.regex.Pattern.compile("(?s)(.*) \\(\\d+\\)");
    private static final java.util.regex.Pattern INDEX_ORDER = java.util.regex.Pattern.compile(
            "(?i)\\s+(?:ASC|DESC|NULLS FIRST|NULLS LAST)");

    /** The errors said by a message that takes the first name or value H2 quotes, and nothing else. */
    private static final java.util.Map<Integer, String> NAMED = java.util.Map.ofEntries(
            java.util.Map.entry(org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1, "labs.sqlError.tableNotFound"),
            java.util.Map.entry(org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1, "labs.sqlError.tableNotFoundEmpty"),
            java.util.Map.entry(org.h2.api.ErrorCode.COLUMN_NOT_FOUND_1, "labs.sqlError.columnNotFound"),
            java.util.Map.entry(org.h2.api.ErrorCode.AMBIGUOUS_COLUMN_NAME_1, "labs.sqlError.ambiguousColumn"),
            java.util.Map.entry(org.h2.api.ErrorCode.NULL_NOT_ALLOWED, "labs.sqlError.nullNotAllowed"),
            java.util.Map.entry(org.h2.api.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_1, "labs.sqlError.outOfRange"),
            java.util.Map.entry(org.h2.api.ErrorCode.DIVISION_BY_ZERO_1, "labs.sqlError.divisionByZero"),
            java.util.Map.entry(org.h2.api.ErrorCode.FUNCTION_NOT_FOUND_1, "labs.sqlError.functionNotFound"),
            java.util.Map.entry(org.h2.api.ErrorCode.MUST_GROUP_BY_COLUMN_1, "labs.sqlError.mustGroupBy"),
            java.util.Map.entry(org.h2.api.ErrorCode.SCHEMA_NOT_FOUND_1, "labs.sqlError.schemaNotFound"),
            java.util.Map.entry(org.h2.api.ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS_1, "labs.sqlError.tableExists"),
            // H2 says "view already exists" also when the name is a table's
            java.util.Map.entry(org.h2.api.ErrorCode.VIEW_ALREADY_EXISTS_1, "labs.sqlError.tableExists"),
            java.util.Map.entry(org.h2.api.ErrorCode.INDEX_ALREADY_EXISTS_1, "labs.sqlError.indexExists"),
            java.util.Map.entry(org.h2.api.ErrorCode.CONSTRAINT_ALREADY_EXISTS_1, "labs.sqlError.constraintExists"),
            java.util.Map.entry(org.h2.api.ErrorCode.DUPLICATE_COLUMN_NAME_1, "labs.sqlError.duplicateColumn"));

    /** The message for one of the H2 errors Campus says in its own words, or null (then H2's text is shown). */
    static Msg known(int code, String h2Text) {
        List<String> q = quoted(h2Text);
        String first = q.isEmpty() ? null : q.get(0);
        String named = NAMED.get(code);
        if (named != null) {
            return first == null ? null : Msg.of(named, first);
        }
        switch (code) {
            case org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2:
                return q.size() < 2 ? null : Msg.of("labs.sqlError.tableNotFoundCandidates", first,
                        String.join(", ", q.subList(1, q.size())));
            case org.h2.api.ErrorCode.DUPLICATE_KEY_1: {
                java.util.regex.Matcher m = first == null ? null : UNIQUE_INDEX.matcher(first);
                if (m == null || !m.find()) {
                    return Msg.of("labs.sqlError.duplicateKeyUnnamed");
                }
                return Msg.of("labs.sqlError.duplicateKey", m.group(1), INDEX_ORDER.matcher(m.group(2)).replaceAll(""));
            }
            case org.h2.api.ErrorCode.VALUE_TOO_LONG_2: {
                if (q.size() < 2) {
                    return null;
                }
                int space = first.indexOf(' ');
                java.util.regex.Matcher v = TOO_LONG_VALUE.matcher(q.get(1));
                String value = v.matches() ? v.group(1) : q.get(1);
                return space < 0 ? Msg.of("labs.sqlError.valueTooLong", first, value)
                        : Msg.of("labs.sqlError.valueTooLongTyped", first.substring(0, space), first.substring(space + 1), value);
            }
            case org.h2.api.ErrorCode.DATA_CONVERSION_ERROR_1: {
                if (first == null) {
                    return null;
                }
                java.util.regex.Matcher c = CONVERTED_FOR_COLUMN.matcher(first);
                return c.matches() ? Msg.of("labs.sqlError.conversionColumn", c.group(1), c.group(2) + "." + c.group(3), c.group(4))
                        : Msg.of("labs.sqlError.conversion", first);
            }
            case org.h2.api.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_2:
                return q.size() < 2 ? null : Msg.of("labs.sqlError.outOfRangeColumn", first, q.get(1));
            case org.h2.api.ErrorCode.COLUMN_COUNT_DOES_NOT_MATCH:
                return Msg.of("labs.sqlError.columnCount");
            case org.h2.api.ErrorCode.CHECK_CONSTRAINT_VIOLATED_1: {
                if (first == null) {
                    return null;
                }
                int colon = first.indexOf(':');
                return Msg.of("labs.sqlError.checkViolated", (colon < 0 ? first : first.substring(0, colon)).strip());
            }
            case org.h2.api.ErrorCode.INVALID_DATETIME_CONSTANT_2:
                return q.size() < 2 ? null : Msg.of("labs.sqlError.invalidDatetime", first, q.get(1));
            default:
                return null;
        }
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
            head = unescape(raw.substring(open + 1, m).replace("\"\"", "\""));
        }
        if (statementSql.startsWith(head)) {
            return head.length();
        }
        int k = statementSql.indexOf(head);
        return k >= 0 ? k + head.length() : Math.min(head.length(), statementSql.length());
    }

    /** H2 quotes a statement with each control character as a backslash and four hex digits (a line break: 000a). */
    private static String unescape(String quoted) {
        java.util.regex.Matcher e = java.util.regex.Pattern.compile("\\\\([0-9a-fA-F]{4})").matcher(quoted);
        StringBuilder out = new StringBuilder();
        while (e.find()) {
            e.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(e.group(1), 16))));
        }
        e.appendTail(out);
        return out.toString();
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
