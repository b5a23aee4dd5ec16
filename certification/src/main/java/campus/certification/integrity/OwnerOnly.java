package campus.certification.integrity;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only their owner may read: install keys, attempts and records. On POSIX file systems the
 * permissions are set when the file is created (never widened afterwards); elsewhere (Windows) the user's profile
 * folder the data lives in is already private.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /** A new file (it must not exist), open for writing. */
    public static FileChannel create(Path file) throws IOException {
        return POSIX
                ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(FILE))
                : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Makes the folder and any missing parents; the folder itself, if made or already there, is owner-only. */
    public static void createDirectories(Path dir) throws IOException {
        if (!POSIX) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.isDirectory(dir)) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(DIR);
            Files.createDirectories(dir, attr);
        }
        Files.setPosixFilePermissions(dir, DIR);
    }
}
