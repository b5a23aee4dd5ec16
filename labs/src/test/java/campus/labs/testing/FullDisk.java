package campus.labs.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real small disk for full-disk tests: a tmpfs of a few MiB mounted on a test folder, filled to the last byte by a
 * filler file and freed by deleting it. Mounting needs root (or CAP_SYS_ADMIN): where it fails the test is skipped
 * with the reason, unless {@value #REQUIRED_ENV} is set (as in {@code .ci/run}), which makes it a failure.
 */
public final class FullDisk implements AutoCloseable {

    public static final String REQUIRED_ENV = "CAMPUS_TEST_FULL_DISK_REQUIRED";

    private final Path dir;
    private final Path filler;

    private FullDisk(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    /** Mounts a tmpfs of {@code megabytes} MiB on {@code dir} (created if missing). */
    public static FullDisk mount(Path dir, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String out = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString());
        if (out != null) {
            String how = "a full disk is made by mounting a small tmpfs, which failed here (" + out.strip()
                    + "); run as root, or set " + REQUIRED_ENV + "=1 to make this a failure";
            if (System.getenv(REQUIRED_ENV) != null) {
                throw new IllegalStateException(how + " (" + REQUIRED_ENV + " is set: these tests must run here)");
            }
            Assumptions.abort(how);
        }
        return new FullDisk(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes a filler file until the disk refuses a byte more. */
    public void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream o = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                o.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        // The last partial block: byte by byte.
        try (OutputStream o = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                o.write(0);
                o.flush();
            }
        } catch (IOException full) {
            // full to the byte
        }
    }

    /** Deletes the filler file: the disk has room again. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Unmounts; lazily if a process still holds a file in it (it is gone for the next test all the same). */
    @Override
    public void close() throws IOException, InterruptedException {
        if (run("umount", dir.toString()) != null) {
            String lazy = run("umount", "-l", dir.toString());
            if (lazy != null) {
                throw new IOException("could not unmount " + dir + ": " + lazy);
            }
        }
    }

    /** Runs a command; null when it succeeded, else what it printed. */
    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return cmd[0] + " did not finish";
        }
        return p.exitValue() == 0 ? null : out.isBlank() ? cmd[0] + " exited with " + p.exitValue() : out;
    }
}
