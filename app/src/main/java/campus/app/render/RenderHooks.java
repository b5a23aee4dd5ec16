package campus.app.render;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.image.Image;

/**
 * What the lesson renderer asks of the screen that shows it: where links go, what stands in for an
 * embedded lab or quiz, and how course images are loaded. The renderer itself never does I/O.
 */
public interface RenderHooks {

    /** A link to another lesson of the same course; {@code anchor} is empty for the top. */
    void openLesson(String slug, String anchor);

    /** A heading of the lesson on screen. */
    void scrollToAnchor(String anchor);

    /** A web address: the shell opens the system browser. */
    void openWeb(String url);

    /** The node that stands where a lesson embeds {@code ```lab id```}. */
    Node labPane(String labId);

    /** The node that stands where a lesson embeds {@code ```quiz id```}. */
    Node quizPane(String quizId);

    /**
     * An image of the course by its course-relative path; empty when it does not exist. The image
     * should load in the background ({@code new Image(url, true)}) so rendering never waits on disk.
     */
    Optional<Image> image(String coursePath);
}
