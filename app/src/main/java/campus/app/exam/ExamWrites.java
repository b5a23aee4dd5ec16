package campus.app.exam;

import campus.app.concurrent.DaemonThreads;
import campus.certification.CertificationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Saving an exam sitting: every write (answers, flags, focus, heartbeat, submit) goes to one worker
 * thread of its own, so writes stay in order and the UI thread never touches the disk. A write the
 * session refuses comes back to the UI thread as its {@link CertificationException}.
 */
final class ExamWrites {

    private final ExecutorService worker = DaemonThreads.singleThread("campus-exam-session");
    private final Consumer<CertificationException> refused;

    /** @param refused told, on the UI thread, of a write the session refused */
    ExamWrites(Consumer<CertificationException> refused) {
        this.refused = refused;
    }

    /** Queues a write; nothing once the sitting is stopped. */
    void run(Runnable task) {
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            try {
                task.run();
            } catch (CertificationException e) {
                Platform.runLater(() -> refused.accept(e));
            }
        });
    }

    /** Queues {@code last} and stops once the writes queued before it are done. */
    void stop(Runnable last) {
        worker.execute(last);
        worker.shutdown();
    }

    /** For tests: blocks until the worker has done everything queued so far. */
    void await() throws InterruptedException {
        if (worker.isShutdown()) {
            worker.awaitTermination(10, TimeUnit.SECONDS);
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        worker.execute(done::countDown);
        done.await(10, TimeUnit.SECONDS);
    }
}
