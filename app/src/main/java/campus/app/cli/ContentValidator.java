package campus.app.cli;

import campus.certification.bank.Quiz;
import campus.certification.bank.QuizCatalog;
import campus.courses.ContentRoot;
import campus.courses.validate.CourseValidator;
import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.i18n.content.ContentScan;
import campus.labs.Lab;
import campus.labs.LabCatalog;
import campus.labs.LabValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every content check behind {@code campus validate}: courses, their labs (each reference solution
 * must pass its own lab), lesson quizzes and exams. A folder given on the command line may hold courses, exams or both.
 */
public final class ContentValidator {

    private ContentValidator() {
    }

    /** The shipped content: courses from the courses module, exams from the certification module. */
    public static List<Problem> validateShipped() {
        return validateShipped(null);
    }

    /** Same, with the labs' generated datasets kept in {@code cache} (null: generated in memory for each lab). */
    public static List<Problem> validateShipped(campus.labs.sandbox.DatasetCache cache) {
        ContentRoot courses = ContentRoot.shipped();
        List<Problem> problems = new ArrayList<>();
        List<Path> examRoots = new ArrayList<>();
        try {
            examRoots.add(campus.certification.bank.ShippedContent.examsRoot());
        } catch (IOException e) {
            problems.add(new Problem(ContentRoot.SHIPPED_DISPLAY, 0, Msg.of("app.validate.noShippedExams", e.getMessage())));
        }
        problems.addAll(validate(List.of(courses), examRoots, cache));
        problems.sort(Problem.ORDER);
        return problems;
    }

    /** Folders an author names: each is checked as a course root and as an exam root. */
    public static List<Problem> validateFolders(List<Path> dirs) {
        return validateFolders(dirs, null);
    }

    /** Same, with the labs' generated datasets kept in {@code cache} (null: generated in memory for each lab). */
    public static List<Problem> validateFolders(List<Path> dirs, campus.labs.sandbox.DatasetCache cache) {
        List<ContentRoot> roots = dirs.stream().map(ContentRoot::folder).toList();
        return validate(roots, dirs.stream().filter(Files::isDirectory).toList(), cache);
    }

    private static List<Problem> validate(List<ContentRoot> courseRoots, List<Path> examRoots,
                                          campus.labs.sandbox.DatasetCache cache) {
        List<Path> coursePaths = courseRoots.stream().map(ContentRoot::path).filter(Files::isDirectory).toList();
        ContentScan scan = ContentScan.of(coursePaths);   // one walk for the labs and the quizzes
        Set<String> labIds = LabCatalog.scan(scan).labs().stream().map(Lab::id).collect(Collectors.toSet());
        Set<String> quizIds = QuizCatalog.scan(scan).quizzes().stream().map(Quiz::id).collect(Collectors.toSet());
        List<Problem> problems = new ArrayList<>(CourseValidator.validate(courseRoots, CourseValidator.Embeds.of(labIds, quizIds)));
        // runs every reference solution through the real sandbox: a lab whose reference fails is a problem
        problems.addAll(LabValidator.validate(coursePaths, cache));
        problems.addAll(campus.certification.bank.ContentValidator.validate(examRoots, coursePaths));
        // every SQL question's reference answer through the labs checker, as learners are graded
        problems.addAll(campus.certification.bank.SqlReferenceCheck.validate(examRoots, coursePaths));
        problems.sort(Problem.ORDER);
        return problems;
    }
}
