package campus.certification.bank;

import campus.certification.model.Question;
import campus.i18n.Text;
import java.util.List;

/**
 * A practice quiz embedded in a lesson by id.
 *
 * @param courseId the course folder name
 * @param lesson   the lesson folder name, e.g. {@code 03-joins}
 */
public record Quiz(String id, Text title, String courseId, String lesson, List<Question> questions, String source) {

    public Quiz {
        questions = List.copyOf(questions);
    }
}
