package campus.courses;

import campus.courses.doc.FrontMatter;
import campus.courses.doc.LessonCache;
import campus.courses.doc.LessonContext;
import campus.courses.doc.LessonDocument;
import campus.courses.doc.LessonParser;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.i18n.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Loads course folders into {@link Course}s and lessons into {@link LessonDocument}s. Nothing an
 * author writes makes it throw: every defect becomes a {@link Problem} naming file and line, and a
 * broken course is skipped while every other course still loads.
 */
public final class CourseLoader {

    /** A 10,000-word lesson is about 70 KB; a file past this is a mistake, and would freeze the reader. */
    public static final long MAX_LESSON_BYTES = 1024 * 1024;
    static final long MAX_COURSE_JSON_BYTES = 256 * 1024;
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    /** Lesson titles for the course list are read from this many first lines only. */
    private static final int TITLE_SCAN_LINES = 200;

    private CourseLoader() {
    }

    /** A course and its place in the list ({@code "order"} of course.json, {@link CourseJson#NO_ORDER} without). */
    private record Ordered(Course course, int order) { }

    /**
     * Every course of every root, in root order, then by course.json's {@code "order"} (courses without
     * one last), then by folder name; a repeated course id is skipped.
     */
    public static Library load(List<ContentRoot> roots) {
        return load(roots, CourseLoader::titles);
    }

    /** As above, with the lesson titles of each root from {@code titlesOf} (tests: to see which came from an index). */
    static Library load(List<ContentRoot> roots, Function<ContentRoot, LessonTitles> titlesOf) {
        List<Course> courses = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Course> byId = new HashMap<>();
        for (ContentRoot root : roots) {
            List<Ordered> inRoot = new ArrayList<>();
            LessonTitles titles = titlesOf.apply(root);
            for (Path dir : courseDirs(root, problems)) {
                String display = dir.equals(root.path()) ? root.display() : root.display() + "/" + name(dir);
                load(dir, display, titles, problems).ifPresent(inRoot::add);
            }
            // course.json's "order" first (stable sort: folder name order among equals and unordered courses)
            inRoot.sort(Comparator.comparingInt(Ordered::order));
            for (Ordered o : inRoot) {
                Course c = o.course();
                Course first = byId.putIfAbsent(c.id(), c);
                if (first == null) {
                    courses.add(c);
                } else if (!root.display().equals(ContentRoot.SHIPPED_DISPLAY)) {
                    // a shipped course shadowed by an author's edited copy is expected, not a problem
                    problems.add(new Problem(c.display("course.json"), idLine(c),
                            Msg.of("courses.course.duplicateId", c.id(), first.display("course.json"))));
                }
            }
        }
        return new Library(courses, problems);
    }

    /**
     * Where the lesson titles of a root's courses come from: the build's index for the shipped courses (checked against
     * each file, see {@link LessonTitles}), the files themselves for every folder an author opens.
     */
    static LessonTitles titles(ContentRoot root) {
        return root.display().equals(ContentRoot.SHIPPED_DISPLAY) ? LessonTitles.shipped(root) : LessonTitles.NONE;
    }

    /** A path's last name; folders inside a jar report theirs with a trailing slash. */
    static String name(Path p) {
        Path n = p.getFileName();
        String s = n == null ? p.toString() : n.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The course folders of a root, in name order. A root that itself holds a {@code course.json} is
     * one course, so {@code validate courses/content/sql-fundamentals} works as well as its parent.
     */
    static List<Path> courseDirs(ContentRoot root, List<Problem> problems) {
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(root.path())) {
            problems.add(new Problem(root.display(), 0, Msg.of("courses.root.notFolder")));
            return dirs;
        }
        if (Files.exists(root.path().resolve("course.json"))) {
            dirs.add(root.path());
            return dirs;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root.path())) {
            for (Path p : s) {
                String name = name(p);
                if (!Files.isDirectory(p) || name.startsWith(".") || isOtherContent(p, name)) {
                    continue;
                }
                String display = root.display() + "/" + name;
                if (!canList(p)) {
                    problems.add(new Problem(display, 0, Msg.of("courses.course.unreadable")));
                } else if (Files.exists(p.resolve("course.json"))) {
                    dirs.add(p);
                } else {
                    problems.add(new Problem(display, 0, Msg.of("courses.course.noCourseJson")));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(root.display(), 0, Msg.of("courses.root.unreadable", e.getClass().getSimpleName())));
        }
        dirs.sort((a, b) -> name(a).compareTo(name(b)));
        return dirs;
    }

