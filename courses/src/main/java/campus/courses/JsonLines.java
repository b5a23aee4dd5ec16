package campus.courses;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line of a JSON member in the source text, so a problem with a field can name its line.
 * Gson's tree keeps no positions; looking the key up in the text, nested keys after their parent's,
 * is exact for the files authors write (one member per key) and falls back to line 1.
 */
final class JsonLines {

    private JsonLines() {
    }

    static int lineOf(String json, String... path) {
        int from = 0;
        for (String key : path) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:").matcher(json);
            if (!m.find(from)) {
                return from == 0 ? 1 : lineAt(json, from);
            }
            from = m.start();
        }
        return lineAt(json, from);
    }

    static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Gson reports syntax errors as "… at line 3 column 7 path $.x"; take the line out of that. */
    static int lineFromGsonMessage(String message) {
        if (message == null) {
            return 1;
        }
        Matcher m = Pattern.compile("line (\\d+)").matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }
}
