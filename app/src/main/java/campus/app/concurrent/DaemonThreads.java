package campus.app.concurrent;

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
 * The app's one thread policy: every background thread it starts is made here. Each has the name it
 * is given (thread dumps and the start-up trace say whose work it is), is a daemon (no background
 * work keeps the JVM alive once the window has closed) and reports an exception nothing caught on
 * standard error with that name, instead of dying silently.
 */
public final class DaemonThreads implements ThreadFactory {

    private static final Thread.UncaughtExceptionHandler REPORT = (thread, error) -> report(System.err, thread, error);

    private final String name;
    private final int priority;

    private DaemonThreads(String name, int priority) {
        this.name = name;
        this.priority = priority;
    }

    /** A factory of daemon threads called {@code name}. */
    public static DaemonThreads named(String name) {
        return new DaemonThreads(name, Thread.NORM_PRIORITY);
    }

    /** The same threads at the lowest priority: work that only gives the UI thread a head start. */
    public DaemonThreads lowPriority() {
        return new DaemonThreads(name, Thread.MIN_PRIORITY);
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setPriority(priority);
        t.setUncaughtExceptionHandler(REPORT);
        return t;
    }

    /** Starts {@code work} on a thread of its own. */
    public Thread start(Runnable work) {
        Thread t = newThread(work);
        t.start();
        return t;
    }

    /**
     * One thread working through a queue, in order. Work handed to it after {@code shutdown} is
     * dropped quietly: the window that asked for it has closed.
     */
    public static ExecutorService singleThread(String name) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), named(name),
                new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Threads made as work comes and kept a minute once idle, all called {@code name}. */
    public static ExecutorService cached(String name) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), named(name));
    }

    /** {@code threads} threads sharing one queue. */
    public static ExecutorService fixed(String name, int threads) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), named(name));
    }

    /** One thread for delayed work (debouncing, time-outs). */
    public static ScheduledExecutorService scheduled(String name) {
        return new ScheduledThreadPoolExecutor(1, named(name));
    }

    /** What an uncaught exception leaves on {@code err}: the thread's name, then the stack trace. */
    static void report(PrintStream err, Thread thread, Throwable error) {
        err.println("campus: uncaught on thread " + thread.getName() + ": " + error);
        error.printStackTrace(err);
    }
}
