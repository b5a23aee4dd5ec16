package campus.app.shell;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the content folders a learner or author opened and calls {@code onChange} once a burst of
 * edits has been quiet for {@link #DEBOUNCE_MS} (an editor's save is often several events).
 * Folders created later are picked up because every change re-registers the tree. Shipped content
 * inside the jar is never watched.
 */
public final class ContentWatcher implements AutoCloseable {

    public static final long DEBOUNCE_MS = 300;

    private final Runnable onChange;
    private final ScheduledExecutorService timer;
    private WatchService service;
    private List<Path> roots = List.of();
    private ScheduledFuture<?> pending;
    private boolean closed;

    public ContentWatcher(Runnable onChange) {
        this.onChange = onChange;
        this.timer = campus.app.concurrent.DaemonThreads.scheduled("campus-watch-debounce");
    }

    /** Watches exactly these folders (and everything below them) from now on. */
    public synchronized void watch(List<Path> folders) {
        if (closed) {
            return;   // the window is closing: a late change of roots must not start watching again
        }
        if (folders.equals(roots) && service != null) {
            return;
        }
        roots = List.copyOf(folders);
        closeService();
        if (roots.isEmpty()) {
            return;
        }
        try {
            WatchService ws = FileSystems.getDefault().newWatchService();
            service = ws;
            registerAll(ws);
            campus.app.concurrent.DaemonThreads.named("campus-watch").start(() -> loop(ws));
        } catch (IOException e) {
            System.err.println("campus: cannot watch content folders for changes: " + e.getMessage());
        }
    }

    private void registerAll(WatchService ws) {
        for (Path root : roots) {
            try (Stream<Path> dirs = Files.walk(root, 4)) {
                dirs.filter(Files::isDirectory).forEach(d -> {
                    try {
                        d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                                StandardWatchEventKinds.ENTRY_MODIFY);
                    } catch (IOException e) {
                        // An unreadable folder is reported by the loader; it just is not watched.
                    }
                });
            } catch (IOException | RuntimeException e) {
                // Same: the loader names the folder that could not be read.
            }
        }
    }

    private void loop(WatchService ws) {
        try {
            while (true) {
                WatchKey key = ws.take();
                key.pollEvents();
                key.reset();
                changed(ws);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: a newer service took over, or the app is closing
        }
    }

    private synchronized void changed(WatchService ws) {
        if (ws != service) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(() -> {
            synchronized (this) {
                if (ws == service) {
                    registerAll(ws);
                }
            }
            onChange.run();
        }, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
    }

    /** Whether a watch service is running (for tests). */
    synchronized boolean isWatching() {
        return service != null;
    }

    private void closeService() {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // nothing left to release
            }
            service = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeService();
        timer.shutdownNow();
    }
}
