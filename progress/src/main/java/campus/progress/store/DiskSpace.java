package campus.progress.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a failure to write the store is a full disk, and its reason in a few words instead of a stack of wrappers. */
final class DiskSpace {

    /** Below this the disk counts as full: H2 writes the store in chunks of this order. */
    static final long LOW = 1 << 20;

    private DiskSpace() {
    }

    /**
     * A full disk: a message in the chain says so, or the folder's disk has less than 1 MiB left (H2 reports a
     * refused write of the store as "the database has been closed" from then on).
     */
    static boolean isFull(Throwable e, Path dir) {
        if (fullMessage(e) != null) {
            return true;
        }
        try {
            for (Path p = dir; p != null; p = p.getParent()) {
                if (Files.exists(p)) {
                    return Files.getFileStore(p).getUsableSpace() < LOW;
                }
            }
        } catch (IOException | RuntimeException unknown) {
            // not known to be full
        }
        return false;
    }

    /** The innermost message saying the disk is full, else the first message of the chain. */
    static String reason(Throwable e) {
        String full = fullMessage(e);
        if (full != null) {
            return full;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return String.valueOf(e);
    }

    private static String fullMessage(Throwable e) {
        String full = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left") || m.contains("Disk full") || m.contains("ENOSPC"))) {
                full = m;
            }
        }
        return full;
    }
}
