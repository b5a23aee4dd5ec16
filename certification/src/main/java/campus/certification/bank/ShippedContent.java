package campus.certification.bank;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The exams shipped with Campus ({@code certification/content}, packaged as the class-path folder
 * {@code campus/certification/content}). Returned as a {@link Path}, which inside a jar is a zip file
 * system path: everything reads it through java.nio, never java.io.File.
 */
public final class ShippedContent {

    static final String RESOURCE = "/campus/certification/content/exams.txt";

    private ShippedContent() {
    }

    public static synchronized Path examsRoot() throws IOException {
        URL url = ShippedContent.class.getResource(RESOURCE);
        if (url == null) {
            throw new IOException("shipped exams are missing from the class path (" + RESOURCE + ")");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException ignored) {
                    // opened before: Paths.get below finds it
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
