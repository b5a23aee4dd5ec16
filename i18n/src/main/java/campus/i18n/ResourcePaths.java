package campus.i18n;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
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

    /** The jar's file system, once opened, stays open for the life of the app: files are read on demand. */
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
        try {
            return Path.of(uri);
        } catch (FileSystemNotFoundException notOpenYet) {
            try {
                FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                // opened meanwhile through another route: Path.of below finds it
            }
            return Path.of(uri);
        }
    }
}
