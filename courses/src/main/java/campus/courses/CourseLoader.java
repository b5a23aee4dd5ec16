package campus.courses;

import campus.courses.doc.LessonContext;
import campus.courses.doc.LessonDocument;
import campus.courses.doc.LessonParser;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.i18n.Text;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads course folders into {@link Course}s and lessons into {@link LessonDocument}s. Nothing an
 * author writes makes it throw: every defect becomes a {@link Problem} naming file and line, and a
 * broken course is skipped while every other course still loads.
 */
public final class CourseLoader {

    /** A 10,000-word lesson is about 70 KB; a file past this is a mistake, and would freeze the reader. */
    public static final long MAX_LESSON_BYTES = 1024 * 1024;
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private CourseLoader() {
    }

    public static Library load(List<ContentRoot> roots) {
        List<Course> courses = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ContentRoot root : roots) {
            for (Path dir : courseDirs(root, problems)) {
                String display = root.display() + "/" + dir.getFileName();
                loadCourse(dir, display, problems).ifPresent(c -> {
                    if (ids.add(c.id())) {
                        courses.add(c);
                    } else {
                        problems.add(new Problem(display + "/course.json", JsonLines.lineOf(read(dir), "id"),
                                Msg.of("courses.course.duplicateId", c.id())));
                    }
                });
            }
        }
        return new Library(courses, problems);
    }

    private static String read(Path dir) {
        try {
            return Files.readString(dir.resolve("course.json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Sub-folders holding a {@code course.json}, in name order. */
    static List<Path> courseDirs(ContentRoot root, List<Problem> problems) {
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(root.path())) {
            problems.add(new Problem(root.display(), 0, Msg.of("courses.root.notFolder")));
            return dirs;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root.path())) {
            for (Path p : s) {
                if (Files.isDirectory(p) && Files.exists(p.resolve("course.json"))) {
                    dirs.add(p);
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(root.display(), 0, Msg.of("courses.root.unreadable", e.getClass().getSimpleName())));
        }
        dirs.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return dirs;
    }

    public static Optional<Course> loadCourse(Path dir, String display, List<Problem> problems) {
        String file = display + "/course.json";
        String json;
        try {
            json = Files.readString(dir.resolve("course.json"), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            problems.add(new Problem(file, 0, Msg.of("courses.file.notUtf8")));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new Problem(file, 0, Msg.of("courses.file.unreadable", e.getClass().getSimpleName())));
            return Optional.empty();
        }
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                problems.add(new Problem(file, 1, Msg.of("courses.json.notObject")));
                return Optional.empty();
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            problems.add(new Problem(file, JsonLines.lineFromGsonMessage(why), Msg.of("courses.json.syntax", why)));
            return Optional.empty();
        }
        int before = problems.size();
        String id = string(o, "id", json, file, problems);
        Text title = text(o, "title", json, file, problems);
        Text summary = text(o, "summary", json, file, problems);
        String levelName = string(o, "level", json, file, problems);
        Level level = Level.BEGINNER;
        if (levelName != null) {
            Optional<Level> parsed = Level.parse(levelName);
            if (parsed.isEmpty()) {
                problems.add(new Problem(file, JsonLines.lineOf(json, "level"), Msg.of("courses.course.badLevel", levelName)));
            } else {
                level = parsed.get();
            }
        }
        if (id != null && !id.equals(dir.getFileName().toString().replaceAll("/$", ""))) {
            problems.add(new Problem(file, JsonLines.lineOf(json, "id"),
                    Msg.of("courses.course.idNotFolder", id, dir.getFileName().toString().replaceAll("/$", ""))));
        }
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new Problem(file, JsonLines.lineOf(json, "id"), Msg.of("courses.course.badId", id)));
        }
        List<String> slugs = lessonSlugs(o, json, file, problems);
        boolean fatal = id == null || title == null || slugs == null;
        if (fatal) {
            return Optional.empty();
        }
        List<LessonInfo> lessons = new ArrayList<>();
        for (String slug : slugs) {
            Path lessonDir = dir.resolve(slug);
            if (!Files.isDirectory(lessonDir)) {
                problems.add(new Problem(file, JsonLines.lineOf(json, "lessons"), Msg.of("courses.course.lessonMissing", slug)));
                continue;
            }
            lessons.add(new LessonInfo(slug, new Text(frontTitle(dir, slug, Lang.EN), frontTitle(dir, slug, Lang.ZH))));
        }
        if (summary == null) {
            summary = new Text("", "");
        }
        assert problems.size() >= before;
        return Optional.of(new Course(id, title, summary, level, lessons, dir, display));
    }

    private static String string(JsonObject o, String key, String json, String file, List<Problem> problems) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            problems.add(new Problem(file, 1, Msg.of("courses.json.missing", key)));
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            problems.add(new Problem(file, JsonLines.lineOf(json, key), Msg.of("courses.json.notString", key)));
            return null;
        }
        return e.getAsString();
    }

    private static Text text(JsonObject o, String key, String json, String file, List<Problem> problems) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            problems.add(new Problem(file, 1, Msg.of("courses.json.missing", key)));
            return null;
        }
        if (!e.isJsonObject()) {
            problems.add(new Problem(file, JsonLines.lineOf(json, key), Msg.of("courses.json.notBilingual", key)));
            return null;
        }
        String[] values = new String[2];
        for (Lang lang : Lang.values()) {
            JsonElement v = e.getAsJsonObject().get(lang.code());
            String where = key + "." + lang.code();
            if (v == null || v.isJsonNull() || (v.isJsonPrimitive() && v.getAsString().isBlank())) {
                problems.add(new Problem(file, JsonLines.lineOf(json, key), Msg.of("courses.json.missingTranslation", where)));
            } else if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                problems.add(new Problem(file, JsonLines.lineOf(json, key, lang.code()), Msg.of("courses.json.notString", where)));
            } else {
                values[lang.ordinal()] = v.getAsString();
            }
        }
        return new Text(values[0], values[1]);
    }

    private static List<String> lessonSlugs(JsonObject o, String json, String file, List<Problem> problems) {
        JsonElement e = o.get("lessons");
        if (e == null || e.isJsonNull()) {
            problems.add(new Problem(file, 1, Msg.of("courses.json.missing", "lessons")));
            return null;
        }
        if (!e.isJsonArray()) {
            problems.add(new Problem(file, JsonLines.lineOf(json, "lessons"), Msg.of("courses.json.notList", "lessons")));
            return null;
        }
        JsonArray a = e.getAsJsonArray();
        Set<String> slugs = new LinkedHashSet<>();
        for (JsonElement s : a) {
            if (!s.isJsonPrimitive() || !s.getAsJsonPrimitive().isString() || !ID.matcher(s.getAsString()).matches()) {
                problems.add(new Problem(file, JsonLines.lineOf(json, "lessons"), Msg.of("courses.course.badLessonEntry", s.toString())));
            } else if (!slugs.add(s.getAsString())) {
                problems.add(new Problem(file, JsonLines.lineOf(json, "lessons"), Msg.of("courses.course.duplicateLesson", s.getAsString())));
            }
        }
        return new ArrayList<>(slugs);
    }

    /** The title from front matter or the first heading, reading only the top of the file. */
    static String frontTitle(Path courseDir, String slug, Lang lang) {
        Path f = courseDir.resolve(slug).resolve("lesson." + lang.code() + ".md");
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null) {
                return "";
            }
            if (first.strip().equals("---")) {
                for (int i = 0; i < 40; i++) {
                    String line = r.readLine();
                    if (line == null || line.strip().equals("---")) {
                        break;
                    }
                    if (line.startsWith("title:")) {
                        return unquote(line.substring("title:".length()).trim());
                    }
                }
            }
            for (String line = first; line != null; line = r.readLine()) {
                if (line.startsWith("# ")) {
                    return line.substring(2).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /**
     * One lesson in the asked language. When that translation is missing, the other language is
     * returned (the learner still reads something) and the gap is among the problems.
     */
    public static LoadedLesson loadLesson(Course course, String slug, Lang lang) {
        List<Problem> problems = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        course.lessons().forEach(l -> slugs.add(l.slug()));
        for (Lang l : List.of(lang, lang.other())) {
            String rel = slug + "/lesson." + l.code() + ".md";
            String display = course.display(rel);
            Optional<String> text = readLesson(course.lessonFile(slug, l), display, problems);
            if (text.isPresent()) {
                LessonDocument doc = LessonParser.parse(text.get(), new LessonContext(display, slug, slugs));
                problems.addAll(doc.problems());
                return new LoadedLesson(course, slug, l, doc, problems);
            }
        }
        return new LoadedLesson(course, slug, lang, null, problems);
    }

    static Optional<String> readLesson(Path file, String display, List<Problem> problems) {
        try {
            long size = Files.size(file);
            if (size > MAX_LESSON_BYTES) {
                problems.add(new Problem(display, 0, Msg.of("courses.lesson.tooLarge", size / 1024, MAX_LESSON_BYTES / 1024)));
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            problems.add(new Problem(display, 0, Msg.of("courses.lesson.missing")));
        } catch (CharacterCodingException e) {
            problems.add(new Problem(display, 0, Msg.of("courses.file.notUtf8")));
        } catch (IOException e) {
            problems.add(new Problem(display, 0, Msg.of("courses.file.unreadable", e.getClass().getSimpleName())));
        }
        return Optional.empty();
    }
}
