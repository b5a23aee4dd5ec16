package campus.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks one module's message bundle: every key in every language, every pattern a valid
 * {@link MessageFormat}, and every key used somewhere in the module's sources. Each module's
 * bundle test calls {@link #problems} and asserts the list is empty, so the list names the gaps.
 */
public final class BundleCheck {

    private BundleCheck() {
    }

    /**
     * @param bundleName  e.g. {@code campus.labs.messages}
     * @param sourceRoots folders whose {@code .java} files must mention every key as a string literal
     *                    (a key built at run time from a prefix is listed in {@code dynamicPrefixes})
     */
    public static List<String> problems(String bundleName, List<Path> sourceRoots, Set<String> dynamicPrefixes) {
        List<String> problems = new ArrayList<>();
        ResourceBundle en = Messages.load(bundleName, Lang.EN).orElse(null);
        ResourceBundle zh = Messages.load(bundleName, Lang.ZH).orElse(null);
        if (en == null || zh == null) {
            problems.add(bundleName + ": missing " + (en == null ? "English" : "Chinese") + " bundle");
            return problems;
        }
        Set<String> all = new TreeSet<>(en.keySet());
        all.addAll(zh.keySet());
        for (String key : all) {
            for (var entry : List.of(java.util.Map.entry(Lang.EN, en), java.util.Map.entry(Lang.ZH, zh))) {
                if (!entry.getValue().containsKey(key)) {
                    problems.add(key + ": missing in " + entry.getKey().code());
                    continue;
                }
                String pattern = entry.getValue().getString(key);
                if (pattern.isBlank()) {
                    problems.add(key + ": empty in " + entry.getKey().code());
                }
                try {
                    new MessageFormat(pattern);
                } catch (IllegalArgumentException e) {
                    problems.add(key + ": bad pattern in " + entry.getKey().code() + ": " + e.getMessage());
                }
            }
            if (!Messages.bundleNameFor(key).equals(bundleName)) {
                problems.add(key + ": key prefix does not route to " + bundleName);
            }
        }
        String sources = readAll(sourceRoots);
        for (String key : all) {
            boolean dynamic = dynamicPrefixes.stream().anyMatch(key::startsWith);
            if (!dynamic && !sources.contains("\"" + key + "\"")) {
                problems.add(key + ": unused (no \"" + key + "\" literal in the sources)");
            }
        }
        return problems;
    }

    private static String readAll(List<Path> roots) {
        StringBuilder sb = new StringBuilder();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    sb.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }
}
