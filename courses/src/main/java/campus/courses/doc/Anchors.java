package campus.courses.doc;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub-style heading anchors, so a link an author tests in a Markdown preview works in Campus:
 * lower case, punctuation dropped, spaces to hyphens, letters of every script kept, repeats numbered.
 */
final class Anchors {

    private final Map<String, Integer> seen = new HashMap<>();

    static String slug(String headingText) {
        StringBuilder sb = new StringBuilder();
        headingText.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                sb.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp)) {
                sb.append('-');
            }
        });
        return sb.toString();
    }

    String unique(String headingText) {
        String base = slug(headingText);
        int n = seen.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + (n - 1);
    }
}
