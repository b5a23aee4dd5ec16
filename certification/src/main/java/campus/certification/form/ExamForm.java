package campus.certification.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The questions one candidate gets, in display order. Fully determined by the bank, the blueprint,
 * the seed and the questions of the candidate's earlier attempts, so a server can regenerate and compare it.
 *
 * @param history the question ids of earlier attempts of this exam, one set per attempt, the most
 *                recent first (empty sets are dropped); records written before attempts were told
 *                apart hold one set, everything seen
 */
public record ExamForm(String examId, long seed, List<Set<String>> history, List<FormItem> items) {

    public ExamForm {
        List<Set<String>> tiers = new ArrayList<>();
        for (Set<String> ids : history) {
            if (!ids.isEmpty()) {
                tiers.add(Collections.unmodifiableSet(new TreeSet<>(ids)));
            }
        }
        history = List.copyOf(tiers);
        items = List.copyOf(items);
    }

    /** A form drawn with everything {@code excluded} seen in one earlier attempt. */
    public ExamForm(String examId, long seed, Set<String> excluded, List<FormItem> items) {
        this(examId, seed, List.of(excluded), items);
    }

    /** Every question of the earlier attempts. */
    public Set<String> excluded() {
        Set<String> all = new TreeSet<>();
        history.forEach(all::addAll);
        return Collections.unmodifiableSet(all);
    }

    public double maxPoints() {
        return items.stream().mapToDouble(FormItem::points).sum();
    }

    public List<String> questionIds() {
        return items.stream().map(FormItem::questionId).toList();
    }

    public FormItem item(String questionId) {
        return items.stream().filter(i -> i.questionId().equals(questionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("question " + questionId + " is not on this form"));
    }
}
