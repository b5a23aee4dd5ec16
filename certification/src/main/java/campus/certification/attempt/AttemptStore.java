package campus.certification.attempt;

import campus.certification.CertificationException;
import campus.certification.integrity.InstallKey;
import campus.certification.integrity.OwnerOnly;
import campus.certification.integrity.SignedEnvelope;
import campus.i18n.Msg;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Attempts on disk: {@code <data>/attempts/<id>.attempt.json} (signed after every write, replaced
 * atomically after an fsync, so a kill -9 leaves either the old or the new file, never half of one)
 * and {@code <data>/records/<id>.record.json} (the signed record written at submit).
 * A file that fails its check is never deleted: it is reported, and kept for the proctor.
 */
public final class AttemptStore {

    /** One stored attempt, or the reason it cannot be used. */
    public record Stored(String attemptId, Path file, Optional<Attempt> attempt, Optional<Msg> problem) {
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Path attempts;
    private final Path records;
    private final InstallKey key;

    public AttemptStore(Path dataDir, InstallKey key) {
        this.attempts = dataDir.resolve("attempts");
        this.records = dataDir.resolve("records");
        this.key = key;
    }

    public Path attemptFile(String attemptId) {
        return attempts.resolve(checkId(attemptId) + ".attempt.json");
    }

    public Path recordFile(String attemptId) {
        return records.resolve(checkId(attemptId) + ".record.json");
    }

    private static String checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad attempt id " + id);
        }
        return id;
    }

    void save(byte[] payload, String attemptId) throws IOException {
        writeAtomically(attemptFile(attemptId), SignedEnvelope.seal(SignedEnvelope.ATTEMPT, payload, key));
    }

    Path saveRecord(byte[] payload, String attemptId) throws IOException {
        Path file = recordFile(attemptId);
        writeAtomically(file, SignedEnvelope.seal(SignedEnvelope.RECORD, payload, key));
        return file;
    }

    /**
     * @throws CertificationException {@code certification.attempt.tampered} when the file was edited
     *                                or signed by another install, {@code certification.attempt.missing}
     */
    public Attempt load(String attemptId) {
        Path file = attemptFile(attemptId);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CertificationException(Msg.of("certification.attempt.missing", attemptId), e);
        }
        return open(file, text);
    }

    private Attempt open(Path file, String text) {
        try {
            SignedEnvelope.Opened opened = SignedEnvelope.open(text, SignedEnvelope.ATTEMPT);
            if (!opened.key().equals(key.publicKey())) {
                throw new CertificationException(Msg.of("certification.record.other-key",
                        InstallKey.fingerprint(opened.key()), key.fingerprint()));
            }
            Attempt a = AttemptCodec.decode(opened.payload());
            if (!a.publicKey.equals(key.publicKeyBase64()) || !file.getFileName().toString().equals(a.attemptId + ".attempt.json")) {
                throw new CertificationException(Msg.of("certification.record.malformed"));
            }
            return a;
        } catch (CertificationException e) {
            throw new CertificationException(Msg.of("certification.attempt.tampered", file.toString()), e);
        }
    }

    /** Every stored attempt, newest file first; damaged ones come with their problem. */
    public List<Stored> list() {
        List<Stored> out = new ArrayList<>();
        if (!Files.isDirectory(attempts)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(attempts)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".attempt.json")).toList();
        } catch (IOException e) {
            throw new CertificationException(Msg.of("certification.attempt.store-unreadable", attempts.toString(),
                    String.valueOf(e.getMessage())), e);
        }
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort((x, y) -> Long.compare(modified(y), modified(x)));
        for (Path f : sorted) {
            String id = f.getFileName().toString().replace(".attempt.json", "");
            try {
                out.add(new Stored(id, f, Optional.of(open(f, Files.readString(f, StandardCharsets.UTF_8))), Optional.empty()));
            } catch (CertificationException e) {
                out.add(new Stored(id, f, Optional.empty(), Optional.of(e.msg())));
            } catch (IOException e) {
                out.add(new Stored(id, f, Optional.empty(), Optional.of(Msg.of("certification.attempt.missing", id))));
            }
        }
        return out;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Written readable by their owner only: an attempt or record says who sat which exam and how it went. */
    static void writeAtomically(Path target, String text) throws IOException {
        OwnerOnly.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp); // a leftover from a crash may have been made with other permissions
        try (FileChannel ch = OwnerOnly.create(tmp)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
