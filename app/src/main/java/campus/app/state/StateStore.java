package campus.app.state;

import campus.i18n.Lang;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Reads and writes {@code state.properties} in the data folder. Writing goes to a temporary file
 * that is then moved over the old one, so a crash mid-write never leaves half a file; a file that
 * cannot be read or parsed gives the defaults, because losing the reading position is better than
 * not starting. Not thread-safe: callers write from one thread.
 */
public final class StateStore {

    public static final String FILE = "state.properties";
    static final int VERSION = 1;

    private final Path folder;

    public StateStore(Path folder) {
        this.folder = folder;
    }

    public Path file() {
        return folder.resolve(FILE);
    }

    public AppState load() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return AppState.defaults();
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("campus: ignoring unreadable " + file() + " (" + e.getMessage() + ")");
            return AppState.defaults();
        }
        AppState d = AppState.defaults();
        return new AppState(
                Lang.fromCode(p.getProperty("lang")).orElse(d.lang()),
                "dark".equals(p.getProperty("theme")),
                integer(p, "zoom", d.zoom()),
                p.getProperty("course", ""),
                p.getProperty("lesson", ""),
                integer(p, "block", 0),
                decimal(p, "window.x"), decimal(p, "window.y"),
                decimal(p, "window.width"), decimal(p, "window.height"),
                Boolean.parseBoolean(p.getProperty("window.maximized")),
                folders(p));
    }

    public void save(AppState s) throws IOException {
        Files.createDirectories(folder);
        Properties p = new Properties();
        p.setProperty("version", String.valueOf(VERSION));
        p.setProperty("lang", s.lang().code());
        p.setProperty("theme", s.dark() ? "dark" : "light");
        p.setProperty("zoom", String.valueOf(s.zoom()));
        p.setProperty("course", s.course());
        p.setProperty("lesson", s.lesson());
        p.setProperty("block", String.valueOf(s.block()));
        if (s.hasWindowBounds()) {
            p.setProperty("window.x", String.valueOf(s.x()));
            p.setProperty("window.y", String.valueOf(s.y()));
            p.setProperty("window.width", String.valueOf(s.width()));
            p.setProperty("window.height", String.valueOf(s.height()));
        }
        p.setProperty("window.maximized", String.valueOf(s.maximized()));
        for (int i = 0; i < s.folders().size(); i++) {
            p.setProperty("folder." + (i + 1), s.folders().get(i));
        }
        Path tmp = Files.createTempFile(folder, FILE, ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Campus: reading position and window state");
            }
            try {
                Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int integer(Properties p, String key, int fallback) {
        try {
            return Integer.parseInt(p.getProperty(key, "").trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double decimal(Properties p, String key) {
        try {
            double v = Double.parseDouble(p.getProperty(key, "").trim());
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** {@code folder.1}, {@code folder.2}, … in order, up to the first gap. */
    private static java.util.List<String> folders(Properties p) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 1; p.getProperty("folder." + i) != null; i++) {
            out.add(p.getProperty("folder." + i));
        }
        return out;
    }
}
