package campus.certification.grading;

import java.util.List;
import java.util.Map;

/**
 * A graded form: score, pass/fail, each question's grade in form order, and the per-topic breakdown
 * (topics in order of first appearance on the form) the result screen charts.
 */
public record ExamResult(double score, double max, double pointsNeeded, boolean passed,
                         List<QuestionGrade> grades, Map<String, TopicScore> topics) {

    public ExamResult {
        grades = List.copyOf(grades);
        topics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(topics));
    }

    public double percent() {
        return max == 0 ? 0 : 100.0 * score / max;
    }

    /** Scores are shown and compared with two decimals; sums of fractions are not exact. */
    public static double round(double points) {
        return Math.round(points * 100.0) / 100.0;
    }
}
