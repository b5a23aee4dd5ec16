package campus.courses.doc;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Parsed lessons kept on disk, so that opening a lesson read before (above all the one the app
 * reopens at start-up) reads a compact binary document instead of starting the Markdown parser.
 *
 * <p>An entry is only used when it is exactly what parsing would give now: same file, same text
 * (kept whole in the entry and compared), same build of the parser, and the same answers to every
 * question the parser asked about the lesson's surroundings (does this image exist, does that other
 * lesson have this anchor), which are recorded while parsing and asked again on use. Anything else,
 * including a damaged entry (each ends in a checksum), is a miss: the lesson is parsed as usual and the entry rewritten. Entries
 * are written on {@code writer}, never on the caller's thread, and atomically (a crash leaves the
 * old entry or none).
 *
 * <p>One entry per lesson file, named by a hash of the file's address; entries of files that are
 * gone stay until the folder is cleared (they are a few kilobytes each).
 *
 * <p>The lessons shipped with the app have entries in the jar too, made by the build
 * ({@code campus.courses.ShippedLessons}) and found by a hash of the lesson's text: a lesson with no
 * valid entry in the folder is read from there when the build's entry holds (same checks, and the
 * parser build id the jar carries), so even the first start does not start the parser.
 */
public final class LessonCache {

    /** Larger entries are not read (the largest lesson, 1 MB, makes an entry of about 2 MB). */
    static final int MAX_ENTRY_BYTES = 8 * 1024 * 1024;
    private static final int MAGIC = 0x43414d4c;   // "CAML"

    /** Where the build puts the entries of the shipped lessons (see {@code campus.courses.ShippedLessons}). */
    public static final String SHIPPED_ENTRIES = "/campus/courses/lesson-cache/";
    /** The id of the build that made the shipped entries: a resource of the same jar as the parser. */
    public static final String SHIPPED_BUILD = SHIPPED_ENTRIES + "build";
    /** The key of every shipped entry: they are found by the hash of their text, not by the file's address. */
    static final String SHIPPED_KEY = "<shipped>";

    private final Path dir;
    private final Executor writer;
    private final String build;
    private final String shippedBuild;
    private final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger misses = new java.util.concurrent.atomic.AtomicInteger();

    /** @param dir a folder of the app's data (created on the first write) */
    public LessonCache(Path dir, Executor writer) {
        this(dir, writer, parserBuild());
    }

    LessonCache(Path dir, Executor writer, String build) {
        this(dir, writer, build, shippedBuild());
    }

    LessonCache(Path dir, Executor writer, String build, String shippedBuild) {
        this.dir = dir;
        this.writer = writer;
        this.build = build;
        this.shippedBuild = shippedBuild;
    }

    /** A question the parser asked about the lesson's surroundings, and the answer it got. */
    private record Question(boolean image, String a, String b, boolean answer) {

        boolean stillTrue(LessonContext ctx) {
            return answer == (image ? ctx.courseFileExists().test(a) : ctx.lessonHasAnchor().test(a, b));
        }
    }

    /**
     * The lesson in {@code text}, from the entry of {@code file} if it is still valid, else parsed
     * (and the entry rewritten in the background).
     */
    public LessonDocument parse(Path file, String text, LessonContext ctx) {
        String key = address(file);
        Path entry = dir.resolve(Long.toHexString(fnv64(key)) + ".lesson");
        LessonDocument cached = read(entry, key, text, ctx);
        if (cached == null && shippedBuild != null) {
            // A lesson shipped with the app, never read here before: the build parsed it already.
            cached = readShipped(text, ctx);
        }
        if (cached != null) {
            hits.incrementAndGet();
            return cached;
        }
        misses.incrementAndGet();
        List<Question> asked = new ArrayList<>();
        LessonDocument doc = parseRecording(text, ctx, asked);
        if (build != null && LessonCodec.encodable(doc)) {
            writer.execute(() -> write(entry, key, text, ctx, List.copyOf(asked), doc));
        }
        return doc;
    }

    /** Parses, noting every question the parser asks about the lesson's surroundings in {@code asked}. */
    private static LessonDocument parseRecording(String text, LessonContext ctx, List<Question> asked) {
        LessonContext recording = new LessonContext(ctx.sourcePath(), ctx.lessonSlug(), ctx.lessonSlugs(),
                rel -> {
                    boolean answer = ctx.courseFileExists().test(rel);
                    asked.add(new Question(true, rel, "", answer));
                    return answer;
                },
                (slug, anchor) -> {
                    boolean answer = ctx.lessonHasAnchor().test(slug, anchor);
                    asked.add(new Question(false, slug, anchor, answer));
                    return answer;
                });
        return LessonParser.parse(text, recording);
    }

    /**
     * For the build (see {@code campus.courses.ShippedLessons}): the entry of a shipped lesson, made by
     * the parser build {@code buildId}, to be stored at {@link #shippedEntryName(String)} on the class
     * path; {@code null} when the document cannot be stored.
     */
    public static byte[] shippedEntry(String text, LessonContext ctx, String buildId) throws IOException {
        List<Question> asked = new ArrayList<>();
        LessonDocument doc = parseRecording(text, ctx, asked);
        return LessonCodec.encodable(doc) ? encode(buildId, SHIPPED_KEY, text, ctx, asked, doc) : null;
    }

