package campus.app;

import campus.i18n.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the app was started: {@code --content DIR} (repeatable), {@code --lang en|zh},
 * {@code --data DIR}. A malformed command line is an {@link IllegalArgumentException} with a message
 * meant for the terminal.
 */
public record LaunchOptions(List<Path> contentDirs, Optional<Lang> lang, Optional<Path> dataDir) {

    public LaunchOptions {
        contentDirs = List.copyOf(contentDirs);
    }

    public static LaunchOptions parse(List<String> args) {
        List<Path> content = new ArrayList<>();
        Optional<Lang> lang = Optional.empty();
        Optional<Path> data = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            String name = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!name.equals("--content") && !name.equals("--lang") && !name.equals("--data")) {
                throw new IllegalArgumentException("unknown option " + a);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "--content":
                    content.add(Path.of(value).toAbsolutePath().normalize());
                    break;
                case "--lang":
                    String v = value;
                    lang = Optional.of(Lang.fromCode(v).orElseThrow(
                            () -> new IllegalArgumentException("--lang must be en or zh, not " + v)));
                    break;
                default:
                    data = Optional.of(Path.of(value).toAbsolutePath().normalize());
                    break;
            }
        }
        return new LaunchOptions(content, lang, data);
    }
}
