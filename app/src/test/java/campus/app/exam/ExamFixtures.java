package campus.app.exam;

import campus.certification.attempt.ExamClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A tiny exam written into a test folder, and a clock the test moves by hand. */
final class ExamFixtures {

    private ExamFixtures() {
    }

    /** Both clocks under the test's control. */
    static final class TestClock implements ExamClock {
        volatile long mono = 1_000_000_000L;
        volatile Instant wall = Instant.parse("2025-03-01T09:00:00Z");

        synchronized void advance(Duration d) {
            mono += d.toNanos();
            wall = wall.plus(d);
        }

        @Override
        public long monotonicNanos() {
            return mono;
        }

        @Override
        public Instant wallNow() {
            return wall;
        }
    }

    /** Four questions over two topics, 10 minutes, pass at 50 %. */
    static Path writeExam(Path dir, String id, String onTimeout) throws IOException {
        Files.createDirectories(dir.resolve("questions"));
        Files.writeString(dir.resolve("exam.json"), """
                {"id": "%s", "title": {"en": "Tiny exam", "zh": "小测验考试"},
                 "description": {"en": "Four questions.", "zh": "四道题。"},
                 "timeLimitMinutes": 10, "pass": {"percent": 50}, "shuffleQuestions": false, "shuffleOptions": false,
                 "explanations": "practice-only", "onTimeout": "%s",
                 "topics": {"joins": {"en": "Joins", "zh": "连接"}, "indexes": {"en": "Indexes", "zh": "索引"}},
                 "sections": [{"id": "all", "title": {"en": "All", "zh": "全部"}, "count": 4}]}
                """.formatted(id, onTimeout));
        Files.writeString(dir.resolve("questions").resolve("q.json"), """
                [
                 {"id": "a1", "type": "single", "topics": ["joins"], "difficulty": "easy",
                  "prompt": {"en": "Which join keeps every row of the left table?", "zh": "哪种连接保留左表的每一行？"},
                  "options": [{"id": "a", "text": {"en": "LEFT JOIN", "zh": "LEFT JOIN"}, "correct": true},
                              {"id": "b", "text": {"en": "INNER JOIN", "zh": "INNER JOIN"}, "correct": false}],
                  "explanation": {"en": "A left join keeps the left rows.", "zh": "左连接保留左表的行。"}},
                 {"id": "a2", "type": "true-false", "topics": ["joins"], "difficulty": "easy",
                  "prompt": {"en": "`CROSS JOIN` needs an `ON` clause.", "zh": "`CROSS JOIN` 需要 `ON` 子句。"},
                  "answer": false, "explanation": {"en": "It has none.", "zh": "它没有。"},
                  "feedbackFalse": {"en": "Right: it pairs every row.", "zh": "对：它配对所有行。"}},
                 {"id": "a3", "type": "single", "topics": ["indexes"], "difficulty": "easy",
                  "prompt": {"en": "What speeds up lookups by a column?", "zh": "什么能加快按列查找？"},
                  "options": [{"id": "a", "text": {"en": "An index", "zh": "索引"}, "correct": true},
                              {"id": "b", "text": {"en": "A view", "zh": "视图"}, "correct": false}],
                  "explanation": {"en": "An index.", "zh": "索引。"}},
                 {"id": "a4", "type": "true-false", "topics": ["indexes"], "difficulty": "easy",
                  "prompt": {"en": "A primary key is indexed.", "zh": "主键带有索引。"},
                  "answer": true, "explanation": {"en": "Always.", "zh": "总是。"}}
                ]
                """);
        return dir;
    }

    /** The stand-in for Campus's main window that exam UI tests open the launcher over, with the app's theme. */
    static javafx.stage.Stage showMainWindow(javafx.stage.Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(new javafx.scene.Scene(new javafx.scene.control.Label("Campus main window"), 400, 300));
        stage.show();
        return stage;
    }
}
