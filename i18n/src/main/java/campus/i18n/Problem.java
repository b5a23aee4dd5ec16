package campus.i18n;

import java.util.Comparator;

/**
 * Something wrong in content an author wrote (a course, a lab, a question bank), located by file and
 * line so an editor can jump there. {@code line} is 1-based; 0 means the file as a whole.
 * Printed by {@code campus validate} as {@code path:line: message}.
 */
public record Problem(String path, int line, Msg message) {

    public static final Comparator<Problem> ORDER =
            Comparator.comparing(Problem::path).thenComparingInt(Problem::line);

    public String format(Lang lang) {
        return path + ":" + line + ": " + message.in(lang);
    }
}