    /**
     * The other folders a content root holds by its documented layout, read by the labs and certification modules:
     * {@code datasets/} (lab datasets) and exam folders ({@code exam.json}, or a {@code questions/} folder as a
     * question import leaves it). They are not courses without a course.json.
     */
    static boolean isOtherContent(Path dir, String name) {
        return name.equals("datasets") && !Files.exists(dir.resolve("course.json"))
                || Files.isRegularFile(dir.resolve("exam.json")) || Files.isDirectory(dir.resolve("questions"));
    }

    /** A folder whose entries can be listed and opened (read and search permission where those exist). */
    private static boolean canList(Path dir) {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        return Files.isReadable(dir) && (!posix || Files.isExecutable(dir));
    }

    private static int idLine(Course c) {
        Optional<String> json = TextFile.read(c.dir().resolve("course.json"), "", MAX_COURSE_JSON_BYTES, new ArrayList<>());
        return json.map(CourseJson::idLine).orElse(1);
    }

    public static Optional<Course> loadCourse(Path dir, String display, List<Problem> problems) {
        return load(dir, display, LessonTitles.NONE, problems).map(Ordered::course);
    }

    private static Optional<Ordered> load(Path dir, String display, LessonTitles titles, List<Problem> problems) {
        String file = display + "/course.json";
        Optional<String> text = TextFile.read(dir.resolve("course.json"), file, MAX_COURSE_JSON_BYTES, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String json = text.get();
        Optional<CourseJson> parsed = CourseJson.parse(json, file, problems);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CourseJson cj = parsed.get();
        String folder = name(dir);
        if (!cj.id().equals(folder)) {
            problems.add(new Problem(file, cj.idLine(), Msg.of("courses.course.idNotFolder", cj.id(), folder)));
        }
        List<LessonInfo> lessons = new ArrayList<>();
        for (int i = 0; i < cj.lessons().size(); i++) {
            String slug = cj.lessons().get(i);
            Path lessonDir = dir.resolve(slug);
            if (!Files.isDirectory(lessonDir)) {
                problems.add(new Problem(file, cj.lessonLine(slug),
                        Msg.of("courses.course.lessonMissing", slug)));
                continue;
            }
            lessons.add(new LessonInfo(slug, new Text(title(titles, dir, slug, Lang.EN), title(titles, dir, slug, Lang.ZH))));
        }
        unlistedLessons(dir, display, new LinkedHashSet<>(cj.lessons()), problems);
        return Optional.of(new Ordered(new Course(cj.id(), cj.title(), cj.summary(), cj.level(), lessons, dir, display),
                cj.order()));
    }

    /** A folder with lesson files that course.json does not list never shows: almost always an oversight. */
    private static void unlistedLessons(Path dir, String display, Set<String> listed, List<Problem> problems) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            List<String> unlisted = new ArrayList<>();
            for (Path p : s) {
                String name = name(p);
                if (Files.isDirectory(p) && !listed.contains(name) && (Files.exists(p.resolve("lesson.en.md"))
                        || Files.exists(p.resolve("lesson.zh.md")))) {
                    unlisted.add(name);
                }
            }
            unlisted.sort(String::compareTo);
            for (String name : unlisted) {
                problems.add(new Problem(display + "/" + name, 0, Msg.of("courses.course.lessonNotListed", name)));
            }
        } catch (IOException e) {
            problems.add(new Problem(display, 0, Msg.of("courses.course.unreadable")));
        }
    }

    /** A lesson's title from the index when it vouches for the file, else read from the file ({@link #frontTitle}). */
    private static String title(LessonTitles titles, Path courseDir, String slug, Lang lang) {
        if (titles != LessonTitles.NONE) {
            Optional<String> indexed = titles.title(lessonFile(courseDir, slug, lang));
            if (indexed.isPresent()) {
                return indexed.get();
            }
        }
        return frontTitle(courseDir, slug, lang);
    }

    static Path lessonFile(Path courseDir, String slug, Lang lang) {
        return courseDir.resolve(slug).resolve("lesson." + lang.code() + ".md");
    }

    /** The title from front matter or the first {@code # } heading, reading only the top of the file; else the folder name. */
    static String frontTitle(Path courseDir, String slug, Lang lang) {
        Path f = lessonFile(courseDir, slug, lang);
        StringBuilder top = new StringBuilder();
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; i < TITLE_SCAN_LINES && (line = r.readLine()) != null; i++) {
                top.append(i == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line).append('\n');
            }
        } catch (IOException | RuntimeException e) {
            return slug;
        }
        FrontMatter front = FrontMatter.of(top.toString());
        if (!front.title().isEmpty()) {
            return front.title();
        }
        return top.toString().lines().skip(front.lines()).filter(l -> l.startsWith("# "))
                .map(l -> l.substring(2).strip()).filter(s -> !s.isEmpty()).findFirst().orElse(slug);
    }

    /**
     * One lesson in the asked language. When that translation is missing, the other language is
     * returned (the learner still reads something) and the gap is among the problems.
     */
    public static LoadedLesson loadLesson(Course course, String slug, Lang lang) {
        return loadLesson(course, slug, lang, (other, anchor) -> true);
    }

    /** @param lessonHasAnchor whether another lesson has a heading anchor, in the language shown */
    public static LoadedLesson loadLesson(Course course, String slug, Lang lang, BiPredicate<String, String> lessonHasAnchor) {
        return loadLesson(course, slug, lang, lessonHasAnchor, null);
    }

    /** As above, taking the parsed lesson from {@code cache} when it holds it (the app's lessons read before). */
    public static LoadedLesson loadLesson(Course course, String slug, Lang lang, LessonCache cache) {
        return loadLesson(course, slug, lang, (other, anchor) -> true, cache);
    }

    private static LoadedLesson loadLesson(Course course, String slug, Lang lang, BiPredicate<String, String> lessonHasAnchor,
                                           LessonCache cache) {
        List<Problem> problems = new ArrayList<>();
        for (Lang l : List.of(lang, lang.other())) {
            String display = course.display(slug + "/lesson." + l.code() + ".md");
            Path file = course.lessonFile(slug, l);
            if (!Files.exists(file)) {
                boolean otherExists = Files.exists(course.lessonFile(slug, l.other()));
                problems.add(new Problem(display, 0, otherExists
                        ? Msg.of("courses.lesson.missingTranslation", "lesson." + l.code() + ".md", "lesson." + l.other().code() + ".md")
                        : Msg.of("courses.lesson.missing")));
                continue;
            }
            Optional<String> text = TextFile.read(file, display, MAX_LESSON_BYTES, problems);
            if (text.isPresent()) {
                LessonContext ctx = lessonContext(course, slug, l, lessonHasAnchor);
                LessonDocument doc = cache != null ? cache.parse(file, text.get(), ctx) : LessonParser.parse(text.get(), ctx);
                problems.addAll(doc.problems());
                return new LoadedLesson(course, slug, l, doc, problems);
            }
        }
        return new LoadedLesson(course, slug, lang, null, problems);
    }

    /**
     * What the parser may ask about a lesson's surroundings, as {@link #loadLesson} asks it (also used to build the
     * shipped lessons' entries, which must be made in the same context to be used).
     */
    public static LessonContext lessonContext(Course course, String slug, Lang l, BiPredicate<String, String> lessonHasAnchor) {
        Set<String> slugs = new LinkedHashSet<>();
        course.lessons().forEach(info -> slugs.add(info.slug()));
        return new LessonContext(course.display(slug + "/lesson." + l.code() + ".md"), slug, slugs,
                rel -> Files.isRegularFile(course.dir().resolve(rel)), lessonHasAnchor);
    }
}
