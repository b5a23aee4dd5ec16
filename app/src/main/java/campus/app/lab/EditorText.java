package campus.app.lab;

import campus.app.embed.Drafts;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A lab's editor text as the learner left it: the lab's starter until the learner types or a saved draft
 * is read (once, on a worker), and every edit saved as a draft ({@link Drafts} debounces the writes).
 */
final class EditorText {

    private final String labId;
    private final Drafts drafts;
    private final Executor pool;
    private final Executor ui;
    private String text;
    private boolean draftAsked;
    private final BooleanProperty draftLoaded = new SimpleBooleanProperty();

    EditorText(String labId, String starter, Drafts drafts, Executor pool, Executor ui) {
        this.labId = labId;
        this.text = starter;
        this.drafts = drafts;
        this.pool = pool;
        this.ui = ui;
    }

    String get() {
        return text;
    }

    /** The learner edited the text: kept here and saved as a draft. */
    void set(String now) {
        if (!now.equals(text)) {
            text = now;
            drafts.save(labId, now);
        }
    }

    /** Reads the saved draft once, on a worker; {@code apply} gets it on the UI thread if there is one. */
    void loadDraft(Consumer<String> apply) {
        if (draftAsked) {
            return;
        }
        draftAsked = true;
        String before = text;
        CompletableFuture.supplyAsync(() -> drafts.load(labId), pool).thenAcceptAsync(d -> {
            if (d.isPresent() && text.equals(before)) {
                text = d.get();
                apply.accept(text);
            }
            draftLoaded.set(true);
        }, ui);
    }

    ReadOnlyBooleanProperty draftLoadedProperty() {
        return draftLoaded;
    }
}
