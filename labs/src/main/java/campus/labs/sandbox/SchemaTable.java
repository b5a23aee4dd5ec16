package campus.labs.sandbox;

import java.util.List;

/** A table or view the learner can use, for the schema browser and completion. */
public record SchemaTable(String name, String type, List<Column> columns, long rowCount) {

    public record Column(String name, String sqlType, boolean nullable) {
    }

    public SchemaTable {
        columns = List.copyOf(columns);
    }
}
