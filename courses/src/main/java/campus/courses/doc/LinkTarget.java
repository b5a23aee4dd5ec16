package campus.courses.doc;

/** Where a link goes, decided when the lesson is parsed so the UI only has to follow it. */
public sealed interface LinkTarget {

    /** Another lesson of the same course (by its folder name), optionally at a heading anchor. */
    record Lesson(String lessonSlug, String anchor) implements LinkTarget { }

    /** A heading of the same lesson. */
    record Anchor(String anchor) implements LinkTarget { }

    /** A web address (http, https, mailto): opened in the system browser. */
    record Web(String url) implements LinkTarget { }

    /** A relative link that matches no lesson: reported by validate, shown as plain text. */
    record Broken(String raw) implements LinkTarget { }
}
