package campus.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.app.LaunchOptions;
import campus.app.Preload;
import campus.app.theme.MdStyles;
import campus.courses.Course;
import campus.courses.LessonInfo;
import campus.i18n.Lang;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every shipped lesson in English and in Chinese in the real window and saves what a learner sees, for
 * reading the courses as a learner does before a release. Off unless asked for:
 * <pre>
 * mvn -o -pl app -am test -Dtest=LessonScreenshots -Dcampus.screenshots=/tmp/lessons -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Writes {@code <course>/<lesson>.<lang>.<n>.png} (the whole lesson page cut into screen-sized slices; labs and quizzes
 * as the learner first sees them) and {@code report.txt}: per lesson, what the renderer could not show (an image that
 * is missing, a quiz or lab that did not open, Markdown left as text, a block wider than the column) and, for Chinese,
 * the English words in its text outside code. The test fails if any lesson has one of those rendering problems.
 */
@EnabledIfSystemProperty(named = "campus.screenshots", matches = ".+")
class LessonScreenshots {

    /** Markdown that should never reach the reader as text. */
    private static final Pattern RAW_MARKDOWN = Pattern.compile(
            "`|\\*\\*|(?<![\\w*])\\*\\S[^*]*\\S\\*(?![\\w*])|\\]\\(|\\[\\^|^\\s*- \\[[ xX]\\]|\\|\\s*-{3}|```|^#{1,6} |!\\[|:::");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z'-]{2,}");
    private static final int SLICE = 1400;

    @TempDir
    Path data;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everyShippedLessonInBothLanguages() throws Exception {
        Path out = Path.of(System.getProperty("campus.screenshots")).toAbsolutePath();
        Files.createDirectories(out);
        String only = System.getProperty("campus.screenshots.course", "");
        Preload preload = Preload.start(new LaunchOptions(List.of(), Optional.of(Lang.EN), Optional.of(data)));
        CampusWindow[] window = new CampusWindow[1];
        Stage[] stage = new Stage[1];
        fx(() -> {
            stage[0] = new Stage();
            window[0] = campus.app.CampusParts.open(stage[0], preload, url -> { });
            stage[0].setWidth(1280);
            stage[0].setHeight(900);
            return null;
        });
        ShellViewModel vm = window[0].viewModel();
        waitFor(30, () -> vm.lessonProperty().get() != null && !vm.loadingProperty().get() && window[0].view().isComplete());
        List<String> report = new ArrayList<>();
        int problems = 0;
        List<Course> courses = fx(() -> List.copyOf(vm.courses()));
        for (Course c : courses) {
            if (!only.isEmpty() && !c.id().equals(only)) {
                continue;
            }
            Files.createDirectories(out.resolve(c.id()));
            for (LessonInfo l : c.lessons()) {
                for (Lang lang : List.of(Lang.EN, Lang.ZH)) {
                    fx(() -> {
                        vm.setLang(lang);
                        vm.openLesson(c, l.slug(), null);
                        return null;
                    });
                    waitFor(30, () -> vm.lessonProperty().get() != null && !vm.loadingProperty().get()
                            && vm.lessonProperty().get().lesson().slug().equals(l.slug())
                            && vm.lessonProperty().get().lesson().course().id().equals(c.id())
                            && window[0].view().lessonPane().rendered() != null
                            && window[0].view().lessonPane().rendered().isComplete());
                    LessonPane pane = window[0].view().lessonPane();
                    // labs open their dataset in the background: wait until each shows its editor or its problem
                    waitFor(60, () -> all(pane.rendered().root()).stream()
                            .filter(n -> n instanceof campus.app.lab.LabPane)
                            .allMatch(n -> n.lookup("#lab-editor") != null || n.lookup("#lab-problem") != null));
                    // and images arrive in the background too
                    waitFor(60, () -> all(pane.rendered().root()).stream()
                            .filter(n -> n instanceof javafx.scene.image.ImageView)
                            .map(n -> ((javafx.scene.image.ImageView) n).getImage())
                            .allMatch(i -> i == null || i.isError() || i.getProgress() >= 1));
                    WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
                    WaitForAsyncUtils.waitForFxEvents();
                    List<String> found = fx(() -> inspect(pane, lang));
                    String name = c.id() + "/" + l.slug() + "." + lang.code();
                    int slices = fx(() -> save(pane, out.resolve(c.id()), l.slug() + "." + lang.code()));
                    report.add(name + " (" + slices + " screens)");
                    for (String f : found) {
                        report.add("  " + f);
                        if (!f.startsWith("english words:")) {
                            problems++;
                        }
                    }
                }
            }
        }
        Files.write(out.resolve("report.txt"), report, StandardCharsets.UTF_8);
        fx(() -> {
            stage[0].close();
            return null;
        });
        assertEquals(0, problems, "rendering problems, see " + out.resolve("report.txt"));
    }

