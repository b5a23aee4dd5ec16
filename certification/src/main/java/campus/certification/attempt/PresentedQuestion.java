package campus.certification.attempt;

import campus.certification.form.MatchingLabels;
import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A question as a screen shows it: number on the form, points, and its parts in the form's order.
 * Carries no answer key a screen could leak: {@link #parts()} are ids and texts only, and the ids of
 * matching right-hand items are display labels ({@link MatchingLabels}), never their pair's id.
 *
 * @param parts choice options, matching right-hand items (scrambled, labelled {@code #1…}), or ordering
 *              items (scrambled), in display order; a matching response maps left ids to these labels
 * @param left  matching only: the left-hand items, in authored order
 */
public record PresentedQuestion(int number, String questionId, String typeCode, Text prompt, double points,
                                List<Part> parts, List<Part> left, boolean multipleAnswers) {

    public record Part(String id, Text text) {
    }

    public static PresentedQuestion of(int number, Question q, double points, List<String> order) {
        AnswerKey key = q.key();
        Map<String, Text> texts = Map.of();
        List<Part> left = List.of();
        if (key instanceof AnswerKey.ChoiceKey c) {
            texts = c.options().stream().collect(Collectors.toMap(AnswerKey.Option::id, AnswerKey.Option::text));
        } else if (key instanceof AnswerKey.MatchingKey m) {
            texts = new java.util.HashMap<>();
            for (AnswerKey.Pair p : m.pairs()) {
                texts.put(p.id(), p.right());
            }
            for (AnswerKey.Distractor d : m.distractors()) {
                texts.put(d.id(), d.text());
            }
            left = m.pairs().stream().map(p -> new Part(p.id(), p.left())).toList();
        } else if (key instanceof AnswerKey.OrderingKey o) {
            texts = o.items().stream().collect(Collectors.toMap(AnswerKey.Item::id, AnswerKey.Item::text));
        }
        Map<String, Text> t = texts;
        List<Part> parts = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            String id = key instanceof AnswerKey.MatchingKey ? MatchingLabels.label(i) : order.get(i);
            parts.add(new Part(id, t.get(order.get(i))));
        }
        return new PresentedQuestion(number, q.id(), q.type().code(), q.prompt(), points, List.copyOf(parts), left,
                key instanceof AnswerKey.ChoiceKey c && c.multiple());
    }
}
