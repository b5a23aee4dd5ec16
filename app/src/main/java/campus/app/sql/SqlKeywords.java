package campus.app.sql;

import java.util.Set;

/** Reserved and common non-reserved words of MySQL and H2, upper case. Function names are not keywords. */
final class SqlKeywords {

    private SqlKeywords() {
    }

    static final Set<String> ALL = Set.of(
            "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC",
            "AUTO_INCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BIGINT", "BINARY", "BLOB", "BOOLEAN", "BOTH", "BY",
            "CALL", "CASCADE", "CASE", "CAST", "CHAR", "CHARACTER", "CHARSET", "CHECK", "CLOB", "COLLATE",
            "COLUMN", "COLUMNS", "COMMENT", "COMMIT", "CONSTRAINT", "CREATE", "CROSS", "CUBE", "CURRENT",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DATABASE", "DATABASES",
            "DATE", "DATETIME", "DECIMAL", "DECLARE", "DEFAULT", "DELETE", "DESC", "DESCRIBE", "DISTINCT",
            "DIV", "DOUBLE", "DROP", "DUPLICATE", "ELSE", "ELSEIF", "END", "ENGINE", "ENUM", "ESCAPE", "EXCEPT",
            "EXISTS", "EXPLAIN", "FALSE", "FETCH", "FIRST", "FLOAT", "FOLLOWING", "FOR", "FOREIGN", "FROM",
            "FULL", "FUNCTION", "GENERATED", "GRANT", "GROUP", "GROUPING", "HAVING", "IDENTITY", "IF", "IGNORE",
            "ILIKE", "IN", "INDEX", "INNER", "INSERT", "INT", "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IS",
            "JOIN", "JSON", "KEY", "KEYS", "LAST", "LATERAL", "LEADING", "LEFT", "LIKE", "LIMIT", "LOCK",
            "LONGTEXT", "MATCHED", "MEDIUMINT", "MERGE", "MINUS", "MOD", "MODIFY", "NATURAL", "NEXT", "NO", "NOT",
            "NULL", "NULLS", "NUMERIC", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER", "OVER", "PARTITION",
            "PRECEDING", "PRIMARY", "PROCEDURE", "QUALIFY", "RANGE", "READ", "RECURSIVE", "REAL", "REFERENCES",
            "REGEXP", "RENAME", "REPLACE", "RESTRICT", "RETURN", "RETURNS", "REVOKE", "RIGHT", "RLIKE",
            "ROLLBACK", "ROLLUP", "ROW", "ROWNUM", "ROWS", "SAVEPOINT", "SCHEMA", "SELECT", "SEQUENCE", "SET",
            "SHOW", "SIGNED", "SMALLINT", "SOME", "START", "TABLE", "TABLES", "TEMPORARY", "TEXT", "THEN",
            "TIME", "TIMESTAMP", "TINYINT", "TO", "TOP", "TRAILING", "TRANSACTION", "TRIGGER", "TRUE",
            "TRUNCATE", "UNBOUNDED", "UNION", "UNIQUE", "UNKNOWN", "UNSIGNED", "UPDATE", "USE", "USING",
            "VALUE", "VALUES", "VARBINARY", "VARCHAR", "VIEW", "WHEN", "WHERE", "WINDOW", "WITH", "WITHOUT",
            "WORK", "XOR", "YEAR", "ZEROFILL");

    /** Case-insensitive, without allocating for words that cannot be keywords. */
    static boolean isKeyword(CharSequence text, int start, int end) {
        int len = end - start;
        if (len < 2 || len > 17) {
            return false;
        }
        char[] buf = new char[len];
        for (int i = 0; i < len; i++) {
            char c = text.charAt(start + i);
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
            } else if (!(c >= 'A' && c <= 'Z' || c == '_')) {
                return false;
            }
            buf[i] = c;
        }
        return ALL.contains(new String(buf));
    }
}
