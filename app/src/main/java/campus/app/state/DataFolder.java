package campus.app.state;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Campus keeps the learner's files. In order: {@code --data DIR}, the system property
 * {@code campus.data}, {@code $XDG_DATA_HOME/campus}, {@code ~/.campus}.
 */
public final class DataFolder {

    private DataFolder() {
    }

    public static Path resolve(Optional<Path> option) {
        return resolve(option, System.getProperty("campus.data"), System.getenv(), System.getProperty("user.home"));
    }

    static Path resolve(Optional<Path> option, String property, Map<String, String> env, String home) {
        if (option.isPresent()) {
            return option.get();
        }
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "campus");
        }
        return Path.of(home, ".campus");
    }
}
