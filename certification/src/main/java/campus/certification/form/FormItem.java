package campus.certification.form;

import java.util.List;

/**
 * One question on a form.
 *
 * @param order the display order of the question's parts: option ids (choice), right-hand ids
 *              (matching), or the scrambled starting order of items (ordering); empty otherwise
 */
public record FormItem(String questionId, String sectionId, double points, List<String> order) {

    public FormItem {
        order = List.copyOf(order);
    }
}
