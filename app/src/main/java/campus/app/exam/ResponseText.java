package campus.app.exam;

import campus.certification.attempt.PresentedQuestion;
import campus.certification.attempt.PresentedQuestion.Part;
import campus.certification.model.Response;
import campus.app.quiz.Ui;
import campus.i18n.Lang;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A candidate's response in words, in the language on screen, for the review after submit. */
final class ResponseText {

    private ResponseText() {
    }

    static String describe(PresentedQuestion q, Response r, Lang lang) {
        Map<String, String> parts = q.parts().stream().collect(Collectors.toMap(Part::id, p -> p.text().in(lang)));
        if (r instanceof Response.Choice c) {
            return c.optionIds().stream().map(id -> parts.getOrDefault(id, id)).collect(Collectors.joining("; "));
        }
        if (r instanceof Response.TrueFalse tf) {
            return Ui.t(lang, tf.value() ? "app.quiz.true" : "app.quiz.false");
        }
        if (r instanceof Response.FillIn f) {
            return f.text();
        }
        if (r instanceof Response.Matching m) {
            List<String> rows = q.left().stream().filter(l -> m.matches().containsKey(l.id()))
                    .map(l -> l.text().in(lang) + " → " + parts.getOrDefault(m.matches().get(l.id()), "?")).toList();
            return String.join("; ", rows);
        }
        if (r instanceof Response.Ordering o) {
            return o.itemIds().stream().map(id -> parts.getOrDefault(id, id)).collect(Collectors.joining(" → "));
        }
        return ((Response.Sql) r).sql();
    }
}
