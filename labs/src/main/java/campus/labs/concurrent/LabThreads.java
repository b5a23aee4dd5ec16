package campus.labs.concurrent;

import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The labs' one thread policy: every thread the labs start, in Campus and in a lab worker process, is made here. Each
 * is called {@code campus-<purpose>} (a thread dump says whose work it is), is a daemon (no sandbox keeps the JVM
 * alive) and reports an exception nothing caught on standard error with its name, instead of dying silently.
 * Standard error, never standard out: in a lab worker standard out carries the replies to Campus.
 */
public final class LabThreads implements ThreadFactory {

    private static final Thread.UncaughtExceptionHandler REPORT = (thread, error) -> report(System.err, thread, error);

    private final String name;

    private LabThreads(String name) {
        this.name = name;
    }

    /** A factory of daemon threads called {@code campus-<purpose>}. */
    public static LabThreads named(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a thread needs a purpose");
        }
        return new LabThreads("campus-" + purpose);
    }

    /** The name every thread of this factory gets. */
    public String name() {
        return name;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler(REPORT);
        return t;
    }

    /** One thread working through a queue, in order. */
    public static ExecutorService singleThread(String purpose) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), named(purpose));
    }

    /** Threads made as work comes, none waiting for work longer than {@code keepAliveSeconds}. */
    public static ExecutorService cached(String purpose, long keepAliveSeconds) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, keepAliveSeconds, TimeUnit.SECONDS, new SynchronousQueue<>(),
                named(purpose));
    }

    /** One thread for timed work (a watchdog's rounds). */
    public static ScheduledExecutorService scheduled(String purpose) {
        return new ScheduledThreadPoolExecutor(1, named(purpose));
    }

    /** What an uncaught exception leaves on {@code err}: the thread's name, then the stack trace. */
    static void report(PrintStream err, Thread thread, Throwable error) {
        err.println("campus: uncaught on thread " + thread.getName() + ": " + error);
        error.printStackTrace(err);
    }
}
