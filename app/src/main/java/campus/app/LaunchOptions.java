package campus.app;

import campus.i18n.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the app was started: {@code --content DIR} (repeatable), {@code --lang en|zh},
 * {@code --data DIR}, and an exam package to open ({@code campus FILE.campusexam}: what a double-click on one
 * runs). A malformed command line is an {@link IllegalArgumentException} with a message meant for the terminal.
 */
public record LaunchOptions(List<Path> contentDirs, Optional<Lang> lang, Optional<Path> dataDir,
                            Optional<Path> examPackage) {

    /** The extension of exam packages ({@code campus exam pack --out NAME.campusexam}; the installers' file association). */
    public static final String EXAM_PACKAGE_EXTENSION = ".campusexam";

    public LaunchOptions {
        contentDirs = List.copyOf(contentDirs);
    }

    public LaunchOptions(List<Path> contentDirs, Optional<Lang> lang, Optional<Path> dataDir) {
        this(contentDirs, lang, dataDir, Optional.empty());
    }

    public static LaunchOptions parse(List<String> args) {
        List<Path> content = new ArrayList<>();
        Optional<Lang> lang = Optional.empty();
        Optional<Path> data = Optional.empty();
        Optional<Path> exam = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") && examPackage(a)) {
                if (exam.isPresent()) {
                    throw new IllegalArgumentException("one exam package at a time, not " + exam.get() + " and " + a);
                }
                exam = Optional.of(Path.of(a).toAbsolutePath().normalize());
                continue;
            }
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
        return new LaunchOptions(content, lang, data, exam);
    }

    /** An argument naming an exam package: a file name with the extension, or any existing file (checked when opened). */
    private static boolean examPackage(String arg) {
        try {
            return arg.toLowerCase(java.util.Locale.ROOT).endsWith(EXAM_PACKAGE_EXTENSION)
                    || java.nio.file.Files.isRegularFile(Path.of(arg));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
