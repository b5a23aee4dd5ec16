package campus.certification.bank;

import campus.certification.model.Difficulty;
import campus.certification.model.Question;
import campus.certification.model.QuestionType;
import campus.i18n.Text;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A draw of {@code count} questions matching all the given filters (an empty filter matches all).
 * A question matches {@code topics} when it carries any of them.
 */
public record Section(String id, Text title, int count, OptionalDouble points, Set<String> topics,
                      Set<Difficulty> difficulties, Set<QuestionType> types, int line) {

    public Section {
        topics = Set.copyOf(topics);
        difficulties = Set.copyOf(difficulties);
        types = Set.copyOf(types);
    }

    public boolean matches(Question q) {
        return (types.isEmpty() || types.contains(q.type()))
                && (difficulties.isEmpty() || difficulties.contains(q.difficulty()))
                && (topics.isEmpty() || q.topics().stream().anyMatch(topics::contains));
    }

    public double pointsFor(Question q) {
        return points.orElse(q.points());
    }

    public List<Question> pool(List<Question> bank) {
        return bank.stream().filter(this::matches).toList();
    }
}
