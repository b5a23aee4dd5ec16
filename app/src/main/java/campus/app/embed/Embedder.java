package campus.app.embed;

import campus.i18n.Lang;
import javafx.scene.Node;

/**
 * One kind of thing a lesson embeds (a lab, a quiz): makes the node that stands in the lesson where
 * the author wrote {@code ```kind id```}. It keeps what the learner did with it for as long as the
 * app runs, so re-rendering a lesson (a language switch, a reload) keeps the work.
 */
public interface Embedder extends AutoCloseable {

    /**
     * The node for {@code id}, in {@code lang}. {@code generation} is anything that changes when the
     * content was reloaded (the shell passes its library): then the embedder reads its catalog again.
     * Called on the UI thread while a lesson renders; never waits on the disk.
     */
    Node pane(String id, Lang lang, Object generation);

    /** The window closes: stop the work and write what is pending. */
    @Override
    default void close() {
    }
}