    /** What the learner would see wrong in the lesson as rendered. */
    private static List<String> inspect(LessonPane pane, Lang lang) {
        List<String> found = new ArrayList<>();
        Node root = pane.rendered().root();
        Parent page = (Parent) pane.scrollPane().getContent();
        double width = page.getLayoutBounds().getWidth();
        StringBuilder latin = new StringBuilder();
        for (Node n : all(root)) {
            List<String> style = n.getStyleClass();
            if (style.contains(MdStyles.IMAGE_MISSING)) {
                found.add("image missing: " + ShellTest.textOf(n));
            }
            if (style.contains(MdStyles.LINK_BROKEN)) {
                found.add("broken link: " + ShellTest.textOf(n));
            }
            if (style.contains(MdStyles.RAW_HTML)) {
                found.add("raw html: " + ShellTest.textOf(n));
            }
            if (style.contains("quiz-missing") || "lab-problem".equals(n.getId())) {
                found.add("embed failed: " + ShellTest.textOf(n));
            }
            if (style.contains(MdStyles.TABLE) || style.contains(MdStyles.IMAGE)
                    || n instanceof campus.app.lab.LabPane) {
                Bounds b = page.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                if (b.getMaxX() > width + 1) {
                    found.add("wider than the page (" + Math.round(b.getWidth()) + " > " + Math.round(width) + "): "
                            + abbreviate(ShellTest.textOf(n)));
                }
            }
            if (n instanceof javafx.scene.text.Text t && !insideCode(t)) {
                Matcher m = RAW_MARKDOWN.matcher(t.getText());
                if (m.find()) {
                    found.add("markdown as text: " + abbreviate(t.getText()));
                }
                if (lang == Lang.ZH && !insideLab(t)) {
                    Matcher w = LATIN_WORD.matcher(t.getText());
                    while (w.find()) {
                        latin.append(latin.length() == 0 ? "" : " ").append(w.group());
                    }
                }
            }
        }
        if (latin.length() > 0) {
            found.add("english words: " + latin);
        }
        return found;
    }

    private static boolean insideCode(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            List<String> s = p.getStyleClass();
            if (s.contains(MdStyles.CODE_INLINE) || s.stream().anyMatch(x -> x.contains("code"))
                    || p instanceof org.fxmisc.richtext.GenericStyledArea<?, ?, ?>) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideLab(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof campus.app.lab.LabPane || p.getStyleClass().stream().anyMatch(s -> s.startsWith("lab-"))) {
                return true;
            }
        }
        return false;
    }

    /** Saves the whole page in slices of about a screen, and returns how many. */
    private static int save(LessonPane pane, Path dir, String base) {
        Node page = pane.scrollPane().getContent();
        WritableImage img = page.snapshot(new SnapshotParameters(), null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        PixelReader px = img.getPixelReader();
        int n = 0;
        for (int top = 0; top < h; top += SLICE) {
            int sh = Math.min(SLICE, h - top);
            BufferedImage b = new BufferedImage(w, sh, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < sh; y++) {
                for (int x = 0; x < w; x++) {
                    b.setRGB(x, y, px.getArgb(x, top + y));
                }
            }
            n++;
            try {
                ImageIO.write(b, "png", dir.resolve(base + "." + n + ".png").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return n;
    }

    private static List<Node> all(Node root) {
        List<Node> out = new ArrayList<>();
        ArrayDeque<Node> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node x = todo.pop();
            out.add(x);
            if (x instanceof Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 100 ? one.substring(0, 100) + "…" : one;
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
