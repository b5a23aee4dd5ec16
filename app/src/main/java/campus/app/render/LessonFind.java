package campus.app.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.geometry.Bounds;
import javafx.scene.Node;

/**
 * Find in lesson: every match of a literal, case-insensitive query in the lesson's text blocks (paragraphs,
 * headings, list items, table cells, code), highlighted, with one current match to step through. A match does
 * not run across two blocks, as in a browser. Labs and quizzes embedded in a lesson have their own text and are
 * not searched.
 */
public final class LessonFind {

    /** Beyond this many matches the rest are counted but not highlighted (a one-letter query in a long lesson). */
    static final int MAX_MARKED = 2_000;

    private record Match(SelectableFlow flow, int from, int to) { }

    private final List<SelectableFlow> flows;
    private final List<Match> matches = new ArrayList<>();
    private String query = "";
    private int current = -1;

    LessonFind(List<SelectableFlow> flows) {
        this.flows = flows;
    }

    /**
     * Finds {@code text} and highlights every match; the current match becomes the first one whose top is at or
     * below {@code fromY}, measured by {@code yOf} (a node's top in the caller's coordinates), else the first.
     *
     * @return the number of matches
     */
    public int search(String text, ToDoubleFunction<Node> yOf, double fromY) {
        clear();
        query = text == null ? "" : text;
        if (query.isBlank()) {
            return 0;
        }
        String needle = fold(query);
        for (SelectableFlow flow : flows) {
            String hay = fold(flow.layoutText());
            List<Integer> ranges = new ArrayList<>();
            for (int at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length())) {
                matches.add(new Match(flow, at, at + needle.length()));
                if (matches.size() <= MAX_MARKED) {
                    ranges.add(at);
                    ranges.add(at + needle.length());
                }
            }
            if (!ranges.isEmpty()) {
                flow.markMatches(ranges.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        if (!matches.isEmpty()) {
            select(firstAtOrBelow(yOf, fromY));
        }
        return matches.size();
    }

    /**
     * The first match whose top is at or below {@code fromY}, else 0. Blocks wholly above are skipped by their
     * bounds, so only the matches of one block are measured, however many matches the lesson has.
     */
    private int firstAtOrBelow(ToDoubleFunction<Node> yOf, double fromY) {
        int i = 0;
        while (i < matches.size()) {
            SelectableFlow flow = matches.get(i).flow();
            int end = i;
            while (end < matches.size() && matches.get(end).flow() == flow) {
                end++;
            }
            double top = yOf.applyAsDouble(flow);
            if (top + flow.getHeight() >= fromY - 1) {
                for (int k = i; k < end; k++) {
                    Match m = matches.get(k);
                    if (top + flow.rangeBounds(m.from(), m.to()).getMinY() >= fromY - 1) {
                        return k;
                    }
                }
            }
            i = end;
        }
        return 0;
    }

    /**
     * Case folding that keeps every index where it is, so a match in the folded text is the same range in the
     * flow's text: characters whose lower case has another length (rare, e.g. U+0130) are left as they are.
     */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char l = Character.toLowerCase(c);
            String ls = String.valueOf(c).toLowerCase(Locale.ROOT);
            b.append(ls.length() == 1 ? l : c);
        }
        return b.toString();
    }

    public String query() {
        return query;
    }

    public int count() {
        return matches.size();
    }

    /** The current match, 0-based, or -1 when there is none. */
    public int current() {
        return current;
    }

    public void next() {
        if (!matches.isEmpty()) {
            select((current + 1) % matches.size());
        }
    }

    public void previous() {
        if (!matches.isEmpty()) {
            select((current - 1 + matches.size()) % matches.size());
        }
    }

    /** The node holding the current match and the match's bounds in that node's coordinates, to scroll to. */
    public java.util.Optional<java.util.Map.Entry<Node, Bounds>> currentPlace() {
        if (current < 0) {
            return java.util.Optional.empty();
        }
        Match m = matches.get(current);
        return java.util.Optional.of(java.util.Map.entry(m.flow(), m.flow().rangeBounds(m.from(), m.to())));
    }

    /** Removes every highlight and forgets the query. */
    public void clear() {
        java.util.Set<SelectableFlow> marked = new java.util.LinkedHashSet<>();
        matches.forEach(m -> marked.add(m.flow()));
        for (SelectableFlow f : marked) {
            f.markMatches(new int[0]);
            f.markCurrent(0, 0);
        }
        matches.clear();
        current = -1;
        query = "";
    }

    private void select(int i) {
        if (current >= 0) {
            Match was = matches.get(current);
            was.flow().markCurrent(0, 0);
        }
        current = i;
        Match m = matches.get(i);
        m.flow().markCurrent(m.from(), m.to());
    }
}
