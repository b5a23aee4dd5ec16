package campus.certification.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum Difficulty {
    EASY, MEDIUM, HARD;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Difficulty> fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.code().equals(c)).findFirst();
    }
}
