package campus.courses;

import campus.courses.doc.LessonCache;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The lesson titles of the shipped courses, written by the build ({@code campus.courses.ShippedLessons}) next to the
 * shipped lesson-cache entries, so that loading the library from the app's jar does not open every lesson file
 * for its title (48 of them with today's content, the largest part of the library's read at start-up).
 *
 * <p>A title is only taken from the index when it is exactly what reading the file would give now: the index was made
 * by the build of this module that is running (the id in {@link LessonCache#SHIPPED_BUILD}, as the shipped entries
 * are checked), and the lesson file's size and CRC-32 in the jar's directory, which the zip file system knows without
 * reading the file, are the ones the build read. Anything else (a folder rather than a jar, an edited or added lesson,
 * a missing, damaged or foreign index) is a miss, and the title is read from the file as before. Course folders that
 * authors open are never looked up here.
 */
final class LessonTitles {

    /** Where the build puts the index, relative to the folder (or jar) that holds the shipped {@code content}. */
    static final String RESOURCE = LessonCache.SHIPPED_ENTRIES.substring(1) + "titles";
    /** The index of shipped titles is a few kilobytes; anything much larger is not one. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int MAGIC = 0x43414d54;   // "CAMT"

    /** No index: every title is read from its file (author folders, and the shipped content without a valid index). */
    static final LessonTitles NONE = new LessonTitles(null, Map.of());

    /** What the build read of one lesson file. */
    record Entry(long size, long crc, String title) { }

    private final Path root;
    private final Map<String, Entry> entries;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private LessonTitles(Path root, Map<String, Entry> entries) {
        this.root = root;
        this.entries = entries;
    }

    /** The index shipped with {@code root}'s content, checked against the running build; {@link #NONE} when there is none. */
    static LessonTitles shipped(ContentRoot root) {
        return read(root.path(), runningBuild());
    }

    /** The index beside {@code contentDir} (at {@code ../}{@link #RESOURCE}) if it was made by {@code build} and is inside a jar. */
    static LessonTitles read(Path contentDir, String build) {
        Path parent = contentDir.getParent();
        if (build == null || parent == null || !contentDir.getFileSystem().supportedFileAttributeViews().contains("zip")) {
            return NONE;   // a folder (target/classes when run from the build) has no CRC to check the index against
        }
        try {
            Path file = parent.resolve(RESOURCE);
            if (Files.size(file) > MAX_BYTES) {
                return NONE;
            }
            Map<String, Entry> entries = decode(Files.readAllBytes(file), build);
            return entries == null ? NONE : new LessonTitles(contentDir, entries);
        } catch (IOException | RuntimeException e) {
            return NONE;   // no index (a build without one, a test's folder): titles are read from the files
        }
    }

    /** The id of the build of this module that is running, as the shipped lesson entries are checked; {@code null} if none. */
    static String runningBuild() {
        try (InputStream in = LessonTitles.class.getResourceAsStream(LessonCache.SHIPPED_BUILD)) {
            return in == null ? null : new String(in.readNBytes(256), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The title the build read from {@code file} if the file is still the one it read (same size and CRC-32 in the
     * jar's directory); empty otherwise, and the caller reads the file.
     */
    Optional<String> title(Path file) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        try {
            Entry e = entries.get(key(root.relativize(file)));
            if (e != null) {
                Map<String, Object> zip = Files.readAttributes(file, "zip:size,crc");
                if (zip.get("size") instanceof Long size && size == e.size()
                        && zip.get("crc") instanceof Long crc && crc == e.crc()) {
                    hits.incrementAndGet();
                    return Optional.of(e.title());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not inside a jar (no "zip" attributes), or not under the indexed root: read the file
        }
        misses.incrementAndGet();
        return Optional.empty();
    }

    /** Titles taken from the index so far. */
    int hits() {
        return hits.get();
    }

    /** Titles the index could not vouch for so far (each read from its file). */
    int misses() {
        return misses.get();
    }

    /** A lesson file's name in the index: its path under the content folder, with {@code /}. */
    static String key(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    /** For the build: the entry of a lesson file with these bytes and the title read from it. */
    static Entry entry(byte[] bytes, String title) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Entry(bytes.length, crc.getValue(), title);
    }

    /** For the build: the index's bytes, checksum included. An entry too long to store is left out (read from its file). */
    static byte[] encode(String build, Map<String, Entry> entries) throws IOException {
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        int n = 0;
        for (Map.Entry<String, Entry> e : new TreeMap<>(entries).entrySet()) {
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(one)) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().size());
                out.writeLong(e.getValue().crc());
                out.writeUTF(e.getValue().title());
            } catch (UTFDataFormatException tooLong) {
                continue;
            }
            one.writeTo(stored);
            n++;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(build);
            out.writeInt(n);
            stored.writeTo(out);
        }
        byte[] body = bytes.toByteArray();
        return ByteBuffer.allocate(body.length + 4).put(body).putInt(crc32c(body, body.length)).array();
    }

    /** The entries of an index's bytes when they are whole and were made by {@code build}; {@code null} otherwise. */
    static Map<String, Entry> decode(byte[] bytes, String build) {
        if (bytes.length < 8 || crc32c(bytes, bytes.length - 4) != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
            return null;   // damaged
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4))) {
            if (in.readInt() != MAGIC || !build.equals(in.readUTF())) {
                return null;
            }
            int n = in.readInt();
            if (n < 0 || n > bytes.length) {
                return null;
            }
            Map<String, Entry> entries = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                entries.put(key, new Entry(in.readLong(), in.readLong(), in.readUTF()));
            }
            return in.available() == 0 ? entries : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int crc32c(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