    /** The id of the build that made the shipped entries, from the parser's own jar; {@code null} if none. */
    static String shippedBuild() {
        try (java.io.InputStream in = LessonCache.class.getResourceAsStream(SHIPPED_BUILD)) {
            return in == null ? null : new String(in.readNBytes(256), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private LessonDocument read(Path entry, String key, String text, LessonContext ctx) {
        if (build == null) {
            return null;
        }
        try {
            long size = Files.size(entry);
            if (size > MAX_ENTRY_BYTES) {
                return null;
            }
            return decode(Files.readAllBytes(entry), build, key, text, ctx);
        } catch (IOException | RuntimeException e) {
            return null;   // no entry yet, or unreadable: parse, and the entry is written again
        }
    }

    /** The build's entry of a shipped lesson with exactly this text, if there is one and it still holds. */
    private LessonDocument readShipped(String text, LessonContext ctx) {
        try (java.io.InputStream in = LessonCache.class.getResourceAsStream(shippedEntryName(text))) {
            if (in == null) {
                return null;
            }
            return decode(in.readNBytes(MAX_ENTRY_BYTES), shippedBuild, SHIPPED_KEY, text, ctx);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Where the build stores the entry of a shipped lesson with this text (a class-path resource). */
    public static String shippedEntryName(String text) {
        return SHIPPED_ENTRIES + Long.toHexString(fnv64(text)) + ".lesson";
    }

    /** The document of an entry's bytes when it was made by {@code build} for this key, text and context. */
    private static LessonDocument decode(byte[] bytes, String build, String key, String text, LessonContext ctx) {
        try {
            if (bytes.length < 8 || crc(bytes, bytes.length - 4) != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
                return null;   // damaged on disk
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
            if (in.getInt() != MAGIC || !build.equals(LessonCodec.readString(in))
                    || !key.equals(LessonCodec.readString(in)) || !text.equals(LessonCodec.readString(in))
                    || !ctx.sourcePath().equals(LessonCodec.readString(in))
                    || !ctx.lessonSlug().equals(LessonCodec.readString(in))) {
                return null;
            }
            int slugs = in.getInt();
            if (slugs != ctx.lessonSlugs().size() || slugs < 0) {
                return null;
            }
            for (int i = 0; i < slugs; i++) {
                if (!ctx.lessonSlugs().contains(LessonCodec.readString(in))) {
                    return null;
                }
            }
            int questions = in.getInt();
            if (questions < 0 || questions > in.remaining()) {
                return null;
            }
            for (int i = 0; i < questions; i++) {
                Question q = new Question(in.get() != 0, LessonCodec.readString(in), LessonCodec.readString(in),
                        in.get() != 0);
                if (!q.stillTrue(ctx)) {
                    return null;
                }
            }
            return LessonCodec.read(in);
        } catch (LessonCodec.Corrupt | RuntimeException e) {
            return null;   // damaged: parse, and the entry is written again
        }
    }

    private void write(Path entry, String key, String text, LessonContext ctx, List<Question> asked, LessonDocument doc) {
        Path tmp = null;
        try {
            byte[] body = encode(build, key, text, ctx, asked, doc);
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "entry", ".tmp");
            Files.write(tmp, body);
            try {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written (read-only or full disk) only means parsing next time.
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    /** An entry's bytes, checksum included. */
    private static byte[] encode(String build, String key, String text, LessonContext ctx, List<Question> asked,
                                 LessonDocument doc) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() * 2 + 4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            LessonCodec.writeString(out, build);
            LessonCodec.writeString(out, key);
            LessonCodec.writeString(out, text);
            LessonCodec.writeString(out, ctx.sourcePath());
            LessonCodec.writeString(out, ctx.lessonSlug());
            out.writeInt(ctx.lessonSlugs().size());
            for (String s : ctx.lessonSlugs()) {
                LessonCodec.writeString(out, s);
            }
            out.writeInt(asked.size());
            for (Question q : asked) {
                out.writeBoolean(q.image());
                LessonCodec.writeString(out, q.a());
                LessonCodec.writeString(out, q.b());
                out.writeBoolean(q.answer());
            }
            LessonCodec.write(doc, out);
        }
        byte[] body = bytes.toByteArray();
        return ByteBuffer.allocate(body.length + 4).put(body).putInt(crc(body, body.length)).array();
    }

    /** Lessons read from an entry so far. */
    public int hits() {
        return hits.get();
    }

    /** Lessons parsed so far (no entry, or one that no longer matched). */
    public int misses() {
        return misses.get();
    }

    /** The file's address, which tells a shipped lesson (inside the app's jar) from a folder's. */
    private static String address(Path file) {
        try {
            return file.toUri().toString();
        } catch (RuntimeException e) {
            return file.toAbsolutePath().toString();
        }
    }

    /**
     * Which build of the parser is running: the jar (or class file) it was loaded from, with its size
     * and time, and the codec's version. A rebuilt parser invalidates every entry. {@code null} (no
     * caching) when that cannot be told.
     */
    static String parserBuild() {
        try {
            URL location = LessonParser.class.getProtectionDomain().getCodeSource().getLocation();
            Path p = Path.of(location.toURI());
            if (Files.isDirectory(p)) {
                p = p.resolve(LessonParser.class.getName().replace('.', '/') + ".class");
            }
            return LessonCodec.VERSION + "|" + p + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static int crc(byte[] bytes, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
