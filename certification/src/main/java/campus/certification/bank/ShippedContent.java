package campus.certification.bank;

import campus.i18n.ResourcePaths;
import java.io.IOException;

import java.net.URL;

import java.nio.file.Path;

/**
 * The exams shipped with Campus ({@code certification/content}, packaged as the class-path folder
 * {@code campus/certification/content}). Returned as a {@link Path}, which inside a jar is a zip file
 * system path: everything reads it through java.nio, never java.io.File.
 */
public final class ShippedContent {

    static final String RESOURCE = "/campus/certification/content/exams.txt";

    private ShippedContent() {
    }

    public static Path examsRoot() throws IOException {
        URL url = ShippedContent.class.getResource(RESOURCE);
        if (url == null) {
            throw new IOException("shipped exams are missing from the class path (" + RESOURCE + ")");
        }
        return ResourcePaths.of(url).getParent();
    }
}
