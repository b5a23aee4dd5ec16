package campus.courses;

import campus.i18n.ResourcePaths;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.net.URL;

import java.nio.file.Path;

/**
 * A folder that holds course folders (or is one course folder): the courses shipped inside the app,
 * or one an author opens.
 *
 * @param display how problems name it: the folder as given, or {@code <shipped>}
 */
public record ContentRoot(Path path, String display) {

    public static final String SHIPPED_DISPLAY = "<shipped>";
    /** Marks the shipped content root on the class path; only the courses module ships this resource. */
    static final String MARKER = "/content/README.md";

    public static ContentRoot folder(Path dir) {
        return new ContentRoot(dir, dir.toString());
    }

    /**
     * The courses shipped with Campus. They are resources under {@code /content}: a folder when run
     * from {@code target/classes}, entries of the jar when packaged, read through the jar's own file
     * system so the same loader serves both.
     */
    public static ContentRoot shipped() {
        URL marker = ContentRoot.class.getResource(MARKER);
        if (marker == null) {
            throw new IllegalStateException("shipped content is missing from the class path (" + MARKER + ")");
        }
        return fromMarker(marker);
    }

    static ContentRoot fromMarker(URL marker) {
        try {
            return new ContentRoot(ResourcePaths.of(marker).getParent(), SHIPPED_DISPLAY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
