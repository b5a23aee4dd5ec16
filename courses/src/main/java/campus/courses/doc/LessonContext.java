package campus.courses.doc;

import java.util.Set;

/**
 * What the parser needs to know about where a lesson sits, to resolve its links and images.
 *
 * @param sourcePath  how problems name the file, e.g. {@code sql-basics/01-intro/lesson.en.md}
 * @param lessonSlug  the lesson's folder name, e.g. {@code 01-intro}
 * @param lessonSlugs every lesson folder of the course, so links to them become in-app navigation
 */
public record LessonContext(String sourcePath, String lessonSlug, Set<String> lessonSlugs) {

    public LessonContext {
        lessonSlugs = Set.copyOf(lessonSlugs);
    }

    /** For a lesson parsed on its own (tests, benchmarks): no other lessons to link to. */
    public static LessonContext standalone(String name) {
        return new LessonContext(name, "lesson", Set.of("lesson"));
    }
}
