package campus.certification.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.TestSupport;
import campus.certification.TestSupport.FakeClock;
import campus.certification.bank.BankFiles;
import campus.certification.bank.ExamLoader;
import campus.certification.bank.ExamMode;
import campus.certification.bank.LoadedExam;
import campus.certification.verify.RecordVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which questions a candidate's next attempt draws, through the real service and attempt store. */
class AttemptHistoryTest {

    @TempDir
    Path data;
    @TempDir
    Path bankDir;
    final FakeClock clock = new FakeClock();

    /** 15 single-choice and 12 multiple-choice questions; a form draws 5 + 4, so the bank holds exactly three forms. */
    private LoadedExam rotationBank() throws IOException {
        Files.writeString(bankDir.resolve("exam.json"), """
                {"id": "rotation", "title": {"en": "Rotation", "zh": "轮换"}, "timeLimitMinutes": 10,
                 "pass": {"percent": 60}, "shuffleQuestions": true, "shuffleOptions": true,
                 "topics": {"t": {"en": "Topic", "zh": "主题"}},
                 "sections": [
                   {"id": "single", "title": {"en": "Single", "zh": "单选"}, "types": ["single"], "count": 5, "points": 2},
                   {"id": "multiple", "title": {"en": "Multiple", "zh": "多选"}, "types": ["multiple"], "count": 4, "points": 2}
                 ]}
                """, StandardCharsets.UTF_8);
        StringBuilder q = new StringBuilder("[");
        for (int i = 1; i <= 27; i++) {
            String type = i <= 15 ? "single" : "multiple";
            q.append(i > 1 ? "," : "").append("""
                    {"id": "q%02d", "type": "%s", "topics": ["t"], "difficulty": "easy",
                     "prompt": {"en": "Question %d", "zh": "第 %d 题"},
                     "explanation": {"en": "Because.", "zh": "因为。"},
                     "options": [{"id": "a", "text": {"en": "Yes", "zh": "是"}, "correct": true},
                                 {"id": "b", "text": {"en": "No", "zh": "否"}, "correct": false}]}
                    """.formatted(i, type, i, i));
        }
        Files.createDirectories(bankDir.resolve("questions"));
        Files.writeString(bankDir.resolve("questions/all.json"), q.append("]").toString(), StandardCharsets.UTF_8);
        return ExamLoader.load(BankFiles.read(bankDir), Optional.empty());
    }

    @Test
    void threeAttemptsInARowNeverRepeatAQuestion() throws IOException {
        LoadedExam exam = rotationBank();
        ExamService service = ExamService.create(data, "app-sha", TestSupport.grader(), e -> { }, clock);
        List<List<String>> forms = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (int attempt = 0; attempt < 10; attempt++) {
            ExamSession s = service.start(exam, ExamMode.PRACTICE, "Ann");
            forms.add(s.attempt().form.questionIds());
            clock.advance(Duration.ofMinutes(3));
            records.add(Files.readString(s.submit().record(), StandardCharsets.UTF_8));
            clock.advance(Duration.ofHours(1));
        }
        for (int i = 0; i + 2 < forms.size(); i++) {
            Set<String> window = new HashSet<>();
            forms.subList(i, i + 3).forEach(window::addAll);
            assertEquals(27, window.size(), "attempts " + (i + 1) + " to " + (i + 3) + " repeat a question: " + forms.subList(i, i + 3));
        }
        // every form can be regenerated from its record (seed and history), as the server does
        for (String record : records) {
            RecordVerifier.Report r = RecordVerifier.verify(record, exam, TestSupport.grader(), java.util.Set.of());
            assertTrue(r.ok(), r.findings().toString());
        }
    }

    @Test
    void theHistoryListsEarlierAttemptsNewestFirstAndStopsOnceTheBankIsCovered() throws IOException {
        LoadedExam exam = rotationBank();
        ExamService service = ExamService.create(data, "app-sha", TestSupport.grader(), e -> { }, clock);
        List<Set<String>> forms = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            ExamSession s = service.start(exam, ExamMode.PRACTICE, "Ann");
            List<Set<String>> expected = new ArrayList<>(forms.subList(Math.max(0, forms.size() - 3), forms.size()));
            java.util.Collections.reverse(expected);
            assertEquals(expected, s.attempt().form.history(),
                    "history of attempt " + (attempt + 1));
            forms.add(new HashSet<>(s.attempt().form.questionIds()));
            clock.advance(Duration.ofMinutes(10));
        }
    }
}
