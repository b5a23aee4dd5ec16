package campus.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Background threads of the app that never keep the JVM alive. */
public final class Daemon {

    private Daemon() {
    }

    /**
     * One named daemon thread working through a queue, in order. Work handed to it after
     * {@code shutdown} is dropped quietly: the window that asked for it has closed.
     */
    public static ExecutorService singleThread(String name) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }
}
