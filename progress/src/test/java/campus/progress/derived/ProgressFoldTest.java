package campus.progress.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.store.StoredEvent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProgressFoldTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final Syllabus SYLLABUS = new Syllabus(List.of(
            new Syllabus.CourseOutline("sql", List.of(
                    new Syllabus.LessonOutline("01-tables", List.of("add-a-book")),
                    new Syllabus.LessonOutline("02-select", List.of("first-select", "second-select")),
                    new Syllabus.LessonOutline("03-reading", List.of()))),
            new Syllabus.CourseOutline("empty", List.of())),
            Map.of("q1", "sql-basics", "q2", "sql-basics", "q3", "joins"));

    private long pos;

    private StoredEvent ev(String kind, String subject, String data, long hlcMs, int count, String device, String at) {
        pos++;
        return new StoredEvent(pos, "e" + pos, "", device, pos, hlcMs, count, kind, subject, at, data);
    }

    private StoredEvent ev(String kind, String subject, String data) {
        return ev(kind, subject, data, 1000 + pos, 0, "dev-a", "2026-12-05T02:00:00Z");
    }

    private static ProgressSnapshot fold(List<StoredEvent> events) {
        ProgressFold f = new ProgressFold(ZONE);
        events.forEach(f::add);
        return f.snapshot();
    }

    @Test
    void aLessonIsDoneWhenReadToTheEndAndEveryLabInItPassed() {
        List<StoredEvent> es = new ArrayList<>();
        es.add(ev("lesson.opened", "sql/02-select", "{}"));
        es.add(ev("lab.attempt", "first-select", "{\"passed\":true,\"score\":10}"));
        es.add(ev("lab.attempt", "second-select", "{\"passed\":false,\"score\":0}"));
        es.add(ev("lesson.completed", "sql/02-select", "{}"));
        Syllabus.CourseOutline sql = SYLLABUS.course("sql").orElseThrow();
        ProgressSnapshot s = fold(es);
        assertTrue(s.lessonRead("sql", "02-select"));
        assertFalse(s.lessonDone("sql", sql.lessons().get(1)), "one of its labs is not passed yet");
        es.add(ev("lab.attempt", "second-select", "{\"passed\":true,\"score\":5}"));
        s = fold(es);
        assertTrue(s.lessonDone("sql", sql.lessons().get(1)));
        assertEquals(33, s.percent(sql), "1 of 3 lessons, rounded down");

        es.add(ev("lab.attempt", "add-a-book", "{\"passed\":true,\"score\":10}"));
        s = fold(es);
        assertFalse(s.lessonDone("sql", sql.lessons().get(0)), "labs passed but not read to the end");
        es.add(ev("lesson.completed", "sql/03-reading", "{}"));
        s = fold(es);
        assertTrue(s.lessonDone("sql", sql.lessons().get(2)), "a lesson without labs needs the reading alone");
        assertEquals(66, s.percent(sql));
        es.add(ev("lesson.completed", "sql/01-tables", "{}"));
        assertEquals(100, fold(es).percent(sql));
        assertEquals(0, fold(es).percent(SYLLABUS.course("empty").orElseThrow()));
    }

    @Test
    void bestScoreAttemptsAndSuccessRate() {
        ProgressSnapshot s = fold(List.of(
                ev("lab.attempt", "first-select", "{\"passed\":false,\"score\":0}"),
                ev("lab.attempt", "first-select", "{\"passed\":true,\"score\":10}"),
                ev("lab.solution-revealed", "first-select", "{\"failedAttempts\":1}"),
                ev("lab.attempt", "first-select", "{\"passed\":true,\"score\":7}"),
                ev("lab.attempt", "add-a-book", "{\"passed\":false,\"score\":0}")));
        assertEquals(new ProgressSnapshot.LabRecord("first-select", 3, 2, 10, true), s.lab("first-select").orElseThrow());
        assertEquals(new ProgressSnapshot.LabRecord("add-a-book", 1, 0, 0, false), s.lab("add-a-book").orElseThrow());
        assertEquals(List.of(4, 2), List.of(s.labAttemptsAndPasses()[0], s.labAttemptsAndPasses()[1]));
    }

    @Test
    void quizResultsByTopicCountEachQuestionsLatestAnswer() {
        ProgressSnapshot s = fold(List.of(
                ev("quiz.answer", "q1", "{\"quizId\":\"check\",\"correct\":false}", 5000, 0, "dev-a", "2026-12-05T02:00:00Z"),
                ev("quiz.answer", "q1", "{\"quizId\":\"check\",\"correct\":true}", 6000, 0, "dev-b", "2026-12-05T02:00:00Z"),
                ev("quiz.answer", "q2", "{\"quizId\":\"check\",\"correct\":true}", 7000, 0, "dev-a", "2026-12-05T02:00:00Z"),
                // arrives later from another device but was answered earlier: it does not override
                ev("quiz.answer", "q2", "{\"quizId\":\"check\",\"correct\":false}", 6500, 0, "dev-b", "2026-12-05T02:00:00Z"),
                ev("quiz.answer", "q3", "{\"quizId\":\"joins-quiz\",\"correct\":false}"),
                ev("quiz.answer", "q9", "{\"quizId\":\"unlisted-quiz\",\"correct\":true}")));
        assertEquals(List.of(
                new ProgressSnapshot.TopicResult("joins", 1, 0),
                new ProgressSnapshot.TopicResult("sql-basics", 2, 2),
                new ProgressSnapshot.TopicResult("unlisted-quiz", 1, 1)), s.quizByTopic(SYLLABUS));
        assertEquals(2, s.questions().get("q2").answers());
    }

    @Test
    void examResultsOldestFirst() {
        ProgressSnapshot s = fold(List.of(
                ev("exam.result", "pcta-practice", "{\"score\":16.5,\"max\":20.0,\"passed\":true,\"mode\":\"practice\",\"counted\":true}",
                        9000, 0, "dev-a", "2026-12-05T10:00:00Z"),
                ev("exam.result", "pcta-practice", "{\"score\":8.0,\"max\":20.0,\"passed\":false,\"mode\":\"practice\",\"counted\":true}",
                        8000, 0, "dev-a", "2026-12-01T10:00:00Z")));
        assertEquals(List.of(8.0, 16.5), s.exams().stream().map(ProgressSnapshot.ExamRecord::score).toList());
        assertEquals(List.of(false, true), s.exams().stream().map(ProgressSnapshot.ExamRecord::passed).toList());
    }

    @Test
    void streaksCountCalendarDaysInTheLearnersZone() {
        List<StoredEvent> es = new ArrayList<>();
        for (String at : List.of("2026-11-20T01:00:00Z", "2026-11-21T01:00:00Z", "2026-11-22T01:00:00Z",
                "2026-12-02T15:30:00Z",   // 23:30 on 2 December in Shanghai
                "2026-12-02T16:30:00Z",   // 00:30 on 3 December in Shanghai
                "2026-12-04T01:00:00Z")) {
            es.add(ev("lesson.opened", "sql/01-tables", "{}", 1, 0, "dev-a", at));
        }
        ProgressSnapshot s = fold(es);
        assertEquals(List.of(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22),
                LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 4)), List.copyOf(s.activity().keySet()));
        assertEquals(new ProgressSnapshot.Streak(3, 3), s.streak(LocalDate.of(2026, 12, 4)));
        assertEquals(new ProgressSnapshot.Streak(3, 3), s.streak(LocalDate.of(2026, 12, 5)), "nothing yet today: it ends yesterday");
        assertEquals(new ProgressSnapshot.Streak(0, 3), s.streak(LocalDate.of(2026, 12, 6)));
    }

    @Test
    void preferencesLastWriterWinsByStampWhateverTheOrderTheyArrive() {
        List<StoredEvent> es = List.of(
                ev("preference.changed", "language", "{\"value\":\"zh\"}", 2000, 0, "dev-a", "2026-12-05T02:00:00Z"),
                ev("preference.changed", "language", "{\"value\":\"en\"}", 1999, 9, "dev-b", "2026-12-05T02:00:01Z"),
                ev("preference.changed", "theme", "{\"value\":\"dark\"}", 3000, 1, "dev-a", "2026-12-05T02:00:00Z"),
                ev("preference.changed", "theme", "{\"value\":\"light\"}", 3000, 2, "dev-b", "2026-12-05T02:00:00Z"),
                // the exact same stamp on two devices: the larger device id wins, on every device
                ev("preference.changed", "zoom", "{\"value\":\"125\"}", 4000, 0, "dev-b", "2026-12-05T02:00:00Z"),
                ev("preference.changed", "zoom", "{\"value\":\"90\"}", 4000, 0, "dev-a", "2026-12-05T02:00:00Z"));
        Random r = new Random(11);
        for (int round = 0; round < 20; round++) {
            List<StoredEvent> shuffled = new ArrayList<>(es);
            Collections.shuffle(shuffled, r);
            ProgressSnapshot s = fold(shuffled);
            assertEquals("zh", s.preference("language").orElseThrow(), "a higher wall-clock part wins over a higher counter");
            assertEquals("light", s.preference("theme").orElseThrow(), "same milliseconds: the higher counter wins");
            assertEquals("125", s.preference("zoom").orElseThrow(), "a tie on the stamp is broken by device id");
        }
    }

    @Test
    void unknownKindsAreCountedAndChangeNothing() {
        ProgressSnapshot s = fold(List.of(ev("kind.from-a-newer-client", "x", "{\"any\":[1]}"),
                ev("lab.attempt", "first-select", "not json at all")));
        assertEquals(2, s.events());
        assertEquals(1, s.unknownEvents());
        assertEquals(new ProgressSnapshot.LabRecord("first-select", 1, 0, 0, false), s.lab("first-select").orElseThrow());
    }

    @Test
    void theOrderOfArrivalDoesNotChangeTheResult() {
        List<StoredEvent> es = new ArrayList<>();
        Random r = new Random(5);
        String[] labs = {"add-a-book", "first-select", "second-select"};
        for (int i = 0; i < 300; i++) {
            int k = r.nextInt(4);
            if (k == 0) {
                es.add(ev("lab.attempt", labs[r.nextInt(3)], "{\"passed\":" + r.nextBoolean() + ",\"score\":" + r.nextInt(11) + "}",
                        r.nextInt(100_000), r.nextInt(3), "dev-" + r.nextInt(3), "2026-12-0" + (1 + r.nextInt(5)) + "T02:00:00Z"));
            } else if (k == 1) {
                es.add(ev("quiz.answer", "q" + (1 + r.nextInt(3)), "{\"quizId\":\"check\",\"correct\":" + r.nextBoolean() + "}",
                        r.nextInt(100_000), r.nextInt(3), "dev-" + r.nextInt(3), "2026-12-01T02:00:00Z"));
            } else if (k == 2) {
                es.add(ev("lesson.completed", "sql/0" + (1 + r.nextInt(3)) + "-x", "{}"));
            } else {
                es.add(ev("preference.changed", "theme", "{\"value\":\"t" + i + "\"}", r.nextInt(1000), r.nextInt(2),
                        "dev-" + r.nextInt(3), "2026-12-01T02:00:00Z"));
            }
        }
        ProgressSnapshot a = fold(es);
        Collections.shuffle(es, r);
        ProgressSnapshot b = fold(es);
        assertEquals(a.labs(), b.labs());
        assertEquals(a.questions(), b.questions());
        assertEquals(a.preferences(), b.preferences());
        assertEquals(a.activity(), b.activity());
        assertEquals(a.quizByTopic(SYLLABUS), b.quizByTopic(SYLLABUS));
    }
}
