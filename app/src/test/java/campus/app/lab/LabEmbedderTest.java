package campus.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import campus.app.concurrent.DaemonThreads;
import campus.app.embed.ContentScans;
import campus.app.embed.LessonEmbeds;
import campus.certification.grading.Grader;
import campus.labs.LabCatalog;
import campus.labs.LabSession;
import campus.progress.LearningEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The labs of a window without a toolkit: this test's thread plays the UI thread. */
class LabEmbedderTest {

    @TempDir
    Path tmp;

    /**
     * The window closes while a check is still at work on the worker (here: held while it records the attempt): the
     * close does not wait for it beyond its bound, and the session is closed (its in-memory database released) as
     * soon as the check is done, not dropped by workers that already stopped.
     */
    @Test
    void aSessionAtWorkWhenTheWindowClosesIsClosedOnceTheWorkIsDone() throws Exception {
        Path content = LabFixtures.write(Files.createDirectories(tmp.resolve("content")));
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<LearningEvent> events = new CopyOnWriteArrayList<>();
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        List<LabSession> opened = new CopyOnWriteArrayList<>();
        LessonEmbeds host = LessonEmbeds.create(new ContentScans(() -> List.of(content), DaemonThreads.cached("test-scan")), tmp.resolve("data"), e -> {
            recording.countDown();
            await(release);
            events.add(e);
        }, Grader.withoutSql()).withUi(ui::add);
        LabEmbedder ctx = new LabEmbedder(host).withOpening(opener -> lab -> {
            LabSession s = opener.open(lab);
            opened.add(s);
            return s;
        });
        host.with(LessonEmbeds.LAB, ctx);
        LabCatalog catalog = host.labs("g").get(20, TimeUnit.SECONDS);
        LabViewModel vm = ctx.model(catalog, catalog.find("cheap").orElseThrow());
        vm.prepare();
        LabViewModelTest.runUiUntil(ui, () -> vm.readyProperty().get());
        vm.setText(LabFixtures.QUERY);
        vm.check();
        await(recording); // the check is at work on the worker

        // the check is held until after close() returns, so close() returning at all shows it did not wait for it
        // (the minute only guards against a hang)
        java.util.concurrent.CompletableFuture.runAsync(host::close).get(60, TimeUnit.SECONDS);
        assertEquals(0, events.size(), "the check was still at work when close returned");
        assertEquals(1, opened.size());
        release.countDown(); // the check ends after the window closed

        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (vm.session().isPresent()) {
            if (System.nanoTime() > end) {
                fail("the session was not closed after the work in flight ended");
            }
            Thread.sleep(10);
        }
        assertThrows(IllegalStateException.class, () -> opened.get(0).schema(), "the session's database is closed");
        assertEquals(1, events.size(), "the attempt was recorded");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS), "timed out");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
