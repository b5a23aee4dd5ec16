package campus.certification.bank;

import campus.certification.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one exam ({@code exam.json} and {@code questions/*.json}) as bytes by relative path.
 * Directories, zip file systems and decrypted packages all become this, so there is one loader and
 * one content digest, and a decrypted bank never touches the disk.
 *
 * @param origin how problems name the files: a directory path, or {@code package.cxp!}
 */
public record BankFiles(String origin, Map<String, byte[]> files) {

    public static final String EXAM_FILE = "exam.json";
    public static final String QUESTIONS_DIR = "questions";
    private static final int MAX_FILES = 10_000;

    public BankFiles {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Reads an exam directory through java.nio, so it works inside a jar's zip file system too. */
    public static BankFiles read(Path examDir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Path exam = examDir.resolve(EXAM_FILE);
        if (Files.isRegularFile(exam)) {
            files.put(EXAM_FILE, Files.readAllBytes(exam));
        }
        Path questions = examDir.resolve(QUESTIONS_DIR);
        if (Files.isDirectory(questions)) {
            try (Stream<Path> list = Files.list(questions)) {
                for (Path p : (Iterable<Path>) list.sorted()::iterator) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".json") && Files.isRegularFile(p)) {
                        files.put(QUESTIONS_DIR + "/" + name, Files.readAllBytes(p));
                    }
                }
            }
        }
        return new BankFiles(examDir.toString(), files);
    }

    public String displayPath(String relative) {
        return origin.endsWith("!") ? origin + "/" + relative : origin + "/" + relative;
    }

    /**
     * SHA-256 over every file's path and bytes in path order: the same bank gives the same digest
     * whether read from a folder, a jar or a package, and a changed, added or removed file changes it.
     */
    public String digest() {
        Sha256 sha = new Sha256();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            sha.update(longBytes(name.length)).update(name).update(longBytes(e.getValue().length)).update(e.getValue());
        }
        return sha.hex();
    }

    private static byte[] longBytes(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }

    /** Length-prefixed container used inside an encrypted package. */
    public byte[] toContainer() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(files.size());
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException when the container is not well formed */
    public static BankFiles fromContainer(String origin, byte[] container) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(container));
        int n = in.readInt();
        if (n < 0 || n > MAX_FILES) {
            throw new IOException("bad file count " + n);
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            if (!(name.equals(EXAM_FILE) || name.matches("questions/[^/\\\\]+\\.json"))) {
                throw new IOException("unexpected file " + name);
            }
            int len = in.readInt();
            if (len < 0 || len > in.available()) {
                throw new IOException("bad length for " + name);
            }
            files.put(name, in.readNBytes(len));
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return new BankFiles(origin, files);
    }
}
