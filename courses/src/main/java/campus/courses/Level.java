package campus.courses;

import java.util.Locale;
import java.util.Optional;

/** How much a learner should know before starting a course. */
public enum Level {
    BEGINNER, INTERMEDIATE, ADVANCED;

    public String key() {
        return "courses.level." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Level> parse(String s) {
        for (Level l : values()) {
            if (l.name().equalsIgnoreCase(s)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
