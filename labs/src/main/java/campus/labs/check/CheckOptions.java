package campus.labs.check;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a lab compares results.
 *
 * @param ordered     row order matters (the task asks for an ORDER BY); otherwise rows are compared as a multiset
 * @param columnNames column names must match the reference's (case-insensitive); otherwise only positions count
 * @param tolerance   absolute tolerance for numbers; {@code 0} means numerically equal (1 = 1.0)
 * @param tables      {@code state} labs: tables compared after the learner's statements (all rows, all columns)
 * @param queries     {@code state} labs: extra verification queries compared the same way
 * @param plan        how H2 must run the query (tables it may not read in full), checked once the rows are right
 */
public record CheckOptions(boolean ordered, boolean columnNames, BigDecimal tolerance, List<String> tables,
                           List<String> queries, PlanCheck plan) {

    public static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("0.000001");
    public static final CheckOptions DEFAULT = new CheckOptions(false, false, DEFAULT_TOLERANCE, List.of(), List.of());

    public CheckOptions(boolean ordered, boolean columnNames, BigDecimal tolerance, List<String> tables,
                        List<String> queries) {
        this(ordered, columnNames, tolerance, tables, queries, PlanCheck.NONE);
    }

    public CheckOptions {
        plan = plan == null ? PlanCheck.NONE : plan;
        tables = List.copyOf(tables);
        queries = List.copyOf(queries);
        tolerance = tolerance == null ? DEFAULT_TOLERANCE : tolerance.abs();
    }

    public CheckOptions withOrdered(boolean o) {
        return new CheckOptions(o, columnNames, tolerance, tables, queries, plan);
    }

    public CheckOptions withColumnNames(boolean n) {
        return new CheckOptions(ordered, n, tolerance, tables, queries, plan);
    }

    public CheckOptions withTolerance(BigDecimal t) {
        return new CheckOptions(ordered, columnNames, t, tables, queries, plan);
    }

    /**
     * The queries that describe the state: {@code SELECT * FROM t ORDER BY 1, 2, ...} is not needed,
     * since table rows are compared as a multiset.
     */
    public List<String> verificationQueries() {
        List<String> out = new java.util.ArrayList<>();
        for (String t : tables) {
            out.add("SELECT * FROM " + t);
        }
        out.addAll(queries);
        return out;
    }
}
