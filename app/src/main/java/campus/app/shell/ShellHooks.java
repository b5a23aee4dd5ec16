package campus.app.shell;

import campus.app.embed.LessonEmbeds;
import campus.app.render.RenderHooks;
import campus.app.theme.ShellStyles;
import campus.courses.Course;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;

/**
 * What the shell gives the renderer for one lesson: navigation, the browser, images already checked
 * on the loading thread, and stand-ins for labs and quizzes when a window has none wired in (tests).
 */
final class ShellHooks implements RenderHooks {

    private final ShellViewModel vm;
    private final LessonPane pane;
    private final Consumer<String> browser;
    private final Tr tr;
    private final Course course;
    private final Set<String> images;

    ShellHooks(ShellViewModel vm, LessonPane pane, Consumer<String> browser, Tr tr, Course course, Set<String> images) {
        this.vm = vm;
        this.pane = pane;
        this.browser = browser;
        this.tr = tr;
        this.course = course;
        this.images = images;
    }

    @Override
    public void openLesson(String slug, String anchor) {
        vm.openLinkedLesson(slug, anchor);
    }

    @Override
    public void scrollToAnchor(String anchor) {
        pane.scrollToAnchor(anchor);
    }

    @Override
    public void openWeb(String url) {
        browser.accept(url);
    }

    @Override
    public Node labPane(String labId) {
        // the library changes on every reload: then the labs are read again
        return embed(LessonEmbeds.LAB, labId).orElseGet(() -> card(tr.get("app.embed.lab", labId), tr.get("app.embed.labLater")));
    }

    @Override
    public Node quizPane(String quizId) {
        return embed(LessonEmbeds.QUIZ, quizId).orElseGet(() -> card(tr.get("app.embed.quiz", quizId), tr.get("app.embed.quizLater")));
    }

    private Optional<Node> embed(String kind, String id) {
        LessonEmbeds embeds = pane.embeds();
        return embeds == null ? Optional.empty() : embeds.pane(kind, id, tr.lang(), vm.libraryProperty().get());
    }

    private static Node card(String title, String text) {
        Label t = new Label(title);
        t.getStyleClass().add(ShellStyles.EMBED_TITLE);
        Label body = new Label(text);
        body.setWrapText(true);
        VBox box = new VBox(6, t, body);
        box.getStyleClass().add(ShellStyles.EMBED_CARD);
        return box;
    }

    @Override
    public Optional<Image> image(String coursePath) {
        if (!images.contains(coursePath)) {
            return Optional.empty();
        }
        Path p = course.dir().resolve(coursePath);
        return Optional.of(new Image(p.toUri().toString(), true));
    }
}
