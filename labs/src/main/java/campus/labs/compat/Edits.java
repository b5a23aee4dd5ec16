package campus.labs.compat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements in a statement's text, applied at once, and the way back: an offset in the rewritten text (where the
 * engine reports an error) as an offset in the text the learner wrote.
 */
final class Edits {

    /** Replace {@code [start, end)} of the original by {@code text}; {@code start == end} inserts. */
    record Edit(int start, int end, String text) {
    }

    private final List<Edit> edits = new ArrayList<>();

    void replace(int start, int end, String text) {
        edits.add(new Edit(start, end, text));
    }

    void insert(int at, String text) {
        edits.add(new Edit(at, at, text));
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    /** Edits in order; insertions at one place keep the order they were made in. Overlapping replacements are dropped. */
    private List<Edit> ordered() {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(e -> e.end() - e.start()));
        List<Edit> out = new ArrayList<>();
        int reached = 0;
        for (Edit e : sorted) {
            if (e.start() >= reached) {
                out.add(e);
                reached = Math.max(reached, e.end());
            }
        }
        return out;
    }

    String apply(String original) {
        StringBuilder sb = new StringBuilder(original.length() + 64);
        int at = 0;
        for (Edit e : ordered()) {
            sb.append(original, at, e.start()).append(e.text());
            at = e.end();
        }
        return sb.append(original, at, original.length()).toString();
    }

    /** The original offset of {@code rewritten}: inside an edit's text, the start of what it replaced. */
    int originalOffset(int rewritten) {
        int shift = 0;
        for (Edit e : ordered()) {
            int newStart = e.start() + shift;
            int newEnd = newStart + e.text().length();
            if (rewritten < newStart) {
                break;
            }
            if (rewritten < newEnd) {
                return e.start();
            }
            shift += e.text().length() - (e.end() - e.start());
        }
        return Math.max(0, rewritten - shift);
    }
}
