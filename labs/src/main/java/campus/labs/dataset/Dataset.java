package campus.labs.dataset;

import campus.i18n.Text;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A named dataset: one SQL script (schema plus data or a generator). A script that declares
 * {@code -- @scale N} is a generator: each {@code ${scale}} in it becomes the requested size (default N),
 * so the same lab runs on 1,000 or 1,000,000 rows. Header lines {@code -- @key value} come first.
 *
 * @param source where it was read from, for messages (a jar resource or a file path)
 */
public record Dataset(String name, Text title, OptionalInt defaultScale, String script, String source) {

    public static final String SCALE_PLACEHOLDER = "${scale}";

    /** Parses the {@code -- @key value} header of a dataset script. */
    public static Dataset parse(String name, String script, String source) {
        Map<String, String> header = new java.util.HashMap<>();
        for (String line : script.split("\r?\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (!l.startsWith("-- @")) {
                break;
            }
            String rest = l.substring(4);
            int sp = rest.indexOf(' ');
            header.put(sp < 0 ? rest : rest.substring(0, sp), sp < 0 ? "" : rest.substring(sp + 1).strip());
        }
        OptionalInt scale = OptionalInt.empty();
        String s = header.get("scale");
        if (s != null) {
            try {
                scale = OptionalInt.of(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                scale = OptionalInt.empty();
            }
        }
        Text title = new Text(header.getOrDefault("title.en", name), header.getOrDefault("title.zh", ""));
        return new Dataset(name, title, scale, script, source);
    }

    public boolean scalable() {
        return defaultScale.isPresent();
    }

    /** The script with the size filled in; a fixed dataset ignores {@code scale}. */
    public String scriptFor(Integer scale) {
        if (!scalable()) {
            return script;
        }
        int n = scale != null ? scale : defaultScale.getAsInt();
        return script.replace(SCALE_PLACEHOLDER, Integer.toString(n));
    }
}
