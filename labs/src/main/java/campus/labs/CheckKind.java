package campus.labs;

/** How a lab decides whether the learner's SQL is right. */
public enum CheckKind {
    /** Compare the learner's last result set with the reference's. */
    RESULT,
    /** Compare tables (or verification queries) after the learner's statements with the reference applied to a fresh copy. */
    STATE
}
