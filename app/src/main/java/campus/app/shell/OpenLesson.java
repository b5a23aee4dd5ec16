package campus.app.shell;

import campus.courses.LoadedLesson;
import java.util.Set;

/** A lesson ready to render, with where to put the reader: a block index, or a heading anchor. */
public record OpenLesson(LoadedLesson lesson, int restoreBlock, String anchor, Set<String> images) {

    /**
     * Each opening is its own event, so identity: the lesson property's listeners compare old and
     * new values with {@code equals}, and a record's would walk the whole document on every open
     * (and, the first time, build its method-handle tree on the UI thread during start-up).
     */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
