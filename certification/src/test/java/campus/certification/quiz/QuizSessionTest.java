package campus.certification.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.TestSupport;
import campus.certification.bank.LoadedExam;
import campus.certification.bank.Quiz;
import campus.certification.model.Response;
import campus.i18n.Text;
import campus.progress.LearningEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuizSessionTest {

    @Test
    void eachAnswerGivesFeedbackAndAnEventAndRetriesCount() throws IOException {
        LoadedExam bank = TestSupport.load("all-types");
        Quiz quiz = new Quiz("q-basics", Text.same("Basics"), "sql-101", "01-intro", bank.bank().questions(), "test");
        List<LearningEvent> events = new ArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
        QuizSession s = new QuizSession(quiz, TestSupport.grader(), events::add, 1, clock);

        QuizSession.Feedback wrong = s.answer("s1", Response.Choice.of("a"));
        assertFalse(wrong.grade().correct());
        assertEquals("B it is", wrong.explanation().en());
        assertEquals("B", wrong.correctAnswer().en());
        assertEquals("乙", wrong.correctAnswer().zh());
        QuizSession.Feedback right = s.answer("s1", Response.Choice.of("b"));
        assertTrue(right.grade().correct());
        assertEquals(2, right.tryNumber());

        assertEquals(2, events.size());
        LearningEvent e = events.get(1);
        assertEquals(LearningEvent.QUIZ_ANSWER, e.kind());
        assertEquals("s1", e.subject());
        assertEquals("q-basics", e.data().get("quizId"));
        assertEquals(true, e.data().get("correct"));
        assertEquals(1.0, e.data().get("score"));
        assertEquals("b", e.data().get("response"));
        assertEquals(1L, s.correctCount());
    }
}
