package campus.app.render;

import atlantafx.base.theme.PrimerLight;
import campus.courses.doc.LessonContext;
import campus.courses.doc.LessonParser;
import campus.i18n.Lang;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Renders Markdown on the FX thread (headless Monocle) and records what the hooks were asked. */
final class LessonFixture implements RenderHooks {

    final List<String> calls = new ArrayList<>();
    final Map<String, Image> images = new HashMap<>();
    RenderedLesson lesson;
    Scene scene;

    private static boolean started;

    /** Not a static initialiser: the FX thread would wait on this class's initialisation, a deadlock. */
    private static synchronized void start() throws Exception {
        if (!started) {
            started = true;
            FxToolkit.registerPrimaryStage();
            WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet())).get();
        }
    }

    static <T> T onFx(Callable<T> work) {
        try {
            start();
            return WaitForAsyncUtils.asyncFx(work).get();
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
        }
    }

    static void runFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    static LessonFixture render(String markdown) {
        return render(markdown, Lang.EN);
    }

    static LessonFixture render(String markdown, Lang lang) {
        return renderInto(new LessonFixture(), markdown, lang);
    }

    static LessonFixture renderInto(LessonFixture f, String markdown, Lang lang) {
        onFx(() -> {
            f.lesson = MarkdownRenderer.render(LessonParser.parse(markdown, LessonContext.standalone("t.md")), f, lang);
            // Like the shell: the lesson inside a container on a scene root whose font size is the zoom.
            javafx.scene.layout.StackPane sceneRoot = new javafx.scene.layout.StackPane(f.lesson.root());
            sceneRoot.setStyle("-fx-font-size: 20px;");
            f.scene = new Scene(sceneRoot, 900, 700);
            f.scene.getStylesheets().add(MarkdownRenderer.STYLESHEET);
            sceneRoot.applyCss();
            sceneRoot.layout();
            return null;
        });
        return f;
    }

    List<Node> all(String styleClass) {
        return onFx(() -> new ArrayList<>(lesson.root().lookupAll("." + styleClass)));
    }

    Node one(String styleClass) {
        List<Node> nodes = all(styleClass);
        if (nodes.size() != 1) {
            throw new AssertionError("expected one ." + styleClass + " but found " + nodes.size());
        }
        return nodes.get(0);
    }

    /** The text of a flow's Text runs, as laid out (not its copy text). */
    static String text(Node flowOrText) {
        if (flowOrText instanceof Text t) {
            return t.getText();
        }
        if (flowOrText instanceof Label l) {
            return l.getText();
        }
        return ((TextFlow) flowOrText).getChildren().stream().filter(Text.class::isInstance)
                .map(n -> ((Text) n).getText()).collect(Collectors.joining());
    }

    @Override
    public void openLesson(String slug, String anchor) {
        calls.add("lesson " + slug + "#" + anchor);
    }

    @Override
    public void scrollToAnchor(String anchor) {
        calls.add("anchor " + anchor);
    }

    @Override
    public void openWeb(String url) {
        calls.add("web " + url);
    }

    @Override
    public Node labPane(String labId) {
        calls.add("lab " + labId);
        return new Label("LAB " + labId);
    }

    @Override
    public Node quizPane(String quizId) {
        calls.add("quiz " + quizId);
        return new Label("QUIZ " + quizId);
    }

    @Override
    public Optional<Image> image(String coursePath) {
        calls.add("image " + coursePath);
        return Optional.ofNullable(images.get(coursePath));
    }
}
