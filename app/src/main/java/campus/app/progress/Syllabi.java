package campus.app.progress;

import campus.certification.bank.Quiz;
import campus.certification.bank.QuizCatalog;
import campus.certification.model.Question;
import campus.courses.Course;
import campus.courses.LessonInfo;
import campus.courses.Library;
import campus.labs.Lab;
import campus.labs.LabCatalog;
import campus.progress.derived.Syllabus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the syllabus derived progress is measured against from what the content folders hold. */
public final class Syllabi {

    private Syllabi() {
    }

    public static Syllabus of(List<Course> courses, LabCatalog labs, QuizCatalog quizzes) {
        List<Syllabus.CourseOutline> out = new ArrayList<>();
        for (Course c : courses) {
            String folder = folder(c);
            List<Syllabus.LessonOutline> lessons = new ArrayList<>();
            for (LessonInfo l : c.lessons()) {
                List<String> ids = labs.labs().stream()
                        .filter(lab -> (lab.courseId().equals(folder) || lab.courseId().equals(c.id())) && lab.lesson().equals(l.slug()))
                        .map(Lab::id).toList();
                lessons.add(new Syllabus.LessonOutline(l.slug(), ids));
            }
            out.add(new Syllabus.CourseOutline(c.id(), lessons));
        }
        Map<String, String> topics = new HashMap<>();
        for (Quiz q : quizzes.quizzes()) {
            for (Question question : q.questions()) {
                topics.putIfAbsent(question.id(), question.primaryTopic());
            }
        }
        return new Syllabus(out, topics);
    }

    public static Syllabus of(Library library, LabCatalog labs, QuizCatalog quizzes) {
        return of(library.courses(), labs, quizzes);
    }

    private static String folder(Course c) {
        Path name = c.dir().getFileName();
        if (name == null) {
            return c.id();
        }
        String s = name.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
