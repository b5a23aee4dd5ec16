package campus.labs.sql;

/** What a piece of SQL is allowed to do. */
public enum GuardPolicy {
    /** {@code result} labs and plain exploration: queries only. */
    READ_ONLY,
    /** {@code state} labs: queries, DML and DDL on tables, indexes and views of the lab schema. */
    READ_WRITE,
    /** Dataset scripts (shipped, author-written or imported): DDL and inserts, no host access. */
    DATASET
}
