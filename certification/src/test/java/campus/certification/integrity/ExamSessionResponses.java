package campus.certification.integrity;

import campus.certification.attempt.PresentedQuestion;
import campus.certification.bank.LoadedExam;
import campus.certification.model.Response;

/** Picks some valid response for a presented question, right or not. */
final class ExamSessionResponses {

    private ExamSessionResponses() {
    }

    static Response anyFor(LoadedExam exam, PresentedQuestion p) {
        return switch (p.typeCode()) {
            case "single", "multiple" -> Response.Choice.of(p.parts().get(0).id());
            case "true-false" -> new Response.TrueFalse(true);
            case "fill-in" -> new Response.FillIn("3.14");
            case "matching" -> new Response.Matching(java.util.Map.of(p.left().get(0).id(), p.parts().get(0).id()));
            case "ordering" -> new Response.Ordering(p.parts().stream().map(PresentedQuestion.Part::id).toList());
            default -> new Response.Sql("SELECT COUNT(*) FROM customers");
        };
    }
}
