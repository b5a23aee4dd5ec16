package campus.certification.form;

import campus.certification.model.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ids a form shows for the right-hand items of a matching question. An authored right item's id
 * is its pair's id, which is also the left item's id, so showing it would tell any screen (or anyone
 * reading the attempt file) which right item goes with which left one. A form names each right item
 * by its display position instead ({@code #1}, {@code #2}, …); responses and attempt records hold
 * these labels, and grading translates them back through the form's part order, which the seed
 * regenerates. {@code #} is not allowed in authored ids, so a label never equals a pair id; anything
 * that is not a label of the question (an authored id, say) matches nothing.
 */
public final class MatchingLabels {

    private MatchingLabels() {
    }

    /** The label of the right item shown at {@code position} (0-based). */
    public static String label(int position) {
        return "#" + (position + 1);
    }

    /** Labels → authored ids through a form's display order; a left item given anything but a label stays unmatched. */
    public static Response.Matching toAuthored(List<String> order, Response.Matching presented) {
        Map<String, String> out = new LinkedHashMap<>();
        presented.matches().forEach((left, label) -> authored(order, label).ifPresent(right -> out.put(left, right)));
        return new Response.Matching(out);
    }

    private static Optional<String> authored(List<String> order, String label) {
        for (int i = 0; i < order.size(); i++) {
            if (label(i).equals(label)) {
                return Optional.of(order.get(i));
            }
        }
        return Optional.empty();
    }
}
