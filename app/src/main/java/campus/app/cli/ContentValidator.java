package campus.app.cli;

import campus.courses.ContentRoot;
import campus.courses.validate.CourseValidator;
import campus.i18n.Problem;
import java.util.ArrayList;
import java.util.List;

/** All content checks in one place: courses now; labs, quizzes and exams join as their modules land. */
public final class ContentValidator {

    private ContentValidator() {
    }

    public static List<Problem> validate(List<ContentRoot> roots) {
        List<Problem> problems = new ArrayList<>(CourseValidator.validate(roots, CourseValidator.Embeds.UNCHECKED));
        problems.sort(Problem.ORDER);
        return problems;
    }
}
