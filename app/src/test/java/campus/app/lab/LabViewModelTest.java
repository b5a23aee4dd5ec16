package campus.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import campus.app.embed.Drafts;
import campus.i18n.Msg;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /** Opens the session once {@code gate} is let go. */
    private LabViewModel.Opener heldBack(CountDownLatch gate, LabViewModel.Opener then) {
        return lab -> {
            try {
                assertTrue(gate.await(20, TimeUnit.SECONDS), "the test let the opening go");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return then.open(lab);
        };
    }

    private String busyKey() {
        Msg busy = vm.busyProperty().get();
        return busy == null ? null : busy.key();
    }

    private String shownSql() {
        return vm.shownProperty().get().run().statements().get(0).sql().strip();
    }

    /** Runs what the workers handed to the UI thread until {@code done} holds. */
    private void runUiUntil(BooleanSupplier done) throws InterruptedException {
        runUiUntil(ui, done);
    }

    /** Runs what the workers handed to {@code ui} (a test thread playing the UI thread) until {@code done} holds. */
    static void runUiUntil(BlockingQueue<Runnable> ui, BooleanSupplier done) throws InterruptedException {
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

    /**
     * The first time a lab opens its dataset is generated into the data folder's cache: the pane hears what happens and
     * how far it has got (fractions handed over from the worker), and nothing once it is open. The second time it is a
     * copy of the saved database.
     */
    @Test
    void theDatasetsProgressReachesThePaneWhileItOpens() throws Exception {
        campus.labs.sandbox.DatasetCache cache = campus.labs.sandbox.DatasetCache.in(tmp.resolve("data/cache/datasets"));
        List<LabViewModel.Loading> seen = new ArrayList<>();
        LabViewModel.Opener opener = new LabViewModel.Opener() {
            @Override
            public LabSession open(campus.labs.Lab lab) {
                throw new AssertionError("the view model asks with a progress listener");
            }

            @Override
            public LabSession open(campus.labs.Lab lab, campus.labs.dataset.LoadProgress progress)
                    throws LabSession.LabUnavailableException {
                return LabSession.open(lab, catalog.datasets(), cache, SandboxLimits.DEFAULT, events::add, progress);
            }
        };
        vm = model("cheap", opener);
        vm.loadingProperty().addListener((o, was, now) -> {
            if (now != null) {
                seen.add(now);
            }
        });
        vm.prepare();
        runUiUntil(() -> vm.readyProperty().get());
        assertNull(vm.loadingProperty().get(), "nothing shown once open");
        assertFalse(seen.isEmpty());
        assertEquals("labs.load.generatingOnce", seen.get(0).what().key());
        assertTrue(seen.stream().allMatch(l -> l.fraction() == -1 || l.fraction() >= 0 && l.fraction() <= 1), seen.toString());
        assertNull(vm.datasetNoticeProperty().get());
        vm.close();
        vm.awaitIdle();

        seen.clear();
        vm = model("cheap", opener);
        vm.loadingProperty().addListener((o, was, now) -> {
            if (now != null) {
                seen.add(now);
            }
        });
        vm.prepare();
        runUiUntil(() -> vm.readyProperty().get());
        assertTrue(seen.stream().allMatch(l -> l.what().key().equals("labs.load.opening")), seen.toString());
    }

    /**
     * The learner clicks into the editor (the session starts opening) and presses Run and Hint at once: the buttons
     * are not disabled meanwhile, the busy line says the presses wait, and both are carried out once it is open.
     */
    @Test
    void pressesWhileTheSessionOpensAreCarriedOutOnceItIsOpen() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        vm = model("cheap", heldBack(gate, this::open));
        vm.prepare(); // the editor got the focus
        assertEquals("app.lab.preparing", busyKey());
        assertFalse(vm.workingProperty().get(), "the buttons are enabled while the session opens");

        vm.run("SELECT 1 AS one", 0);
        vm.nextHint();
        assertEquals("app.lab.preparingThen", busyKey(), "the busy line says the presses wait");
        assertFalse(vm.workingProperty().get(), "still enabled: the presses only wait");
        assertNull(vm.shownProperty().get());
        assertEquals(List.of(), vm.hints());

        gate.countDown();
        runUiUntil(() -> vm.readyProperty().get());
        assertTrue(vm.workingProperty().get(), "the waiting run started as soon as the session was open");
        settle();
        assertEquals("SELECT 1 AS one", shownSql());
        assertEquals(1, vm.hints().size());
        assertEquals("Start from books.", vm.hints().get(0).en());
        assertNull(busyKey());
        assertFalse(vm.workingProperty().get());
    }

    /** A press made before the focus opened the session opens it, and waits for it, the same way. */
    @Test
    void aCheckPressedBeforeTheSessionOpensOpensItAndIsRecordedOnceItIs() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        vm = model("cheap", heldBack(gate, this::open));
        vm.setText(LabFixtures.QUERY);
        vm.check();
        assertEquals("app.lab.preparingThen", busyKey());
        assertFalse(vm.workingProperty().get());
        gate.countDown();
        settle();
        assertTrue(vm.verdictProperty().get().passed());
        assertEquals(1, events.size());
        assertEquals(LearningEvent.LAB_ATTEMPT, events.get(0).kind());
    }

    /**
     * Pressed again while the session opens, an action waits once, at the place of its last press: Run runs the
     * text of the last press, two presses of Check record one attempt, two of Hint reveal one hint.
     */
    @Test
    void aRepeatedPressWhileTheSessionOpensWaitsOnceAsPressedLast() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        vm = model("cheap", heldBack(gate, this::open));
        List<String> shown = new ArrayList<>();
        vm.shownProperty().addListener((o, was, now) -> shown.add(now.run().statements().get(0).sql().strip()));
        vm.prepare();
        vm.run("SELECT 1 AS first", 0);
        vm.check();
        vm.nextHint();
        vm.check();
        vm.nextHint();
        vm.run("SELECT 2 AS last", 0);
        gate.countDown();
        settle();
        assertEquals(List.of(vm.lab().starter().strip(), "SELECT 2 AS last"), shown,
                "the check (its verdict shows its run), then the last run");
        assertEquals(1, events.size(), "one attempt recorded");
        assertEquals(1, vm.hints().size(), "one hint revealed");
        assertTrue(vm.hintsLeftProperty().get());
    }

    /** When the session cannot open, what was pressed meanwhile is dropped and the view model says why. */
    @Test
    void aSessionThatCannotOpenDropsTheWaitingPresses() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Msg why = Msg.of("app.lab.failed", "no dataset");
        vm = model("cheap", heldBack(gate, lab -> {
            throw new LabSession.LabUnavailableException(why);
        }));
        vm.prepare();
        vm.run("SELECT 1", 0);
        vm.check();
        vm.nextHint();
        gate.countDown();
        settle();
        assertEquals(why, vm.unavailableProperty().get());
        assertNull(vm.busyProperty().get());
        assertFalse(vm.workingProperty().get());
        assertFalse(vm.readyProperty().get());
        assertNull(vm.shownProperty().get());
        assertNull(vm.verdictProperty().get());
        assertEquals(List.of(), vm.hints());
        assertEquals(List.of(), events);

        vm.run("SELECT 1", 0); // a press after that does nothing either
        settle();
        assertNull(vm.busyProperty().get());
        assertNull(vm.shownProperty().get());
    }

    /** Once open, the session working on a press disables the buttons until it is done. */
    @Test
    void theButtonsWaitWhileTheOpenSessionWorks() throws Exception {
        vm = model("cheap", this::open);
        vm.prepare();
        settle();
        assertFalse(vm.workingProperty().get());
        vm.run("SELECT 1", 0);
        assertTrue(vm.workingProperty().get());
        assertEquals("app.lab.running", busyKey());
        settle();
        assertFalse(vm.workingProperty().get());
        assertEquals("SELECT 1", shownSql());
    }

    /** Hints run out: no hint is left after the last one, and another press reveals nothing. */
    @Test
    void noHintIsLeftAfterTheLastOne() throws Exception {
        vm = model("cheap", this::open);
        assertTrue(vm.hintsLeftProperty().get());
        vm.nextHint();
        settle();
        assertTrue(vm.hintsLeftProperty().get());
        vm.nextHint();
        settle();
        assertFalse(vm.hintsLeftProperty().get());
        vm.nextHint();
        settle();
        assertEquals(2, vm.hints().size());
        assertFalse(vm.hintsLeftProperty().get());
    }

    /**
     * After Check in a state lab the verdict shows while the dataset is put back; what the learner presses then is not
     * lost: the buttons stay enabled, the busy line says the presses wait, and they are carried out in press order once
     * the dataset is back. (The fixture's dataset is back in a moment, so the test says when it is still being put back;
     * the test's thread is the UI thread, so the presses land before the view model hears that it is back.)
     */
    @Test
    void pressesWhileTheDatasetIsPutBackAreCarriedOutOnceItIsBack() throws Exception {
        AtomicBoolean puttingBack = new AtomicBoolean();
        vm = model("reprice", this::open).withPutBack(s -> puttingBack.getAndSet(false));
        List<String> shown = new ArrayList<>();
        vm.shownProperty().addListener((o, was, now) -> shown.add((now.explain() ? "plan " : "")
                + now.run().statements().get(0).sql().strip()));
        vm.prepare();
        settle();
        vm.setText("UPDATE books SET price = price * 1.10 WHERE genre = 'poetry'");
        puttingBack.set(true);
        vm.check();
        assertEquals("app.lab.checking", busyKey());
        runUiUntil(() -> vm.verdictProperty().get() != null);
        assertTrue(vm.verdictProperty().get().passed());
        assertEquals("app.lab.restoring", busyKey(), "the verdict shows while the dataset is put back");
        assertFalse(vm.workingProperty().get(), "the buttons take presses meanwhile");

        vm.run("SELECT COUNT(*) AS n FROM books", 0);
        vm.explain("SELECT title FROM books", 0);
        assertEquals("app.lab.restoringThen", busyKey(), "the busy line says the presses wait");
        assertFalse(vm.workingProperty().get());
        assertEquals(1, shown.size(), "nothing ran yet");

        settle();
        assertEquals(List.of("UPDATE books SET price = price * 1.10 WHERE genre = 'poetry'",
                "SELECT COUNT(*) AS n FROM books", "plan SELECT title FROM books"), shown);
        assertNull(busyKey());
        assertFalse(vm.workingProperty().get());
        assertEquals(1, events.size(), "one attempt recorded");
    }

    /** Fetching a hint or the solution from an open session says so, not that the dataset is being prepared. */
    @Test
    void theBusyLineSaysAHintOrTheSolutionIsFetched() throws Exception {
        vm = model("cheap", this::open);
        vm.prepare();
        settle();
        vm.nextHint();
        assertEquals("app.lab.hinting", busyKey());
        settle();
        vm.revealSolution();
        assertEquals("app.lab.revealing", busyKey());
        settle();
        assertNull(busyKey());
        assertEquals(LabFixtures.QUERY + ";", vm.solutionProperty().get().strip());
    }
}
