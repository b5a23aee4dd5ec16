package campus.courses.doc;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GitHub-style heading anchors, so a link an author tests in a Markdown preview works in Campus:
 * lower case, punctuation dropped, spaces to hyphens, letters of every script kept (Chinese headings
 * keep their characters), repeats numbered {@code -1}, {@code -2} the way github-slugger does.
 */
final class Anchors {

    private final Map<String, Integer> occurrences = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    static String slug(String headingText) {
        StringBuilder sb = new StringBuilder();
        headingText.strip().toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_'
                    || Character.getType(cp) == Character.NON_SPACING_MARK) {
                sb.appendCodePoint(cp);
            } else if (cp == ' ') {
                sb.append('-');
            }
        });
        return sb.toString();
    }

    String unique(String headingText) {
        String base = slug(headingText);
        String anchor = base;
        while (taken.contains(anchor)) {
            int n = occurrences.merge(base, 1, Integer::sum);
            anchor = base + "-" + n;
        }
        taken.add(anchor);
        return anchor;
    }

    boolean contains(String anchor) {
        return taken.contains(anchor);
    }
}
