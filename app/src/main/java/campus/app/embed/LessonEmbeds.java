package campus.app.embed;

import campus.i18n.Lang;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Node;

/**
 * The one host of everything a lesson embeds, made once per window by the app's composition root:
 * one {@link Embedder} per kind ({@code lab}, {@code quiz}, and whatever comes later). The shell asks it
 * for the node of an embed and closes it with the window; it never knows the kinds themselves.
 */
public final class LessonEmbeds implements AutoCloseable {

    public static final String LAB = "lab";
    public static final String QUIZ = "quiz";

    private final Map<String, Embedder> kinds = new LinkedHashMap<>();

    /** Embeds of {@code kind} are made by {@code embedder}; call while wiring, before any lesson renders. */
    public LessonEmbeds with(String kind, Embedder embedder) {
        if (kinds.putIfAbsent(Objects.requireNonNull(kind), Objects.requireNonNull(embedder)) != null) {
            throw new IllegalStateException("a second embedder for " + kind);
        }
        return this;
    }

    /** The node of embed {@code id} of {@code kind}; empty when no embedder of that kind is wired in. */
    public Optional<Node> pane(String kind, String id, Lang lang, Object generation) {
        Embedder e = kinds.get(kind);
        return e == null ? Optional.empty() : Optional.of(e.pane(id, lang, generation));
    }

    /** Closes every embedder, in the order they were added, each even when one before it failed. */
    @Override
    public void close() {
        List<RuntimeException> failed = new ArrayList<>();
        for (Embedder e : kinds.values()) {
            try {
                e.close();
            } catch (RuntimeException x) {
                failed.add(x);
            }
        }
        if (!failed.isEmpty()) {
            RuntimeException first = failed.get(0);
            failed.subList(1, failed.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
