package campus.labs.sql;

import campus.i18n.Msg;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * First line of defence: decides on tokens (comments, quoting, case and Unicode escapes already
 * resolved by {@link SqlTokenizer}, over the same {@link SqlLexer} rules H2's own tokenizer follows, so white space,
 * names and strings are where H2 sees them) whether a statement may run. Names are compared as H2 resolves them:
 * a function is found whatever its spelling ({@code repeat}, {@code "REPEAT"}, {@code `Repeat`}, {@code U&"REPEAT"}). The second line is H2's own parse
 * ({@link #allowedCommand}) on the learner's session, the third that the learner is a non-admin
 * H2 user with rights on the lab schema only: H2 itself refuses file, script and Java functions to
 * such a user. Each layer alone would stop the known tricks; together an unknown one has to beat all three.
 */
public final class SqlGuard {

    /** Functions and names that touch files, the network, Java, other sessions or the session's limits. */
    private static final Set<String> FORBIDDEN_NAMES = Set.of(
            "FILE_READ", "FILE_WRITE", "CSVREAD", "CSVWRITE", "LINK_SCHEMA", "DATABASE_PATH", "SESSION_ID",
            "MEMORY_FREE", "MEMORY_USED", "CANCEL_SESSION", "ABORT_SESSION", "DISK_SPACE_USED", "SIGNAL",
            "TRANSACTION_ID", "LOCK_TIMEOUT", "LOCK_MODE", "JAVA_OBJECT", "READONLY", "AUTOCOMMIT",
            "DB_OBJECT_SQL", "DB_OBJECT_ID", "H2VERSION", "SYSTEM_USER", "SESSION_USER", "CURRENT_USER",
            "ST_ASWKB", "ORA_HASH", "RUNSCRIPT", "SCRIPT", "BACKUP", "SHUTDOWN", "FT_INIT", "FTL_INIT", "FT_SEARCH",
            "FTL_SEARCH", "FT_CREATE_INDEX", "FTL_CREATE_INDEX");

    /** INFORMATION_SCHEMA views about users, sessions and settings rather than the learner's tables. */
    private static final Set<String> FORBIDDEN_INFO_VIEWS = Set.of(
            "SESSIONS", "SETTINGS", "USERS", "RIGHTS", "ROLES", "LOCKS", "QUERY_STATISTICS", "IN_DOUBT",
            "SESSION_STATE", "FUNCTION_ALIASES", "TRIGGERS", "ROUTINES", "PARAMETERS");

    /**
     * Words H2 (2.3, MySQL mode) accepts at the start of a statement. A statement that starts with one of these
     * and is not a query/DML/DDL we allow is a recognised-but-forbidden construct: refused, naming it. A statement
     * that starts with any other word ({@code SELEC}, {@code SLECT}, garbage) is not refused: it goes on to H2's
     * parser, which reports a syntax error with its position (and if H2 ever did accept it, layer 2 and 3 still apply).
     */
    static final Set<String> H2_STATEMENT_WORDS = Set.of("ALTER", "ANALYZE", "BACKUP", "BEGIN", "CALL", "CHECKPOINT",
            "COMMENT", "COMMIT", "CREATE", "DEALLOCATE", "DECLARE", "DELETE", "DROP", "END", "EXECUTE", "EXPLAIN", "FROM",
            "GRANT", "HELP", "INSERT", "MERGE", "PREPARE", "RELEASE", "REPLACE", "REVOKE", "ROLLBACK", "RUNSCRIPT",
            "SAVEPOINT", "SCRIPT", "SELECT", "SET", "SHOW", "SHUTDOWN", "START", "TABLE", "TRUNCATE", "UPDATE", "USE",
            "VALUES", "WITH", "KILL", "LOCK", "UNLOCK", "DESCRIBE", "DESC", "LOAD", "HANDLER", "DO", "FLUSH", "RESET",
            "INSTALL", "PURGE", "CHANGE", "OPTIMIZE", "REPAIR", "CHECK", "CACHE", "RENAME", "XA", "SIGNAL", "RESIGNAL",
            "GET", "IMPORT", "CLONE", "RESTART");

    private static final Set<String> QUERY_STARTS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "EXPLAIN", "(");
    private static final Set<String> DML_STARTS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "TRUNCATE");
    /** Objects a learner may create, alter or drop in a {@code state} lab. */
    private static final Set<String> DDL_OBJECTS = Set.of("TABLE", "INDEX", "VIEW");
    private static final Set<String> DATASET_OBJECTS = Set.of("TABLE", "INDEX", "VIEW", "SEQUENCE");
    private static final Set<String> CREATE_MODIFIERS = Set.of("OR", "REPLACE", "FORCE", "GLOBAL", "LOCAL",
            "TEMPORARY", "TEMP", "CACHED", "MEMORY", "UNIQUE", "HASH", "SPATIAL", "IF", "NOT", "EXISTS", "NULLS",
            "DISTINCT", "PRIMARY", "KEY");

    /**
     * Functions that build a string whose length an argument sets. H2 builds it without checking for
     * cancellation, so {@code REPEAT('x', 999999999)} could fill the heap before any watchdog acts: the
     * length must be a literal of at most {@link #MAX_BUILT_STRING}.
     */
    private static final Set<String> STRING_BUILDERS = Set.of("REPEAT", "SPACE", "LPAD", "RPAD");
    static final int MAX_BUILT_STRING = 10_000;

    private SqlGuard() {
    }

    /** Whether the length argument (the last one; the second for LPAD/RPAD) of the call opening at {@code open} is a small literal. */
    private static boolean smallLiteralLastArgument(List<SqlToken> t, int open) {
        int depth = 0;
        int argStart = open + 1;
        for (int k = open; k < t.size(); k++) {
            SqlToken x = t.get(k);
            if (x.isSymbol("(")) {
                depth++;
            } else if (x.isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    return false;
                }
            } else if (depth == 1 && x.isSymbol(",")) {
                argStart = k + 1;
                if (t.get(open - 1).nameUpper().endsWith("PAD") && argStart < t.size()) {
                    return isSmallNumber(t, argStart);
                }
            }
            if (depth == 1 && k + 1 < t.size() && t.get(k + 1).isSymbol(")") && k == argStart) {
                return isSmallNumber(t, argStart);
            }
        }
        return false;
    }

    private static boolean isSmallNumber(List<SqlToken> t, int k) {
        SqlToken x = t.get(k);
        if (x.type() != SqlToken.Type.NUMBER || k + 1 >= t.size() || !(t.get(k + 1).isSymbol(")") || t.get(k + 1).isSymbol(","))) {
            return false;
        }
        try {
            return new java.math.BigDecimal(x.text()).compareTo(java.math.BigDecimal.valueOf(MAX_BUILT_STRING)) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Checks one statement; empty means it may go on to H2's parse. A statement that does not start with a word H2
     * knows is a typo or garbage, not an attack: it is left to H2's parser to report as a syntax error, after the
     * same checks of every token (forbidden names, strings with {@code jdbc:}, ...) as any other statement.
     */
    public static Optional<Refusal> check(SqlStatement st, GuardPolicy policy) {
        List<SqlToken> t = st.tokens();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        SqlToken first = t.get(0);
        String head = first.type() == SqlToken.Type.SYMBOL ? first.text() : first.value();
        String construct = construct(t);
        boolean query = QUERY_STARTS.contains(head);
        boolean dml = DML_STARTS.contains(head);
        boolean ddl = Set.of("CREATE", "ALTER", "DROP").contains(head);
        boolean unknownWord = policy != GuardPolicy.DATASET && (first.type() == SqlToken.Type.WORD && !H2_STATEMENT_WORDS.contains(head)
                || first.type() != SqlToken.Type.WORD && first.type() != SqlToken.Type.QUOTED_IDENTIFIER && !query);
        if (!unknownWord && (first.type() == SqlToken.Type.QUOTED_IDENTIFIER || !(query || dml || ddl))) {
            return refuse(construct, Msg.of("labs.guard.statement", construct), first);
        }
        if (!unknownWord && !query && policy == GuardPolicy.READ_ONLY) {
            return refuse(construct, Msg.of("labs.guard.readOnly", construct), first);
        }
        if (ddl) {
            String object = construct.substring(construct.indexOf(' ') + 1);
            Set<String> allowed = policy == GuardPolicy.DATASET ? DATASET_OBJECTS : DDL_OBJECTS;
            boolean alterTableOnly = !head.equals("ALTER") || object.equals("TABLE");
            if (!allowed.contains(object) || !alterTableOnly || head.equals("DROP") && policy == GuardPolicy.DATASET) {
                return refuse(construct, Msg.of("labs.guard.statement", construct), first);
            }
        }
        for (int k = 0; k < t.size(); k++) {
            SqlToken tok = t.get(k);
            boolean callLike = k + 1 < t.size() && t.get(k + 1).isSymbol("(");
            if (tok.isName() && FORBIDDEN_NAMES.contains(tok.nameUpper())
                    && (callLike || tok.type() == SqlToken.Type.WORD && !isPlainColumnWord(tok))) {
                return refuse(tok.nameUpper(), Msg.of("labs.guard.function", tok.nameUpper()), tok);
            }
            if (tok.isName() && callLike && STRING_BUILDERS.contains(tok.nameUpper())
                    && !smallLiteralLastArgument(t, k + 1)) {
                return refuse(tok.nameUpper(), Msg.of("labs.guard.unboundedString", tok.nameUpper(), MAX_BUILT_STRING), tok);
            }
            if (tok.isName() && tok.nameUpper().equals("INFORMATION_SCHEMA") && k + 2 < t.size()
                    && t.get(k + 1).isSymbol(".") && FORBIDDEN_INFO_VIEWS.contains(t.get(k + 2).nameUpper())) {
                String name = "INFORMATION_SCHEMA." + t.get(k + 2).nameUpper();
                return refuse(name, Msg.of("labs.guard.function", name), tok);
            }
            if (tok.type() == SqlToken.Type.STRING && tok.value().toLowerCase(Locale.ROOT).contains("jdbc:")) {
                return refuse("jdbc:", Msg.of("labs.guard.jdbcUrl"), tok);
            }
            if (tok.isWord("ENGINE") || tok.isWord("WITH") && ddl && k > 0 && t.get(k - 1).isSymbol(")")) {
                SqlToken arg = k + 1 < t.size() && t.get(k + 1).isSymbol("=") && k + 2 < t.size() ? t.get(k + 2)
                        : k + 1 < t.size() ? t.get(k + 1) : null;
                if (arg != null && (arg.type() == SqlToken.Type.QUOTED_IDENTIFIER || arg.type() == SqlToken.Type.STRING)) {
                    return refuse("ENGINE", Msg.of("labs.guard.tableEngine"), tok);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Words like {@code SCRIPT} or {@code BACKUP} are fine as column or table names a learner made up;
     * what matters is whether they start a statement (handled above) or are called as a function.
     */
    private static boolean isPlainColumnWord(SqlToken tok) {
        return Set.of("SCRIPT", "BACKUP", "SHUTDOWN", "RUNSCRIPT", "READONLY", "AUTOCOMMIT", "SIGNAL").contains(tok.value());
    }

    /** H2's own classification of the parsed statement, by the class of its {@code Prepared}. */
    public static boolean allowedCommand(String preparedClassName, GuardPolicy policy) {
        String n = preparedClassName.substring(preparedClassName.lastIndexOf('.') + 1);
        boolean query = preparedClassName.startsWith("org.h2.command.query.") || n.equals("Explain");
        if (query) {
            return true;
        }
        if (policy == GuardPolicy.READ_ONLY) {
            return false;
        }
        Set<String> dml = Set.of("Insert", "Update", "Delete", "Merge", "MergeUsing", "Replace");
        Set<String> ddl = Set.of("CreateTable", "CreateIndex", "CreateView", "DropTable", "DropIndex", "DropView",
                "TruncateTable", "AlterTableAddConstraint", "AlterTableAlterColumn", "AlterTableDropConstraint",
                "AlterTableRename", "AlterTableRenameColumn", "AlterTableRenameConstraint", "AlterIndexRename",
                "AlterView");
        if (dml.contains(n) || ddl.contains(n)) {
            return true;
        }
        return policy == GuardPolicy.DATASET && Set.of("CreateSequence", "SetComment").contains(n);
    }

    /** A short name for what the statement does: {@code SET}, {@code CREATE ALIAS}, {@code CREATE LINKED TABLE}. */
    public static String construct(List<SqlToken> t) {
        if (t.isEmpty()) {
            return "";
        }
        SqlToken first = t.get(0);
        String head = first.type() == SqlToken.Type.WORD ? first.value() : first.text();
        if (!Set.of("CREATE", "ALTER", "DROP").contains(head)) {
            return head;
        }
        for (int k = 1; k < t.size(); k++) {
            SqlToken w = t.get(k);
            if (w.type() != SqlToken.Type.WORD) {
                break;
            }
            if (w.value().equals("LINKED")) {
                return head + " LINKED TABLE";
            }
            if (!CREATE_MODIFIERS.contains(w.value())) {
                return head + " " + w.value();
            }
        }
        return head;
    }

    private static Optional<Refusal> refuse(String construct, Msg msg, SqlToken at) {
        return Optional.of(new Refusal(construct, msg, at.start()));
    }
}
