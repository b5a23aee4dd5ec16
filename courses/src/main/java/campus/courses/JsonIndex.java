package campus.courses;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The line of every member and array element of a JSON text, so a problem with a field names its
 * line. Gson's tree keeps no positions, so this walks the text once more; it runs only on text Gson
 * has already accepted as strict JSON, so it does not need to report syntax errors itself.
 * Paths look like {@code title.en} and {@code lessons[2]}.
 */
final class JsonIndex {

    /** A key given twice in one object: Gson keeps the last value silently, an author rarely means that. */
    record Duplicate(String path, int line) { }

    private final String text;
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private int pos;
    private int line = 1;

    private JsonIndex(String text) {
        this.text = text;
    }

    static JsonIndex of(String json) {
        JsonIndex index = new JsonIndex(json);
        try {
            index.skipSpace();
            index.value("");
        } catch (RuntimeException e) {
            // not strict JSON after all: the lines found so far still help, the rest fall back to 1
        }
        return index;
    }

    /** The line of {@code path}, else of its nearest parent that has one, else 1. */
    int line(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 1;
    }

    boolean has(String path) {
        return lines.containsKey(path);
    }

    List<Duplicate> duplicates() {
        return duplicates;
    }

    private void value(String path) {
        char c = text.charAt(pos);
        if (c == '{') {
            pos++;
            Set<String> keys = new HashSet<>();
            skipSpace();
            while (text.charAt(pos) != '}') {
                int keyLine = line;
                String key = string();
                String child = path.isEmpty() ? key : path + "." + key;
                if (!keys.add(key)) {
                    duplicates.add(new Duplicate(child, keyLine));
                } else {
                    lines.put(child, keyLine);
                }
                skipSpace();
                pos++; // ':'
                skipSpace();
                value(child);
                skipSpace();
                if (text.charAt(pos) == ',') {
                    pos++;
                    skipSpace();
                }
            }
            pos++;
        } else if (c == '[') {
            pos++;
            skipSpace();
            for (int i = 0; text.charAt(pos) != ']'; i++) {
                lines.put(path + "[" + i + "]", line);
                value(path + "[" + i + "]");
                skipSpace();
                if (text.charAt(pos) == ',') {
                    pos++;
                    skipSpace();
                }
            }
            pos++;
        } else if (c == '"') {
            string();
        } else {
            while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c == '\\') {
                char e = text.charAt(pos++);
                if (e == 'u') {
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                } else {
                    sb.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        default -> e;
                    });
                }
            } else {
                sb.append(c);
            }
        }
        pos++;
        return sb.toString();
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            if (text.charAt(pos) == '\n') {
                line++;
            }
            pos++;
        }
    }
}
