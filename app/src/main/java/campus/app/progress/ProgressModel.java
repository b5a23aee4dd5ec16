package campus.app.progress;

import campus.progress.derived.ProgressSnapshot;
import campus.progress.derived.Syllabus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Derived progress as the screens see it: the latest snapshot (computed off the UI thread by the tracker) and the
 * syllabus it is measured against (built off the UI thread from the content). Both are set on the UI thread; the
 * questions asked here are small lookups, cheap enough for a list cell.
 */
public final class ProgressModel {

    private final ObjectProperty<ProgressSnapshot> snapshot = new SimpleObjectProperty<>(ProgressSnapshot.EMPTY);
    private final ObjectProperty<Syllabus> syllabus = new SimpleObjectProperty<>(new Syllabus(List.of(), Map.of()));

    public ReadOnlyObjectProperty<ProgressSnapshot> snapshotProperty() {
        return snapshot;
    }

    public ReadOnlyObjectProperty<Syllabus> syllabusProperty() {
        return syllabus;
    }

    /** UI thread only. */
    public void setSnapshot(ProgressSnapshot s) {
        snapshot.set(s);
    }

    /** UI thread only. */
    public void setSyllabus(Syllabus s) {
        syllabus.set(s);
    }

    public ProgressSnapshot snapshot() {
        return snapshot.get();
    }

    public Syllabus syllabus() {
        return syllabus.get();
    }

    /** The course's percentage, once its syllabus is known. */
    public Optional<Integer> percent(String courseId) {
        return syllabus.get().course(courseId).map(c -> snapshot.get().percent(c));
    }

    public boolean lessonDone(String courseId, String slug) {
        return syllabus.get().course(courseId)
                .flatMap(c -> c.lessons().stream().filter(l -> l.slug().equals(slug)).findFirst())
                .map(l -> snapshot.get().lessonDone(courseId, l))
                .orElse(false);
    }
}
