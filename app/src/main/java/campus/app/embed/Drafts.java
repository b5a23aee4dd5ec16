package campus.app.embed;

import campus.app.concurrent.DaemonThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The learner's unfinished SQL per embed (a lab), {@code <data>/drafts/<id>.sql}. Saving is debounced (a
 * write ~500 ms after the last edit) on one background thread, each write atomic (temporary file then
 * move), so typing never waits on the disk and a crash never leaves half a draft.
 */
public final class Drafts implements AutoCloseable {

    static final long DEBOUNCE_MS = 500;

    private final Path folder;
    private final ScheduledExecutorService io = DaemonThreads.scheduled("campus-drafts");
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, String> unsaved = new ConcurrentHashMap<>();

    /** Drafts in {@code <dataDir>/drafts/}. */
    public Drafts(Path dataDir) {
        this.folder = dataDir.resolve("drafts");
    }

    public Path file(String labId) {
        return folder.resolve(labId + ".sql");
    }

    /** The saved draft; call off the UI thread. */
    public Optional<String> load(String labId) {
        String waiting = unsaved.get(labId);
        if (waiting != null) {
            return Optional.of(waiting);
        }
        try {
            return Optional.of(Files.readString(file(labId), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            System.err.println("campus: could not read draft " + file(labId) + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Schedules a write of {@code text}; a newer call within the debounce window replaces it. */
    public void save(String labId, String text) {
        unsaved.put(labId, text);
        if (io.isShutdown()) {
            return; // the window is closing; close() already wrote what was pending
        }
        ScheduledFuture<?> old = pending.put(labId, io.schedule(() -> write(labId), DEBOUNCE_MS, TimeUnit.MILLISECONDS));
        if (old != null) {
            old.cancel(false);
        }
    }

    private void write(String labId) {
        String text = unsaved.remove(labId);
        if (text == null) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, labId, ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file(labId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file(labId), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            System.err.println("campus: could not save draft " + file(labId) + ": " + e.getMessage());
        }
    }

    /** Writes every pending draft now and waits for it (window closing). */
    @Override
    public void close() {
        for (String id : pending.keySet()) {
            io.execute(() -> write(id));
        }
        io.shutdown();
        try {
            io.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
