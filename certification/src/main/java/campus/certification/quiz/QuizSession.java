package campus.certification.quiz;

import campus.certification.attempt.PresentedQuestion;
import campus.certification.bank.Quiz;
import campus.certification.attempt.CertificationEvents;
import campus.certification.form.FormGenerator;
import campus.certification.form.MatchingLabels;
import campus.certification.grading.AnswerText;
import campus.certification.grading.Grader;
import campus.certification.grading.QuestionGrade;
import campus.certification.model.Question;
import campus.certification.model.Response;
import campus.i18n.Text;
import campus.progress.LearningEventSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A practice quiz inside a lesson: answer, see at once whether it was right with the explanation,
 * retry as often as wanted. Every answer is a {@code quiz.answer} learning event. Not thread-safe:
 * one lesson view drives it, off the UI thread when the quiz has SQL questions.
 */
public final class QuizSession {

    /** Immediate feedback for one answer. */
    public record Feedback(QuestionGrade grade, Text explanation, Text correctAnswer, int tryNumber) {
    }

    private final Quiz quiz;
    private final Grader grader;
    private final LearningEventSink events;
    private final Clock clock;
    private final List<PresentedQuestion> questions;
    private final Map<String, Integer> tries = new HashMap<>();
    private final Map<String, QuestionGrade> latest = new HashMap<>();
    private final Map<String, List<String>> orders = new HashMap<>();

    /** @param seed shuffles options the same way for one learner and lesson visit */
    public QuizSession(Quiz quiz, Grader grader, LearningEventSink events, long seed, Clock clock) {
        this.quiz = quiz;
        this.grader = grader;
        this.events = events;
        this.clock = clock;
        grader.requireCanGrade(quiz.questions());
        List<PresentedQuestion> p = new ArrayList<>();
        for (Question q : quiz.questions()) {
            Random rnd = FormGenerator.random(seed, quiz.id() + ":" + q.id());
            List<String> order = FormGenerator.order(q, true, rnd);
            orders.put(q.id(), order);
            p.add(PresentedQuestion.of(p.size() + 1, q, q.points(), order));
        }
        this.questions = List.copyOf(p);
    }

    public Quiz quiz() {
        return quiz;
    }

    public List<PresentedQuestion> questions() {
        return questions;
    }

    /** @param response as presented: matching right items by their part ids from {@link #questions()} */
    public Feedback answer(String questionId, Response response) {
        Question q = quiz.questions().stream().filter(x -> x.id().equals(questionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("question " + questionId + " is not in quiz " + quiz.id()));
        // Matching answers name right items by their labels on this quiz; events keep the authored ids.
        Response authored = response instanceof Response.Matching m
                ? MatchingLabels.toAuthored(orders.get(questionId), m) : response;
        QuestionGrade g = grader.grade(q, authored, q.points());
        int n = tries.merge(questionId, 1, Integer::sum);
        latest.put(questionId, g);
        events.record(CertificationEvents.quizAnswer(quiz.id(), questionId, authored, g, n, clock.instant()));
        return new Feedback(g, q.explanation(), AnswerText.describe(q), n);
    }

    public int tries(String questionId) {
        return tries.getOrDefault(questionId, 0);
    }

    /** Questions whose latest answer was fully right. */
    public long correctCount() {
        return latest.values().stream().filter(QuestionGrade::correct).count();
    }
}
