package campus.certification.bank;

import campus.i18n.Msg;
import campus.i18n.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@code campus validate} calls for certification content: exam folders (or folders of exam
 * folders) and course roots holding lesson quizzes. Returns every problem, sorted by path and line.
 */
public final class ContentValidator {

    private ContentValidator() {
    }

    public static List<Problem> validate(List<Path> examRoots, List<Path> courseRoots) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> examIds = new HashMap<>();
        for (Path root : examRoots) {
            for (Path dir : examDirs(root, problems)) {
                try {
                    BankFiles files = BankFiles.read(dir);
                    ExamLoader.Checked c = ExamLoader.check(files);
                    problems.addAll(c.problems());
                    c.blueprint().ifPresent(b -> {
                        String first = examIds.putIfAbsent(b.id(), b.source());
                        if (first != null) {
                            problems.add(new Problem(b.source(), 1, Msg.of("certification.exam.duplicate-id", b.id(), first)));
                        }
                    });
                } catch (IOException e) {
                    problems.add(new Problem(dir.toString(), 0, Msg.of("certification.content.unreadable", String.valueOf(e.getMessage()))));
                }
            }
        }
        problems.addAll(QuizCatalog.scan(courseRoots).problems());
        problems.sort(Problem.ORDER);
        return problems;
    }

    /**
     * {@code root} itself when it is a bank (exam.json or a questions folder, as an import leaves it),
     * else its sub-folders that are.
     */
    public static List<Path> examDirs(Path root, List<Problem> problems) {
        if (isBank(root)) {
            return List.of(root);
        }
        if (!Files.isDirectory(root)) {
            problems.add(new Problem(root.toString(), 0, Msg.of("certification.content.not-found")));
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(ContentValidator::isBank).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(root.toString(), 0, Msg.of("certification.content.unreadable", String.valueOf(e.getMessage()))));
            return List.of();
        }
    }

    private static boolean isBank(Path dir) {
        return Files.isRegularFile(dir.resolve(BankFiles.EXAM_FILE)) || Files.isDirectory(dir.resolve(BankFiles.QUESTIONS_DIR));
    }
}
