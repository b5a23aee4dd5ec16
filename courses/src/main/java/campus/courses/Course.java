package campus.courses;

import campus.i18n.Lang;
import campus.i18n.Text;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A course folder: {@code course.json} plus one folder per lesson with {@code lesson.en.md} and
 * {@code lesson.zh.md}. {@code dir} may live on the default file system or inside the app's jar.
 *
 * @param displayPath how problems and the UI name the folder (a real path, or {@code <shipped>/id})
 */
public record Course(String id, Text title, Text summary, Level level, List<LessonInfo> lessons,
                     Path dir, String displayPath) {

    public Course {
        lessons = List.copyOf(lessons);
    }

    public Optional<LessonInfo> lesson(String slug) {
        return lessons.stream().filter(l -> l.slug().equals(slug)).findFirst();
    }

    public int indexOf(String slug) {
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).slug().equals(slug)) {
                return i;
            }
        }
        return -1;
    }

    public Path lessonFile(String slug, Lang lang) {
        return dir.resolve(slug).resolve("lesson." + lang.code() + ".md");
    }

    public String display(String relative) {
        return displayPath + "/" + relative;
    }
}
