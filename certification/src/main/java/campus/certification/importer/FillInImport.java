package campus.certification.importer;

import campus.certification.model.AnswerKey;
import campus.certification.model.AnswerKey.Accepted;
import campus.i18n.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Moodle's short-answer and numerical rules, the same from GIFT and from XML: answers are tried in
 * the order written and the first that matches gives its grade and feedback; {@code *} in a short
 * answer stands for any characters, and a numerical answer {@code *} is every other number (Moodle's
 * "any other answer", e.g. a wrong-answer feedback). Grades must be on Moodle's list.
 */
final class FillInImport {

    /** One answer as read; {@code value} is the text, or for numbers {@code 3}, {@code 3:0.5}, {@code 1..5} or {@code *}. */
    record Answer(String value, double fraction, String feedback) {
    }

    private static final Pattern NUM = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private FillInImport() {
    }

    static AnswerKey.FillInKey shortAnswer(List<Answer> read, boolean caseSensitive, Lang lang, ImportReport.Builder report) {
        List<Answer> answers = kept(read, report);
        double[] grades = grades(answers, "shortanswer", report);
        if (grades == null) {
            return null;
        }
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            accepted.add(a.value().contains("*")
                    ? new Accepted.PatternAnswer(a.value(), grades[i], ImportText.text(lang, a.feedback()))
                    : new Accepted.TextAnswer(a.value(), grades[i], ImportText.text(lang, a.feedback())));
        }
        return full(accepted, caseSensitive, report);
    }

    /** Numbers as GIFT writes them; XML's separate tolerance is joined in as {@code value:tolerance}. */
    static AnswerKey.FillInKey numerical(List<Answer> read, Lang lang, ImportReport.Builder report) {
        List<Answer> answers = kept(read, report);
        double[] grades = grades(answers, "numerical", report);
        if (grades == null) {
            return null;
        }
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Accepted a = number(answers.get(i).value(), grades[i], ImportText.text(lang, answers.get(i).feedback()));
            if (a == null) {
                report.skip("certification.import.bad-number", answers.get(i).value());
                return null;
            }
            accepted.add(a);
        }
        return full(accepted, false, report);
    }

    /** {@code 3.14}, {@code 3.14:0.01} (tolerance), {@code 1..5} (range, either way round) or {@code *}. */
    private static Accepted number(String spec, double credit, campus.i18n.Text feedback) {
        String s = spec.strip();
        if (s.equals("*")) {
            return new Accepted.PatternAnswer("*", credit, feedback);
        }
        int range = s.indexOf("..");
        if (range > 0) {
            String a = s.substring(0, range).strip();
            String b = s.substring(range + 2).strip();
            if (!NUM.matcher(a).matches() || !NUM.matcher(b).matches()) {
                return null;
            }
            double x = Double.parseDouble(a);
            double y = Double.parseDouble(b);
            return new Accepted.RangeAnswer(Math.min(x, y), Math.max(x, y), credit, feedback);
        }
        int colon = s.indexOf(':');
        String v = colon > 0 ? s.substring(0, colon).strip() : s;
        String tol = colon > 0 ? s.substring(colon + 1).strip() : "0";
        if (!NUM.matcher(v).matches() || !NUM.matcher(tol).matches()) {
            return null;
        }
        return new Accepted.NumberAnswer(Double.parseDouble(v), Math.abs(Double.parseDouble(tol)), credit, feedback);
    }

    /** Drops answers without text: silently when they carry nothing (Moodle does), else with a note. */
    private static List<Answer> kept(List<Answer> read, ImportReport.Builder report) {
        List<Answer> out = new ArrayList<>();
        for (Answer a : read) {
            if (!a.value().isBlank()) {
                out.add(a);
            } else if (a.fraction() != 0 || !a.feedback().isBlank()) {
                report.note("certification.import.empty-answer");
            }
        }
        return out;
    }

    /** Moodle's grades of the answers, negatives as 0 (reported); null, reported, when there is no answer or a grade is refused. */
    private static double[] grades(List<Answer> answers, String type, ImportReport.Builder report) {
        if (answers.isEmpty()) {
            report.skip("certification.import.too-few-answers", type, 1);
            return null;
        }
        double[] grades = MoodleGrades.check(answers.stream().mapToDouble(Answer::fraction).toArray(), report);
        if (grades == null) {
            return null;
        }
        List<String> negative = new ArrayList<>();
        for (int i = 0; i < grades.length; i++) {
            if (grades[i] < 0) {
                negative.add(MoodleGrades.percent(grades[i]));
                grades[i] = 0;
            }
        }
        if (!negative.isEmpty()) {
            report.note("certification.import.negative-floored", String.join(", ", negative));
        }
        return grades;
    }

    private static AnswerKey.FillInKey full(List<Accepted> accepted, boolean caseSensitive, ImportReport.Builder report) {
        double best = accepted.stream().mapToDouble(Accepted::credit).max().orElse(0);
        if (best < 1) {
            report.skip("certification.import.no-full-weight", MoodleGrades.percent(best));
            return null;
        }
        return new AnswerKey.FillInKey(accepted, caseSensitive);
    }
}
