package campus.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import campus.app.state.AppState;
import campus.app.state.StateStore;
import campus.courses.ContentRoot;
import campus.courses.Course;
import campus.i18n.Lang;
import campus.i18n.Problem;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model without a toolkit: background work is queued and run by hand. */
class ShellViewModelTest {

    @TempDir
    Path content;
    @TempDir
    Path data;

    private final List<Runnable> queue = new ArrayList<>();

    private ShellViewModel vm() throws Exception {
        TestContent.goodCourse(content);
        ShellViewModel vm = new ShellViewModel(new StateStore(data), List.of(ContentRoot.folder(content)),
                AppState.defaults(), queue::add, Runnable::run, Runnable::run);
        vm.start();
        runAll();
        return vm;
    }

    private void runAll() {
        while (!queue.isEmpty()) {
            queue.remove(0).run();
        }
    }

    @Test
    void startOpensTheFirstLessonOfTheFirstCourse() throws Exception {
        ShellViewModel vm = vm();
        assertEquals("01-one", vm.lessonProperty().get().lesson().slug());
        assertEquals(false, vm.loadingProperty().get());
    }

    @Test
    void aLessonThatArrivesAfterTheLearnerMovedOnIsDropped() throws Exception {
        ShellViewModel vm = vm();
        Course c = vm.courses().get(0);
        vm.openLesson(c, "02-two", "");
        vm.openLesson(c, "03-three", "");
        assertEquals(true, vm.loadingProperty().get());
        Runnable slow = queue.remove(0);
        queue.remove(0).run();
        slow.run();
        assertEquals("03-three", vm.lessonProperty().get().lesson().slug());
        assertEquals(false, vm.loadingProperty().get());
    }

    @Test
    void switchingLanguageReloadsTheLessonAtTheSameBlock() throws Exception {
        ShellViewModel vm = vm();
        vm.setReadingBlock(12);
        vm.toggleLang();
        runAll();
        assertEquals(Lang.ZH, vm.lessonProperty().get().lesson().shownIn());
        assertEquals(12, vm.lessonProperty().get().restoreBlock());
    }

    @Test
    void nextAndPreviousStopAtTheEnds() throws Exception {
        ShellViewModel vm = vm();
        assertEquals(false, vm.hasPreviousProperty().get());
        vm.next();
        runAll();
        vm.next();
        runAll();
        assertEquals("03-three", vm.lessonProperty().get().lesson().slug());
        assertEquals(false, vm.hasNextProperty().get());
        vm.previous();
        runAll();
        assertEquals("02-two", vm.lessonProperty().get().lesson().slug());
    }

    @Test
    void zoomStepsAndStaysInRange() throws Exception {
        ShellViewModel vm = vm();
        vm.zoomIn();
        assertEquals(110, vm.zoomProperty().get());
        for (int i = 0; i < 20; i++) {
            vm.zoomOut();
        }
        assertEquals(70, vm.zoomProperty().get());
        vm.zoomReset();
        assertEquals(100, vm.zoomProperty().get());
    }

    @Test
    void stateIsWrittenWhenTheLearnerMoves() throws Exception {
        ShellViewModel vm = vm();
        vm.next();
        runAll();
        vm.toggleDark();
        AppState saved = new StateStore(data).load();
        assertEquals("good", saved.course());
        assertEquals("02-two", saved.lesson());
        assertEquals(true, saved.dark());
    }

    /**
     * The window listens to the courses and the problems once (the status line, the problems button's marking): a
     * garbage collection must not end that.
     */
    @Test
    void listenersOnTheCoursesAndTheProblemsStillHearAfterAGarbageCollection() throws Exception {
        ShellViewModel vm = vm();
        List<String> heard = new ArrayList<>();
        vm.courses().addListener((ListChangeListener<Course>) c -> heard.add("courses"));
        vm.problems().addListener((ListChangeListener<Problem>) c -> heard.add("problems"));
        WeakReference<Object> probe = new WeakReference<>(new Object());
        for (int i = 0; i < 100 && probe.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(probe.get(), "a garbage collection ran");
        TestContent.course(content, "more", "\"lessons\": [\"01-one\"]");
        TestContent.lesson(content.resolve("more/01-one"), "en", "More", "More");
        TestContent.lesson(content.resolve("more/01-one"), "zh", "更多", "更多");
        Files.writeString(Files.createDirectories(content.resolve("bad-json")).resolve("course.json"), "{ \"id\": ");
        vm.reload();
        runAll();
        assertEquals(2, vm.courses().size());
        assertEquals(false, vm.problems().isEmpty());
        assertEquals(List.of("courses", "problems"), heard.stream().distinct().toList());
    }
}
