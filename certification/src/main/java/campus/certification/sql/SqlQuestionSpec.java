package campus.certification.sql;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a lab checker needs to grade a SQL question: the dataset the learner's SQL runs on, the
 * reference SQL, whether to compare the result set or the table state afterwards, and options.
 *
 * @param tables    for {@link Check#STATE}: the tables compared after both statements ran (empty = all)
 * @param tolerance absolute tolerance for numeric cells; 0 = exact
 */
public record SqlQuestionSpec(String dataset, String referenceSql, Check check, boolean ordered, double tolerance,
                              java.util.List<String> tables) {

    public SqlQuestionSpec {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(referenceSql, "referenceSql");
        Objects.requireNonNull(check, "check");
        tables = java.util.List.copyOf(tables);
    }

    public enum Check {
        /** Compare the learner's result set with the reference's. */
        RESULT,
        /** Run both on fresh copies of the dataset and compare the tables afterwards (DML/DDL tasks). */
        STATE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Check> fromCode(String code) {
            String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(k -> k.code().equals(c)).findFirst();
        }
    }
}
