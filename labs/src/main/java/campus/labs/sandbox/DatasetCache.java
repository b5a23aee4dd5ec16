package campus.labs.sandbox;

import campus.i18n.Msg;
import campus.labs.dataset.Dataset;
import campus.labs.dataset.LoadProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * Generated datasets kept as H2 database files, so a 1,000,000-row dataset is generated once and then opened in well
 * under a second instead of being generated again by every lab that uses it.
 *
 * <p>An entry is {@code <name>-<scale>-<key>.mv.db} plus {@code .properties} describing it. The key is a SHA-256 of
 * the cache format, H2's version, the dataset's name and its script with the size filled in: a changed generator, size
 * or H2 gives another key, and the entries of the same dataset and size under an older key are deleted when the new one
 * is built. The description records the file's length and CRC-32C; a file that is missing, shorter or longer, or whose
 * checksum differs (checked while it is copied, so at no extra read), is generated again, and the learner is told why.
 *
 * <p>A sandbox never opens the entry itself: {@link #checkout} copies it to {@code open/<pid>-<uuid>.mv.db}, which the
 * sandbox opens, changes as it likes (state labs, reset, DDL) and deletes when it closes. Copies left by a process that
 * died are deleted the next time a cache is made on the folder, and so are half-built entries.
 *
 * <p>Several sandboxes may check out the same dataset at once, in this JVM and in others on the same data folder: one
 * lock per entry (in the JVM) and a file lock (across processes) make one of them build it while the others wait, then
 * copy it.
 *
 * <p>In the entry, schema {@code lab} holds the dataset and belongs to user {@code learner}; the admin is
 * {@code campus_admin}, whose password is in the description. Both are the sandbox's own users: the learner's SQL cannot
 * name a file or a JDBC URL (the guard), so it cannot reach another database.
 */
public final class DatasetCache {

    /** Part of every key: raise it when what an entry holds changes. */
    static final String FORMAT = "1";
    static final String URL_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=LOW";
    static final String ADMIN = "campus_admin";
    private static final String SUFFIX = ".mv.db";
    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    static {
        NoJavaObjects.everywhere();
    }

    private final Path folder;
    private final Path open;

    private DatasetCache(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        this.open = this.folder.resolve("open");
    }

    /** A cache in {@code folder} (made when first needed); clears what dead processes left there. */
    public static DatasetCache in(Path folder) {
        DatasetCache c = new DatasetCache(folder);
        c.sweep();
        return c;
    }

    public Path folder() {
        return folder;
    }

    /**
     * A private copy of the database of a dataset at a size, for one sandbox.
     *
     * @param url      the JDBC URL of the copy (H2 file database, the sandbox's options)
     * @param password {@link #ADMIN}'s password
     * @param built    whether it had to be generated now (first use, changed generator, or a damaged entry)
     * @param repaired why an entry was generated again, if it was damaged
     */
    public record Copy(String url, String password, Path file, boolean built, Optional<Msg> repaired) {

        /** Deletes the copy; call after its database is shut down. */
        public void delete() {
            String base = file.getFileName().toString();
            base = base.substring(0, base.length() - SUFFIX.length());
            try (DirectoryStream<Path> files = Files.newDirectoryStream(file.getParent(), base + ".*")) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                // left for the next sweep
            }
        }
    }

    /**
     * Copies the dataset's entry (generating it first when there is none or it is out of date or damaged) and returns
     * the copy. Reports progress: opening, or generating with the fraction done, then saving.
     */
    public Copy checkout(Dataset dataset, Integer scale, LoadProgress progress) throws DatasetException {
        return locked(dataset, scale, stem -> checkoutLocked(dataset, scale, stem, progress));
    }

    /**
     * Generates the entry again although its description and checksum matched, because H2 could not open a copy of it
     * ({@code reason} says so), and returns a copy of the new one.
     */
    public Copy rebuild(Dataset dataset, Integer scale, LoadProgress progress, Msg reason) throws DatasetException {
        return locked(dataset, scale, stem -> {
            Files.deleteIfExists(folder.resolve(stem + SUFFIX));
            Files.deleteIfExists(folder.resolve(stem + ".properties"));
            String password = build(dataset, scale, stem, progress, reason);
            Path copy = newCopyPath();
            copy(folder.resolve(stem + SUFFIX), copy);
            return new Copy(url(copy), password, copy, true, Optional.of(reason));
        });
    }

    private interface Work {
        Copy run(String stem) throws IOException, DatasetException;
    }

    private Copy locked(Dataset dataset, Integer scale, Work work) throws DatasetException {
        String stem = stem(dataset, scale);
        ReentrantLock inJvm = LOCKS.computeIfAbsent(folder + "/" + stem, k -> new ReentrantLock());
        inJvm.lock();
        try {
            Files.createDirectories(open);
            try (FileChannel lockFile = FileChannel.open(folder.resolve(stem + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = lockFile.lock()) {
                return work.run(stem);
            }
        } catch (IOException e) {
            throw new DatasetException(Msg.of("labs.cache.failed", dataset.name(), folder, String.valueOf(e.getMessage())));
        } finally {
            inJvm.unlock();
        }
    }

    private Copy checkoutLocked(Dataset dataset, Integer scale, String stem, LoadProgress progress)
            throws IOException, DatasetException {
        Path db = folder.resolve(stem + SUFFIX);
        Path meta = folder.resolve(stem + ".properties");
        Msg repaired = null;
        if (Files.exists(db) || Files.exists(meta)) {
            Properties p = readMeta(meta);
            long size = Files.exists(db) ? Files.size(db) : -1;
            if (p == null || !key(dataset, scale).equals(p.getProperty("key")) || p.getProperty("password") == null) {
                repaired = Msg.of("labs.cache.damaged.description", dataset.name());
            } else if (size != parseLong(p.getProperty("bytes"))) {
                repaired = Msg.of("labs.cache.damaged.size", dataset.name(), Math.max(size, 0), parseLong(p.getProperty("bytes")));
            } else {
                progress.update(Msg.of("labs.load.opening", dataset.name()), LoadProgress.UNKNOWN);
                Path copy = newCopyPath();
                long crc = copy(db, copy);
                if (Long.toHexString(crc).equals(p.getProperty("crc32c"))) {
                    Copy c = new Copy(url(copy), p.getProperty("password"), copy, false, Optional.empty());
                    progress.update(Msg.of("labs.load.opening", dataset.name()), 1);
                    return c;
                }
                deleteQuietly(copy);
                repaired = Msg.of("labs.cache.damaged.checksum", dataset.name());
            }
            Files.deleteIfExists(db);
            Files.deleteIfExists(meta);
        }
        String password = build(dataset, scale, stem, progress, repaired);
        Path copy = newCopyPath();
        copy(db, copy);
        return new Copy(url(copy), password, copy, true, Optional.ofNullable(repaired));
    }

    /**
     * Generates the dataset into a new file database, compacts it, and moves it into place with its description;
     * deletes entries of the same dataset and size made by another generator. Returns the admin password.
     */
    private String build(Dataset dataset, Integer scale, String stem, LoadProgress progress, Msg repaired)
            throws IOException, DatasetException {
        Path base = folder.resolve("build-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        Path built = Path.of(base + SUFFIX);
        String password = UUID.randomUUID().toString();
        Msg generating = repaired != null ? repaired
                : Msg.of("labs.load.generatingOnce", dataset.name(), rows(dataset, scale));
        progress.update(generating, 0);
        // Generated in H2's in-memory file system (as fast as an in-memory database, twice as fast as a file on this
        // disk), then written to the cache folder in one go.
        String inMemory = "nioMemFS:/campus-build-" + UUID.randomUUID();
        try {
            try (Connection c = connect("jdbc:h2:" + inMemory + URL_OPTIONS, password); Statement st = c.createStatement()) {
                st.execute("CREATE USER learner PASSWORD '" + UUID.randomUUID() + "'");
                st.execute("CREATE SCHEMA " + SandboxDatabase.LAB + " AUTHORIZATION learner");
                st.execute("SET SCHEMA " + SandboxDatabase.LAB);
                DatasetLoader.load(c, dataset, scale, new ArrayList<>(), new ArrayList<>(),
                        f -> progress.update(generating, f));
                st.execute("SET SCHEMA PUBLIC");
                progress.update(Msg.of("labs.load.saving", dataset.name()), LoadProgress.UNKNOWN);
                st.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                throw new DatasetException(Msg.of("labs.dataset.loadFailed", dataset.name(),
                        ErrorMapper.detail(e)));
            }
            try (InputStream in = org.h2.store.fs.FileUtils.newInputStream(inMemory + SUFFIX);
                 OutputStream out = Files.newOutputStream(built, StandardOpenOption.CREATE_NEW)) {
                in.transferTo(out);
            }
            org.h2.store.fs.FileUtils.delete(inMemory + SUFFIX);
            long crc = crc(built);
            Path db = folder.resolve(stem + SUFFIX);
            Files.move(built, db, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Properties p = new Properties();
            p.setProperty("format", FORMAT);
            p.setProperty("h2", org.h2.engine.Constants.FULL_VERSION);
            p.setProperty("dataset", dataset.name());
            p.setProperty("scale", String.valueOf(scale(dataset, scale)));
            p.setProperty("key", key(dataset, scale));
            p.setProperty("bytes", Long.toString(Files.size(db)));
            p.setProperty("crc32c", Long.toHexString(crc));
            p.setProperty("password", password);
            Path tmp = Path.of(base + ".properties");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Campus dataset cache entry: the database file " + stem + SUFFIX + " is checked against this");
            }
            Files.move(tmp, folder.resolve(stem + ".properties"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            deleteOlderVersions(dataset, scale, stem);
            return password;
        } finally {
            org.h2.store.fs.FileUtils.deleteRecursive(inMemory + SUFFIX, true);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, base.getFileName() + ".*")) {
                for (Path f : files) {
                    deleteQuietly(f);
                }
            }
        }
    }

    private void deleteOlderVersions(Dataset dataset, Integer scale, String stem) throws IOException {
        String prefix = dataset.name() + "-" + scale(dataset, scale) + "-";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, prefix + "*")) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                String rest = n.substring(prefix.length());
                // only this dataset's own entries: the key is 16 hex digits, then the extension
                if (!n.startsWith(stem + ".") && rest.length() > 17 && rest.substring(0, 16).matches("[0-9a-f]{16}")
                        && rest.charAt(16) == '.') {
                    deleteQuietly(f);
                }
            }
        }
    }

    /** Copies {@code from} to {@code to} and returns the CRC-32C of the bytes copied. */
    private static long copy(Path from, Path to) throws IOException {
        CRC32C crc = new CRC32C();
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            while (in.read(buf) >= 0) {
                buf.flip();
                crc.update(buf.duplicate());
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                buf.clear();
            }
        }
        return crc.getValue();
    }

    private static long crc(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue();
    }

    private Path newCopyPath() {
        return open.resolve(ProcessHandle.current().pid() + "-" + UUID.randomUUID() + SUFFIX);
    }

    /** Deletes copies and half-built entries of processes that are gone. */
    private void sweep() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> dirs = List.of(folder, open);
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    String n = f.getFileName().toString();
                    String pid = dir.equals(open) ? n : n.startsWith("build-") ? n.substring(6) : null;
                    if (pid == null || pid.indexOf('-') < 0) {
                        continue;
                    }
                    long id = parseLong(pid.substring(0, pid.indexOf('-')));
                    if (id > 0 && ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                    deleteQuietly(f);
                }
            } catch (IOException e) {
                // an unreadable folder: checkout reports it
            }
        }
    }

    static String url(Path file) {
        String f = file.toAbsolutePath().toString();
        return "jdbc:h2:file:" + f.substring(0, f.length() - SUFFIX.length()) + URL_OPTIONS;
    }

    static Connection connect(String url, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", ADMIN);
        p.setProperty("password", password);
        return new org.h2.Driver().connect(url, p);
    }

    static String stem(Dataset dataset, Integer scale) {
        return dataset.name() + "-" + scale(dataset, scale) + "-" + key(dataset, scale).substring(0, 16);
    }

    private static String scale(Dataset dataset, Integer scale) {
        if (!dataset.scalable()) {
            return "fixed";
        }
        return Integer.toString(scale != null ? scale : dataset.defaultScale().getAsInt());
    }

    private static Object rows(Dataset dataset, Integer scale) {
        return dataset.scalable() ? (Object) (scale != null ? scale : dataset.defaultScale().getAsInt()) : "—";
    }

    /** What an entry is checked against: the cache format, H2's version, the dataset and its script at this size. */
    static String key(Dataset dataset, Integer scale) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((FORMAT + "\n" + org.h2.engine.Constants.FULL_VERSION + "\n" + dataset.name() + "\n"
                    + dataset.scriptFor(scale)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties readMeta(Path meta) {
        try (InputStream in = Files.newInputStream(meta)) {
            Properties p = new Properties();
            p.load(in);
            return FORMAT.equals(p.getProperty("format")) ? p : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            // left for the next sweep
        }
    }
}
