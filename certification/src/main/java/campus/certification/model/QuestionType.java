package campus.certification.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of question a bank may hold; {@link #code()} is the {@code "type"} value in the files. */
public enum QuestionType {
    SINGLE("single"),
    MULTIPLE("multiple"),
    TRUE_FALSE("true-false"),
    FILL_IN("fill-in"),
    MATCHING("matching"),
    ORDERING("ordering"),
    SQL("sql");

    private final String code;

    QuestionType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<QuestionType> fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
    }
}
