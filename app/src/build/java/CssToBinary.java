import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.css.Stylesheet;

/**
 * Build step (run by exec-maven-plugin in {@code process-classes}, as a single-file source program):
 * writes a binary {@code .bss} next to every {@code .css} under the given folder (target/classes).
 * JavaFX's StyleManager loads {@code x.bss} instead of {@code x.css} when both are there (unless
 * {@code -Dbinary.css=false}), which skips the CSS parser at start-up. The {@code .css} stays the source
 * of truth; the {@code .bss} files are build output and never committed.
 */
public final class CssToBinary {

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        List<Path> sheets;
        try (Stream<Path> s = Files.walk(root)) {
            sheets = s.filter(p -> p.toString().endsWith(".css")).sorted().collect(Collectors.toList());
        }
        for (Path css : sheets) {
            String name = css.getFileName().toString();
            Path bss = css.resolveSibling(name.substring(0, name.length() - 4) + ".bss");
            if (Files.exists(bss) && Files.getLastModifiedTime(bss).compareTo(Files.getLastModifiedTime(css)) >= 0) {
                continue;
            }
            Stylesheet.convertToBinary(css.toFile(), bss.toFile());
            System.out.println("[css-to-binary] " + root.relativize(bss));
        }
    }
}
