package campus.certification.sql;

/**
 * Grades the SQL a learner typed against a SQL question. The app adapts the labs module's checker
 * to this interface; certification stays free of H2 and the sandbox. Implementations may block
 * (they run SQL) and must be safe to call from one worker thread at a time.
 */
@FunctionalInterface
public interface SqlAnswerGrader {

    SqlGrade grade(SqlQuestionSpec spec, String learnerSql);
}
