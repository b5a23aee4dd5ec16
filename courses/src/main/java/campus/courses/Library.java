package campus.courses;

import campus.i18n.Problem;
import java.util.List;
import java.util.Optional;

/** What loading content roots gave: the courses that loaded, and every problem found on the way. */
public record Library(List<Course> courses, List<Problem> problems) {

    public Library {
        courses = List.copyOf(courses);
        problems = problems.stream().sorted(Problem.ORDER).toList();
    }

    public Optional<Course> course(String id) {
        return courses.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
