package campus.courses.doc;

import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * What the parser needs to know about where a lesson sits, to resolve and check its links and images.
 *
 * @param sourcePath       how problems name the file, e.g. {@code sql-basics/01-intro/lesson.en.md}
 * @param lessonSlug       the lesson's folder name, e.g. {@code 01-intro}
 * @param lessonSlugs      every lesson folder of the course, so links to them become in-app navigation
 * @param courseFileExists whether a path relative to the course folder names a file (for images)
 * @param lessonHasAnchor  whether another lesson, in this lesson's language, has a heading anchor;
 *                         answers true when that is not known (the app does not parse ahead)
 */
public record LessonContext(String sourcePath, String lessonSlug, Set<String> lessonSlugs,
                            Predicate<String> courseFileExists, BiPredicate<String, String> lessonHasAnchor) {

    public LessonContext {
        lessonSlugs = Set.copyOf(lessonSlugs);
    }

    /** Without file or cross-lesson checks: every image and every other lesson's anchor is taken as present. */
    public LessonContext(String sourcePath, String lessonSlug, Set<String> lessonSlugs) {
        this(sourcePath, lessonSlug, lessonSlugs, path -> true, (slug, anchor) -> true);
    }

    /** For a lesson parsed on its own (tests, benchmarks): no other lessons to link to. */
    public static LessonContext standalone(String name) {
        return new LessonContext(name, "lesson", Set.of("lesson"));
    }
}
