package campus.labs;

import campus.i18n.Text;
import campus.labs.check.CheckOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * A hands-on SQL task, as an author wrote it in {@code <course>/<NN-lesson>/labs/<id>.json} plus
 * {@code <id>.sql} (the reference solution).
 *
 * @param scale      dataset size for a generator dataset, or null for its default
 * @param courseId   folder name of the course
 * @param lesson     folder name of the lesson, e.g. {@code 02-filtering}
 * @param file       the JSON file
 */
public record Lab(String id, Text title, Text task, String dataset, Integer scale, CheckKind kind,
                  CheckOptions options, int points, List<Text> hints, RevealRule reveal, String starter,
                  String solution, String courseId, String lesson, Path file) {

    public Lab {
        hints = List.copyOf(hints);
        starter = starter == null ? "" : starter;
    }
}
