package campus.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.ClosedChannelException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A class-path resource as a {@link Path}: a plain file when running from a build folder, an entry of
 * the jar's zip file system when packaged. Content shipped inside the app (courses, exams) is read
 * through it, so the same loaders serve a folder an author opens and the jar.
 */
public final class ResourcePaths {

    private ResourcePaths() {
    }

    /**
     * The jar's file system, once opened, stays open for the life of the app: files are read on demand.
     *
     * <p>One hazard comes with it: the JDK's zip file system reads the jar through one interruptible channel,
     * so a thread interrupted while it reads (an executor shut down with {@code shutdownNow}, a cancelled
     * task) closes that channel for good, and from then on every read of the jar fails with
     * {@link ClosedChannelException} although listing still works: the shipped courses would load as empty
     * until the app restarts. So each call reads the first byte of {@code resource} (a small marker file) and,
     * if the channel is closed, replaces the file system with a fresh one. Paths handed out before stay broken;
     * callers ask again for each load, as {@code ContentRoot.shipped()} does.
     */
    public static synchronized Path of(URL resource) throws IOException {
        URI uri;
        try {
            uri = resource.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("not a valid resource address: " + resource, e);
        }
        if (!"jar".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        Path path;
        try {
            path = Path.of(uri);
        } catch (FileSystemNotFoundException notOpenYet) {
            return open(uri);
        }
        if (channelClosed(path)) {
            try {
                path.getFileSystem().close();
            } catch (IOException | UncheckedIOException e) {
                // closing a broken file system may fail too; it is dropped either way
            }
            return open(uri);
        }
        return path;
    }

    private static Path open(URI uri) throws IOException {
        try {
            FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // opened meanwhile through another route: Path.of below finds it
        }
        return Path.of(uri);
    }

    /**
     * Whether reading {@code path} fails because the jar's channel was closed. Not probed from a thread that is
     * itself interrupted: that read would close the channel.
     */
    private static boolean channelClosed(Path path) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            in.read();
            return false;
        } catch (ClosedChannelException | ClosedFileSystemException e) {
            return true;
        } catch (IOException e) {
            return false; // a missing or unreadable entry is reported by whoever reads it
        }
    }
}
