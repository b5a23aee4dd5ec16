package campus.progress.concurrent;

import java.util.concurrent.ThreadFactory;

/**
 * The thread the store writes on and the thread sync works on, when the caller hands in no thread policy of its own
 * (the command-line tools; the app hands in its {@code DaemonThreads}). The one place of this module that makes a
 * thread: a daemon (no store or sync keeps the JVM alive) with the name it is given. This module sits below the app
 * and the labs, so it cannot use their policies.
 */
public final class ProgressThreads implements ThreadFactory {

    private final String name;

    private ProgressThreads(String name) {
        this.name = name;
    }

    /** A factory of daemon threads called {@code name}. */
    public static ProgressThreads named(String name) {
        return new ProgressThreads(name);
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
