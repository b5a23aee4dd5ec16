package campus.certification.bank;

import campus.certification.model.Question;
import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.i18n.Text;
import campus.i18n.content.ContentScan;
import campus.i18n.json.JsonValue;
import campus.i18n.json.JsonValue.JObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The practice quizzes of the courses under some content roots. A quiz lives at
 * {@code <root>/<course-id>/<NN-lesson>/quizzes/<quiz-id>.json}; a lesson embeds it by id.
 * Quiz ids and question ids are unique across all roots, since events name questions by id.
 * Broken quizzes are left out and reported; the rest stay usable.
 */
public final class QuizCatalog {

    private final Map<String, Quiz> quizzes;
    private final List<Problem> problems;

    private QuizCatalog(Map<String, Quiz> quizzes, List<Problem> problems) {
        this.quizzes = java.util.Collections.unmodifiableMap(quizzes);
        this.problems = List.copyOf(problems);
    }

    /** Reads disk: call off the UI thread. */
    public static QuizCatalog scan(List<Path> roots) {
        return scan(ContentScan.of(roots));
    }

    /** The quizzes of roots already walked, so the lab, quiz and dataset catalogues share one walk. */
    public static QuizCatalog scan(ContentScan content) {
        Map<String, Quiz> quizzes = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Question> questionIds = new HashMap<>();
        for (ContentScan.Root root : content.roots()) {
            root.failure().ifPresent(e -> problems.add(new Problem(root.path().toString(), 0,
                    Msg.of("certification.content.unreadable", String.valueOf(e.getMessage())))));
            for (Path file : root.quizzes()) {
                String path = file.toString();
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    problems.add(new Problem(path, 0, Msg.of("certification.content.unreadable", String.valueOf(e.getMessage()))));
                    continue;
                }
                Optional<JsonValue> json = ExamLoader.parse(path, bytes, problems);
                if (json.isEmpty()) {
                    continue;
                }
                Path lesson = file.getParent().getParent();
                read(new Fields(path, problems), json.get(), lesson.getParent().getFileName().toString(),
                        lesson.getFileName().toString(), file, questionIds).ifPresent(q -> {
                            Quiz first = quizzes.putIfAbsent(q.id(), q);
                            if (first != null) {
                                problems.add(new Problem(path, 1, Msg.of("certification.quiz.duplicate-id", q.id(), first.source())));
                            }
                        });
            }
        }
        problems.sort(Problem.ORDER);
        return new QuizCatalog(quizzes, problems);
    }

    private static Optional<Quiz> read(Fields f, JsonValue json, String course, String lesson, Path file,
                                       Map<String, Question> questionIds) {
        if (!(json instanceof JObject o)) {
            f.wrongKind("quiz", json, "object");
            return Optional.empty();
        }
        f.allowOnly(o, Set.of("id", "title", "questions"));
        Optional<String> id = f.id(o, "id");
        Text title = f.text(o, "title", true).orElse(Text.same(""));
        String expected = file.getFileName().toString().replaceFirst("\\.json$", "");
        if (id.isPresent() && !id.get().equals(expected)) {
            f.problem(o.lineOf("id"), "certification.quiz.id-mismatch", id.get(), expected);
        }
        Optional<JsonValue> qs = f.required(o, "questions");
        List<Question> questions = qs.map(v -> ExamLoader.questionArray(f, v, questionIds)).orElse(List.of());
        if (qs.isPresent() && questions.isEmpty()) {
            f.problem(o.lineOf("questions"), "certification.quiz.empty", id.orElse(expected));
        }
        if (id.isEmpty() || questions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Quiz(id.get(), title, course, lesson, questions, f.path()));
    }

    public Optional<Quiz> find(String quizId) {
        return Optional.ofNullable(quizzes.get(quizId));
    }

    public List<Quiz> quizzes() {
        return List.copyOf(quizzes.values());
    }

    public List<Quiz> inLesson(String courseId, String lesson) {
        return quizzes.values().stream().filter(q -> q.courseId().equals(courseId) && q.lesson().equals(lesson)).toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}
