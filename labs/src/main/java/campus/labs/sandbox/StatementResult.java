package campus.labs.sandbox;

import java.util.List;

/**
 * What one statement produced. A query has columns and rows (at most the row cap; values are
 * {@code null}, {@code String}, {@code Boolean}, numbers, {@code java.time} values or {@code byte[]});
 * {@code totalRows} counts all rows up to a bound, and {@code totalIsLowerBound} says the bound was hit.
 * An update has no columns and an {@code updateCount}.
 */
public record StatementResult(String sql, int start, List<ResultColumn> columns, List<List<Object>> rows,
                              long totalRows, boolean totalIsLowerBound, long updateCount, long elapsedNanos) {

    public StatementResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public boolean isQuery() {
        return !columns.isEmpty();
    }

    /** More rows exist than are shown. */
    public boolean truncated() {
        return totalRows > rows.size();
    }
}
