package campus.courses.doc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Resolves a link or image path written in a lesson to a path relative to the course folder. */
public final class CoursePaths {

    private CoursePaths() {
    }

    /**
     * {@code resolve("02-select", "../images/a.png")} is {@code images/a.png}. Empty when the path
     * climbs out of the course folder, is absolute, or names a URI scheme: lessons may only reach
     * files of their own course.
     */
    public static Optional<String> resolve(String lessonSlug, String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        parts.addLast(lessonSlug);
        for (String seg : relative.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(seg);
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("/", parts) + (relative.endsWith("/") ? "/" : ""));
    }
}
