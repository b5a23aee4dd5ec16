package campus.certification.importer;

import campus.certification.model.AnswerKey;
import campus.certification.model.Scoring;
import campus.i18n.Lang;
import java.util.ArrayList;
import java.util.List;

/**
 * Moodle's multiple-choice rules, the same from GIFT and from XML. A single-answer question gives the
 * chosen answer's grade (so two answers at 100 % are both right, and picking one is all a learner can
 * do); a multiple-answer question gives the sum of the chosen grades, kept between 0 and 1. Grades
 * must be on Moodle's list, and a question nobody could answer fully right is refused.
 */
final class ChoiceImport {

    /** One answer as read: Markdown text, Moodle fraction, Markdown feedback. */
    record Answer(String text, double fraction, String feedback) {
    }

    private static final double ROUNDING = 1e-6;

    private ChoiceImport() {
    }

    static AnswerKey.ChoiceKey key(List<Answer> read, boolean single, boolean shuffle, Lang lang,
                                   ImportReport.Builder report) {
        List<Answer> answers = new ArrayList<>();
        for (Answer a : read) {
            if (a.text().isBlank()) {
                report.note("certification.import.empty-answer");
            } else {
                answers.add(a);
            }
        }
        if (answers.size() < 2) {
            report.skip("certification.import.too-few-answers", "multichoice", 2);
            return null;
        }
        double[] grades = MoodleGrades.check(answers.stream().mapToDouble(Answer::fraction).toArray(), report);
        if (grades == null) {
            return null;
        }
        List<AnswerKey.Option> options = new ArrayList<>();
        double max = -1;
        double positive = 0;
        int full = 0;
        boolean partial = false;
        List<String> negative = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            double w = grades[i];
            max = Math.max(max, w);
            positive += Math.max(0, w);
            full += w == 1 ? 1 : 0;
            partial |= w > 0 && w < 1;
            if (w < 0) {
                negative.add(MoodleGrades.percent(w));
            }
            options.add(new AnswerKey.Option(String.valueOf((char) ('a' + i)), ImportText.text(lang, answers.get(i).text()),
                    single ? w == 1 : w > 0, w, ImportText.text(lang, answers.get(i).feedback())));
        }
        if (single) {
            if (max < 1) {
                report.skip("certification.import.no-full-weight", MoodleGrades.percent(max));
                return null;
            }
            if (!negative.isEmpty()) {
                report.note("certification.import.negative-floored", String.join(", ", negative));
            }
            boolean weighted = partial || full > 1;
            return new AnswerKey.ChoiceKey(weighted ? options : unweighted(options), false,
                    weighted ? Scoring.WEIGHTED : Scoring.ALL_OR_NOTHING, shuffle);
        }
        if (positive < 1 - ROUNDING) {
            report.skip("certification.import.weights-below-full", MoodleGrades.percent(positive));
            return null;
        }
        if (positive > 1 + ROUNDING) {
            report.note("certification.import.weights-above-full", MoodleGrades.percent(positive));
        }
        return new AnswerKey.ChoiceKey(options, true, Scoring.WEIGHTED, shuffle);
    }

    private static List<AnswerKey.Option> unweighted(List<AnswerKey.Option> options) {
        return options.stream().map(o -> new AnswerKey.Option(o.id(), o.text(), o.correct(), 0, o.feedback())).toList();
    }
}
