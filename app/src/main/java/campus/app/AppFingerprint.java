package campus.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 of the Campus code that is running: each module's jar, or its class folder when started
 * from a build tree. Exam records carry it, so a result produced by a modified app can be told apart.
 * Reads files: call it off the UI thread.
 */
public final class AppFingerprint {

    /** One class of each Campus module whose code grades or records an exam. */
    static final List<Class<?>> MODULES = List.of(AppFingerprint.class, campus.i18n.Lang.class,
            campus.courses.Course.class, campus.progress.LearningEvent.class, campus.labs.Lab.class,
            campus.certification.CertificationException.class);

    private AppFingerprint() {
    }

    public static String sha256() {
        MessageDigest md = digest();
        for (Class<?> c : MODULES) {
            Path location = location(c);
            md.update(c.getPackageName().getBytes(StandardCharsets.UTF_8));
            if (Files.isDirectory(location)) {
                hashFolder(location, md);
            } else {
                hashFile(location, md);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void hashFolder(Path dir, MessageDigest md) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                md.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                hashFile(f, md);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void hashFile(Path f, MessageDigest md) {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
