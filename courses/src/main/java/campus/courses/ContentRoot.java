package campus.courses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * A folder that holds course folders: the courses shipped inside the app, or one an author opens.
 *
 * @param display how problems name it: the folder as given, or {@code <shipped>}
 */
public record ContentRoot(Path path, String display) {

    public static final String SHIPPED_DISPLAY = "<shipped>";

    public static ContentRoot folder(Path dir) {
        return new ContentRoot(dir, dir.toString());
    }

    /**
     * The courses shipped with Campus. They are resources under {@code /content}, read through
     * the jar's own file system when packaged, so the same loader serves both cases.
     */
    public static ContentRoot shipped() {
        URL marker = ContentRoot.class.getResource("/content/README.md");
        if (marker == null) {
            throw new IllegalStateException("shipped content is missing from the class path");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    // opened before: Path.of(uri) below finds it
                }
            }
            return new ContentRoot(Path.of(uri).getParent(), SHIPPED_DISPLAY);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
