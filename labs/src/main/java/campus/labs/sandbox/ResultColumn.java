package campus.labs.sandbox;

/** A result column: its label as the engine reports it, SQL type name and the Java class of values. */
public record ResultColumn(String name, String sqlType, String javaClass) {
}
