package campus.certification.grading;

/** Points and counts for one topic (a question counts under its primary topic). */
public record TopicScore(String topic, double earned, double max, int questions, int correct) {

    public double percent() {
        return max == 0 ? 0 : 100.0 * earned / max;
    }

    TopicScore plus(QuestionGrade g) {
        return new TopicScore(topic, earned + g.earned(), max + g.max(), questions + 1, correct + (g.correct() ? 1 : 0));
    }
}
