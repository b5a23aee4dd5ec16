package campus.courses;

import campus.courses.doc.LessonCache;
import campus.i18n.Lang;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Build step of this module (exec-maven-plugin, {@code process-classes}): parses every shipped lesson
 * in both languages and stores its lesson-cache entry in the jar ({@link LessonCache#SHIPPED_ENTRIES}),
 * so that even the first start after an install opens its lesson without starting the Markdown
 * parser. The entries are checked at use exactly like the data folder's (same text, same answers about
 * images and lessons), and made by this build of the parser: the id in {@link LessonCache#SHIPPED_BUILD}
 * is a hash of this module's classes and of the class path's jars, which the entries record.
 *
 * <p>It also writes the index of the shipped lessons' titles ({@link LessonTitles}, made by the same build and checked
 * at use against each lesson file's size and CRC-32), so that listing the shipped courses opens no lesson file.
 *
 * <p>Usage: {@code ShippedLessons <target/classes>}
 */
public final class ShippedLessons {

    private ShippedLessons() {
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path out = classes.resolve(LessonCache.SHIPPED_ENTRIES.substring(1));
        Files.createDirectories(out);
        String build = buildId(classes);
        List<Path> written = new ArrayList<>();
        Path content = classes.resolve("content");
        Library library = CourseLoader.load(List.of(new ContentRoot(content, ContentRoot.SHIPPED_DISPLAY)));
        for (Course course : library.courses()) {
            for (LessonInfo lesson : course.lessons()) {
                for (Lang lang : Lang.values()) {
                    Path file = course.lessonFile(lesson.slug(), lang);
                    Optional<String> text = TextFile.read(file, file.toString(), CourseLoader.MAX_LESSON_BYTES, new ArrayList<>());
                    if (text.isEmpty()) {
                        continue;
                    }
                    byte[] entry = LessonCache.shippedEntry(text.get(),
                            CourseLoader.lessonContext(course, lesson.slug(), lang, (other, anchor) -> true), build);
                    if (entry != null) {
                        Path target = classes.resolve(LessonCache.shippedEntryName(text.get()).substring(1));
                        writeIfChanged(target, entry);
                        written.add(target);
                    }
                }
            }
        }
        writeIfChanged(classes.resolve(LessonCache.SHIPPED_BUILD.substring(1)), build.getBytes(StandardCharsets.UTF_8));
        Map<String, LessonTitles.Entry> titles = titles(content, library);
        writeIfChanged(classes.resolve(LessonTitles.RESOURCE), LessonTitles.encode(build, titles));
        try (Stream<Path> old = Files.list(out)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".lesson") && !written.contains(p)).toList()) {
                Files.delete(p);
            }
        }
        System.out.println("[shipped-lessons] " + written.size() + " lesson entries, " + titles.size() + " lesson titles, parser build "
                + build.substring(0, 12));
    }

    /**
     * The index of the titles of {@code library}'s lessons, loaded from {@code content}: for each lesson file, its size,
     * CRC-32 and the title {@link CourseLoader#frontTitle} reads from it (never one taken from an older index).
     */
    static Map<String, LessonTitles.Entry> titles(Path content, Library library) throws IOException {
        Map<String, LessonTitles.Entry> titles = new HashMap<>();
        for (Course course : library.courses()) {
            for (LessonInfo lesson : course.lessons()) {
                for (Lang lang : Lang.values()) {
                    Path file = course.lessonFile(lesson.slug(), lang);
                    if (Files.isRegularFile(file)) {
                        titles.put(LessonTitles.key(content.relativize(file)),
                                LessonTitles.entry(Files.readAllBytes(file), CourseLoader.frontTitle(course.dir(), lesson.slug(), lang)));
                    }
                }
            }
        }
        return titles;
    }

    /** A hash of this module's classes (the parser and the codec) and of the jars it runs with (Flexmark's version). */
    static String buildId(Path classes) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (Stream<Path> s = Files.walk(classes.resolve("campus"))) {
                files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            }
            for (Path f : files) {
                sha.update(classes.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(f)) {
                    sha.update(in.readAllBytes());
                }
            }
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                sha.update(Path.of(entry).getFileName().toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeIfChanged(Path target, byte[] bytes) throws IOException {
        if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
            Files.write(target, bytes);
        }
    }
}
