package campus.courses;

import campus.courses.doc.LessonDocument;
import campus.i18n.Lang;
import campus.i18n.Problem;
import java.util.List;
import java.util.Optional;

/**
 * A lesson ready to show. {@code shownIn} differs from the asked language when the translation was
 * missing; {@code document} is empty when neither language could be read (the problems say why).
 */
public record LoadedLesson(Course course, String slug, Lang shownIn, LessonDocument nullableDocument,
                           List<Problem> problems) {

    public LoadedLesson {
        problems = List.copyOf(problems);
    }

    public Optional<LessonDocument> document() {
        return Optional.ofNullable(nullableDocument);
    }
}
