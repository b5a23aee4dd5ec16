package campus.certification.form;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The questions one candidate gets, in display order. Fully determined by the bank, the blueprint,
 * the seed and the ids the candidate had already seen, so a server can regenerate and compare it.
 */
public record ExamForm(String examId, long seed, Set<String> excluded, List<FormItem> items) {

    public ExamForm {
        excluded = java.util.Collections.unmodifiableSet(new TreeSet<>(excluded));
        items = List.copyOf(items);
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
