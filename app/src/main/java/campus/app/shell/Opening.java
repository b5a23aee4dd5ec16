package campus.app.shell;

import campus.app.state.AppState;
import campus.courses.ContentRoot;
import campus.courses.Course;
import campus.courses.CourseLoader;
import campus.courses.Library;
import campus.courses.LoadedLesson;
import campus.courses.doc.LessonCache;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The library plus the lesson the app opens at (empty when there are no courses) and which of its
 * images exist, checked when it is read so that showing it does not touch the disk on the UI thread.
 */
public record Opening(Library library, Optional<LoadedLesson> lesson, int block, Set<String> images) {

    /** The last lesson read if it still exists, else the first lesson of the first course. Reads files: off the UI thread. */
    public static Opening read(List<ContentRoot> roots, AppState s, LessonCache lessons) {
        Library library = CourseLoader.load(roots);
        Optional<Course> course = library.course(s.course());
        boolean resume = course.isPresent() && course.get().lesson(s.lesson()).isPresent();
        if (!resume) {
            course = library.courses().stream().filter(c -> !c.lessons().isEmpty()).findFirst();
        }
        if (course.isEmpty()) {
            return new Opening(library, Optional.empty(), 0, Set.of());
        }
        String slug = resume ? s.lesson() : course.get().lessons().get(0).slug();
        LoadedLesson lesson = CourseLoader.loadLesson(course.get(), slug, s.lang(), lessons);
        Set<String> images = lesson.document().map(d -> LessonImages.existing(lesson.course(), d)).orElse(Set.of());
        return new Opening(library, Optional.of(lesson), resume ? s.block() : 0, images);
    }
}
