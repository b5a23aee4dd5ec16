package campus.app.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.concurrent.DaemonThreads;
import campus.certification.grading.Grader;
import campus.i18n.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Group;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonEmbedsTest {

    private final List<String> log = new ArrayList<>();

    @TempDir
    Path tmp;

    private LessonEmbeds embeds() {
        return LessonEmbeds.create(new ContentScans(List::of, DaemonThreads.cached("test-scan")), tmp, e -> { }, Grader.withoutSql());
    }

    private Embedder recording(String kind, Node node, RuntimeException onClose) {
        return new Embedder() {
            @Override
            public Node pane(String id, Lang lang, Object generation) {
                log.add(kind + " " + id + " " + lang + " " + generation);
                return node;
            }

            @Override
            public void close() {
                log.add("close " + kind);
                if (onClose != null) {
                    throw onClose;
                }
            }
        };
    }

    @Test
    void eachKindGoesToItsEmbedderAndAnUnknownKindToNone() {
        Node lab = new Group();
        Node quiz = new Group();
        LessonEmbeds embeds = embeds()
                .with(LessonEmbeds.LAB, recording("lab", lab, null))
                .with(LessonEmbeds.QUIZ, recording("quiz", quiz, null));
        assertSame(lab, embeds.pane(LessonEmbeds.LAB, "l1", Lang.ZH, "g1").orElseThrow());
        assertSame(quiz, embeds.pane(LessonEmbeds.QUIZ, "q1", Lang.EN, "g2").orElseThrow());
        assertTrue(embeds.pane("video", "v1", Lang.EN, "g2").isEmpty());
        assertEquals(List.of("lab l1 ZH g1", "quiz q1 EN g2"), log);
    }

    @Test
    void aKindHasOneEmbedder() {
        LessonEmbeds embeds = embeds().with(LessonEmbeds.LAB, recording("lab", new Group(), null));
        assertThrows(IllegalStateException.class, () -> embeds.with(LessonEmbeds.LAB, recording("lab2", new Group(), null)));
    }

    /** Closing goes through every embedder in order, even past one that fails, then reports the failure. */
    @Test
    void closingClosesEveryEmbedderEvenAfterAFailure() {
        IllegalStateException broken = new IllegalStateException("lab broke");
        LessonEmbeds embeds = embeds()
                .with(LessonEmbeds.LAB, recording("lab", new Group(), broken))
                .with(LessonEmbeds.QUIZ, recording("quiz", new Group(), null));
        assertSame(broken, assertThrows(IllegalStateException.class, embeds::close));
        assertEquals(List.of("close lab", "close quiz"), log);
    }

    /**
     * The labs and the quizzes of a library are read from one walk of the content roots (each walk asks for the roots
     * once), the same walk the syllabus and the SQL grader's datasets get; a library loaded again walks them again, once.
     */
    @Test
    void oneWalkOfTheRootsServesEveryCatalogueOfALibrary() throws Exception {
        AtomicInteger walks = new AtomicInteger();
        LessonEmbeds embeds = LessonEmbeds.create(new ContentScans(() -> {
            walks.incrementAndGet();
            return List.of(tmp);
        }, DaemonThreads.cached("test-scan")), tmp, e -> { }, Grader.withoutSql());
        try {
            Object library = new Object();
            embeds.labs(library).get(30, TimeUnit.SECONDS);
            embeds.quizzes(library).get(30, TimeUnit.SECONDS);
            assertSame(embeds.scans().of(library).get(30, TimeUnit.SECONDS), embeds.scans().latest().get());
            assertEquals(1, walks.get(), "walks of the roots for one library");

            Object reloaded = new Object();
            embeds.quizzes(reloaded).get(30, TimeUnit.SECONDS);
            embeds.labs(reloaded).get(30, TimeUnit.SECONDS);
            assertEquals(2, walks.get(), "walks of the roots once the library is loaded again");
        } finally {
            embeds.close();
        }
    }
}
