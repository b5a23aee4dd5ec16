package campus.labs.dataset;

import campus.i18n.content.ContentScan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds datasets by name: those shipped in the labs jar ({@code campus/labs/datasets/<name>.sql}, listed in
 * {@code index.txt}) and those in each content root's {@code datasets/} folder, which win on a name clash
 * so an author can try a new version without rebuilding.
 */
public final class DatasetLibrary {

    private static final String BUNDLED = "/campus/labs/datasets/";

    private final Map<String, Dataset> byName;

    private DatasetLibrary(Map<String, Dataset> byName) {
        this.byName = byName;
    }

    public static DatasetLibrary bundled() {
        return withRoots(List.of());
    }

    /** Bundled datasets plus {@code <root>/datasets/*.sql} of every content root. */
    public static DatasetLibrary withRoots(List<Path> contentRoots) {
        return of(ContentScan.of(contentRoots));
    }

    /** Bundled datasets plus those found in roots already walked. */
    public static DatasetLibrary of(ContentScan content) {
        Map<String, Dataset> map = new LinkedHashMap<>();
        for (String name : bundledNames()) {
            try (InputStream in = DatasetLibrary.class.getResourceAsStream(BUNDLED + name + ".sql")) {
                if (in != null) {
                    map.put(name, Dataset.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                            "campus/labs/datasets/" + name + ".sql"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (ContentScan.Root root : content.roots()) {
            for (Path f : root.datasets()) {
                String file = f.getFileName().toString();
                String name = file.substring(0, file.length() - 4);
                try {
                    map.put(name, Dataset.parse(name, Files.readString(f, StandardCharsets.UTF_8), f.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new DatasetLibrary(map);
    }

    private static List<String> bundledNames() {
        try (InputStream in = DatasetLibrary.class.getResourceAsStream(BUNDLED + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    names.add(l.strip());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Dataset> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
