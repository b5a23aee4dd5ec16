package campus.app.quiz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A lesson quiz with one question of every type, in a course folder under a test root. */
final class QuizFixtures {

    private QuizFixtures() {
    }

    static Path writeCourse(Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sql-101").resolve("01-intro").resolve("quizzes"));
        Files.writeString(dir.resolve("q-all.json"), """
                {"id": "q-all", "title": {"en": "Warm-up", "zh": "热身"}, "questions": [
                 {"id": "qs", "type": "single", "topics": ["t"], "difficulty": "easy",
                  "prompt": {"en": "Pick B", "zh": "选乙"},
                  "options": [{"id": "a", "text": {"en": "WHERE customer_id = 42", "zh": "WHERE customer_id = 42"}, "correct": false,
                               "feedback": {"en": "That filters rows; it is not B.", "zh": "那是筛选行，不是乙。"}},
                              {"id": "b", "text": {"en": "B", "zh": "乙"}, "correct": true}],
                  "shuffle": false, "explanation": {"en": "B it is", "zh": "就是乙"}},
                 {"id": "qm", "type": "multiple", "topics": ["t"], "difficulty": "easy",
                  "prompt": {"en": "Pick X and Y", "zh": "选 X 和 Y"},
                  "options": [{"id": "x", "text": {"en": "X", "zh": "X"}, "correct": true},
                              {"id": "y", "text": {"en": "Y", "zh": "Y"}, "correct": true},
                              {"id": "z", "text": {"en": "Z", "zh": "Z"}, "correct": false}],
                  "shuffle": false, "explanation": {"en": "X and Y", "zh": "X 和 Y"}},
                 {"id": "qt", "type": "true-false", "topics": ["t"], "difficulty": "easy",
                  "prompt": {"en": "SQL has SELECT", "zh": "SQL 有 SELECT"}, "answer": true,
                  "explanation": {"en": "Yes", "zh": "是"}},
                 {"id": "qf", "type": "fill-in", "topics": ["t"], "difficulty": "easy",
                  "prompt": {"en": "Keyword to remove duplicates?", "zh": "去重的关键字？"},
                  "accept": [{"text": "DISTINCT"}], "explanation": {"en": "DISTINCT", "zh": "DISTINCT"}},
                 {"id": "qp", "type": "matching", "topics": ["t"], "difficulty": "easy",
                  "prompt": {"en": "Match", "zh": "配对"},
                  "pairs": [{"id": "p1", "left": {"en": "DDL", "zh": "DDL"}, "right": {"en": "CREATE", "zh": "CREATE"}},
                            {"id": "p2", "left": {"en": "DML", "zh": "DML"}, "right": {"en": "INSERT", "zh": "INSERT"}}],
                  "distractors": [], "explanation": {"en": "As listed", "zh": "如上"}},
                 {"id": "qo", "type": "ordering", "topics": ["t"], "difficulty": "easy",
                  "prompt": {"en": "Order", "zh": "排序"},
                  "items": [{"id": "i1", "text": {"en": "SELECT", "zh": "SELECT"}}, {"id": "i2", "text": {"en": "FROM", "zh": "FROM"}}],
                  "explanation": {"en": "Written order", "zh": "书写顺序"}},
                 {"id": "qq", "type": "sql", "topics": ["t"], "difficulty": "easy",
                  "prompt": {"en": "Count the customers", "zh": "统计客户数"},
                  "sql": {"dataset": "shop", "reference": "SELECT COUNT(*) FROM customers", "check": "result"},
                  "explanation": {"en": "COUNT(*)", "zh": "COUNT(*)"}}
                ]}
                """);
        return root;
    }
}
