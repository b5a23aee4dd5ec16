package campus.certification.bank;

import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.certification.sql.LabsSqlGrader;
import campus.certification.sql.SqlGrade;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.i18n.content.ContentScan;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.SandboxLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code campus validate} asks of SQL questions, in exams and lesson quizzes alike: the reference
 * answer must pass its own question through the labs checker learners are graded by, on the bundled
 * datasets and those of the course roots. A reference that fails would mark every right answer wrong.
 * Files that do not load are left to {@link ContentValidator}, which reports them.
 */
public final class SqlReferenceCheck {

    private SqlReferenceCheck() {
    }

    public static List<Problem> validate(List<Path> examRoots, List<Path> courseRoots) {
        List<Question> questions = new ArrayList<>();
        List<Problem> ignored = new ArrayList<>();
        for (Path root : examRoots) {
            for (Path dir : ContentValidator.examDirs(root, ignored)) {
                try {
                    questions.addAll(ExamLoader.check(BankFiles.read(dir)).questions());
                } catch (IOException e) {
                    // reported by ContentValidator
                }
            }
        }
        ContentScan content = ContentScan.of(courseRoots);
        for (Quiz quiz : QuizCatalog.scan(content).quizzes()) {
            questions.addAll(quiz.questions());
        }
        List<Problem> out = new ArrayList<>();
        if (questions.stream().noneMatch(q -> q.key() instanceof AnswerKey.SqlKey)) {
            return out;
        }
        try (LabsSqlGrader grader = new LabsSqlGrader(DatasetLibrary.of(content), SandboxLimits.DEFAULT)) {
            for (Question q : questions) {
                if (q.key() instanceof AnswerKey.SqlKey sql) {
                    SqlGrade g = grader.grade(sql.spec(), sql.spec().referenceSql());
                    if (g.fraction() < 1) {
                        out.add(new Problem(q.source(), q.line(), Msg.of("certification.sql.reference-fails", q.id(),
                                g.feedback().in(Lang.EN), g.feedback().in(Lang.ZH))));
                    }
                }
            }
        }
        out.sort(Problem.ORDER);
        return out;
    }
}
