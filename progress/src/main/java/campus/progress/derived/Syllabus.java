package campus.progress.derived;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What derived progress is measured against: the courses with their lessons in order, each lesson's labs,
 * and each quiz question's topic. The app and the commands build it from the content folders; progress
 * itself does not read content.
 *
 * @param questionTopics question id → topic (a question not listed counts under its quiz's id)
 */
public record Syllabus(List<CourseOutline> courses, Map<String, String> questionTopics) {

    public Syllabus {
        courses = List.copyOf(courses);
        questionTopics = Map.copyOf(questionTopics);
    }

    /** One course: its folder name and lessons in order. */
    public record CourseOutline(String id, List<LessonOutline> lessons) {
        public CourseOutline {
            lessons = List.copyOf(lessons);
        }
    }

    /** One lesson: its folder name and the ids of the labs in it. */
    public record LessonOutline(String slug, List<String> labs) {
        public LessonOutline {
            labs = List.copyOf(labs);
        }
    }

    /** The subject of a lesson's events: {@code <course-id>/<lesson-slug>}. */
    public static String lessonSubject(String courseId, String slug) {
        return courseId + "/" + slug;
    }

    public Optional<CourseOutline> course(String id) {
        return courses.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
