package campus.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import campus.i18n.Text;
import campus.labs.LabCatalog;
import campus.labs.LabSession;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.SchemaTable;
import campus.progress.LearningEvent;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's view model without a window: this test's thread plays the UI thread (it makes every call and runs what
 * the workers hand back, in order), so what happens while the session opens is decided by the test, not by timing.
 */
class LabViewModelTest {

    @TempDir
    Path tmp;
    LabCatalog catalog;
    Drafts drafts;
    final List<LearningEvent> events = new CopyOnWriteArrayList<>();
    final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "campus-lab-test");
        t.setDaemon(true);
        return t;
    });
    LabViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        catalog = LabCatalog.scan(List.of(LabFixtures.write(Files.createDirectories(tmp.resolve("content")))));
        drafts = new Drafts(tmp.resolve("data"));
    }

    @AfterEach
    void tearDown() {
        if (vm != null) {
            vm.close();
            vm.awaitIdle();
        }
        drafts.close();
        pool.shutdownNow();
    }

    private LabViewModel model(String labId, LabViewModel.Opener opener) {
        return new LabViewModel(catalog.find(labId).orElseThrow(), opener, pool, ui::add, drafts);
    }

    private LabSession open(campus.labs.Lab lab) throws LabSession.LabUnavailableException {
        return LabSession.open(lab, catalog.datasets(), SandboxLimits.DEFAULT, events::add);
    }

    /** Runs what the workers handed to the UI thread until {@code done} holds. */
    private void runUiUntil(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            Runnable r = ui.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            } else if (System.nanoTime() > end) {
                fail("timed out");
            }
        }
    }

    /** Lets every queued piece of work finish, running what it hands to the UI thread (which may queue more). */
    private void settle() {
        while (true) {
            vm.awaitIdle();
            Runnable r = ui.poll();
            if (r == null) {
                return;
            }
            r.run();
        }
    }

    private static void collectGarbage() throws InterruptedException {
        WeakReference<Object> probe = new WeakReference<>(new Object());
        for (int i = 0; i < 100 && probe.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(probe.get(), "a garbage collection ran");
    }

    /** The pane listens to the hints and the schema once; a garbage collection must not end that. */
    @Test
    void listenersOnTheHintsAndTheSchemaStillHearAfterAGarbageCollection() throws Exception {
        vm = model("cheap", this::open);
        List<String> heard = new ArrayList<>();
        vm.hints().addListener((ListChangeListener<Text>) c -> heard.add("hints"));
        vm.schema().addListener((ListChangeListener<SchemaTable>) c -> heard.add("schema"));
        collectGarbage();
        vm.nextHint();
        settle();
        assertEquals(List.of("schema", "hints"), heard);
    }
}
