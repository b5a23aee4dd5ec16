package campus.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content shipped in a jar stays readable after a thread that read it was interrupted: the JDK's zip file
 * system closes its channel for good on an interrupt, and the shipped courses then loaded as empty for the
 * rest of the process (seen in the app's tests, where closing a window shuts its loader down with an
 * interrupt).
 */
class ResourcePathsTest {

    @TempDir
    Path dir;

    private Path opened;

    @AfterEach
    void closeTheJar() throws IOException {
        Thread.interrupted();
        if (opened != null && opened.getFileSystem().isOpen()) {
            opened.getFileSystem().close();
        }
    }

    private URL marker() throws IOException {
        Path jar = dir.resolve("content.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("content/README.md"));
            out.write("# Shipped\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry("content/course.json"));
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return new URL("jar:" + jar.toUri() + "!/content/README.md");
    }

    @Test
    void aJarBrokenByAnInterruptedReadIsOpenedAfresh() throws IOException {
        URL marker = marker();
        Path before = ResourcePaths.of(marker);
        opened = before;
        assertEquals("{}", Files.readString(before.resolveSibling("course.json")));

        Thread.currentThread().interrupt();
        boolean broken = false;
        try {
            Files.readString(before.resolveSibling("course.json"));
        } catch (ClosedChannelException e) {
            broken = true;
        }
        Thread.interrupted();
        assumeTrue(broken, "this JDK's zip file system survives an interrupted read");
        boolean stillBroken = false;
        try {
            Files.readString(before.resolveSibling("course.json"));
        } catch (ClosedChannelException e) {
            stillBroken = true;
        }
        assumeTrue(stillBroken, "this JDK's zip file system recovers by itself");

        Path after = ResourcePaths.of(marker);
        opened = after;
        assertNotSame(before.getFileSystem(), after.getFileSystem());
        assertEquals("{}", Files.readString(after.resolveSibling("course.json")));
        assertEquals("# Shipped\n", Files.readString(after));
    }

    @Test
    void askingFromAnInterruptedThreadDoesNotBreakTheJar() throws IOException {
        URL marker = marker();
        opened = ResourcePaths.of(marker);
        Thread.currentThread().interrupt();
        Path again = ResourcePaths.of(marker);
        Thread.interrupted();
        assertEquals("{}", Files.readString(again.resolveSibling("course.json")));
        assertEquals("{}", Files.readString(opened.resolveSibling("course.json")));
    }
}
