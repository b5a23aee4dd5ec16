package campus.i18n.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One walk over each content root that finds what the lab, quiz and dataset catalogues read:
 * {@code <root>/<course>/<lesson>/labs/<id>.json}, {@code <root>/<course>/<lesson>/quizzes/<id>.json} and
 * {@code <root>/datasets/<name>.sql}, each list sorted. Roots may be folders inside a zip or jar file
 * system: only {@link Path} APIs are used. Reads disk: call off the UI thread.
 */
public final class ContentScan {

    /**
     * What one root holds. {@code exists} is false when the root is not a folder; {@code failure} is
     * the error that stopped the walk, if any (the lists are then empty).
     */
    public record Root(Path path, boolean exists, Optional<IOException> failure,
                       List<Path> labs, List<Path> quizzes, List<Path> datasets) {
        public Root {
            labs = List.copyOf(labs);
            quizzes = List.copyOf(quizzes);
            datasets = List.copyOf(datasets);
        }
    }

    private final List<Root> roots;

    private ContentScan(List<Root> roots) {
        this.roots = List.copyOf(roots);
    }

    public static ContentScan of(List<Path> contentRoots) {
        List<Root> out = new ArrayList<>();
        for (Path root : contentRoots) {
            out.add(walk(root));
        }
        return new ContentScan(out);
    }

    public List<Root> roots() {
        return roots;
    }

    private static Root walk(Path root) {
        if (!Files.isDirectory(root)) {
            return new Root(root, false, Optional.empty(), List.of(), List.of(), List.of());
        }
        List<Path> labs = new ArrayList<>();
        List<Path> quizzes = new ArrayList<>();
        List<Path> datasets = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root, 4)) {
            s.sorted().forEach(p -> {
                int depth = root.relativize(p).getNameCount();
                String name = p.getFileName() == null ? "" : p.getFileName().toString();
                String folder = depth < 2 ? "" : p.getParent().getFileName().toString();
                if (depth == 4 && name.endsWith(".json") && folder.equals("labs")) {
                    labs.add(p);
                } else if (depth == 4 && name.endsWith(".json") && folder.equals("quizzes") && Files.isRegularFile(p)) {
                    quizzes.add(p);
                } else if (depth == 2 && name.endsWith(".sql") && folder.equals("datasets")) {
                    datasets.add(p);
                }
            });
        } catch (IOException e) {
            return new Root(root, true, Optional.of(e), List.of(), List.of(), List.of());
        }
        return new Root(root, true, Optional.empty(), labs, quizzes, datasets);
    }
}
