package campus.certification.bank;

import campus.certification.model.Question;
import campus.certification.model.QuestionType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The questions of one exam (or quiz), by id, in the order they were read. */
public final class QuestionBank {

    private final Map<String, Question> byId;

    public QuestionBank(List<Question> questions) {
        Map<String, Question> m = new LinkedHashMap<>();
        for (Question q : questions) {
            if (m.putIfAbsent(q.id(), q) != null) {
                throw new IllegalArgumentException("duplicate question id " + q.id());
            }
        }
        this.byId = Collections.unmodifiableMap(m);
    }

    public List<Question> questions() {
        return List.copyOf(byId.values());
    }

    public Optional<Question> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Question get(String id) {
        Question q = byId.get(id);
        if (q == null) {
            throw new IllegalArgumentException("no question " + id + " in the bank");
        }
        return q;
    }

    public int size() {
        return byId.size();
    }

    public boolean hasSql() {
        return byId.values().stream().anyMatch(q -> q.type() == QuestionType.SQL);
    }
}
