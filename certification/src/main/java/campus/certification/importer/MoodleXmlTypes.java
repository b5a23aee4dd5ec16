package campus.certification.importer;

import campus.certification.model.AnswerKey;
import campus.certification.model.Scoring;
import campus.i18n.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/** The answer part of each Moodle XML question type Campus takes, read as Moodle's importer reads it. */
final class MoodleXmlTypes {

    private final XmlText texts;
    private final String format;
    private final Lang lang;
    private final ImportReport.Builder report;

    /** @param format the question text's Moodle format name, the default of its answers and feedback */
    MoodleXmlTypes(XmlText texts, String format, Lang lang, ImportReport.Builder report) {
        this.texts = texts;
        this.format = format;
        this.lang = lang;
        this.report = report;
    }

    /** {@code <single>} defaults to true and {@code <shuffleanswers>} to false, as in Moodle. */
    AnswerKey multichoice(Element q) {
        Element singleField = MoodleXml.child(q, "single");
        boolean single = MoodleXmlImporter.yes(singleField == null ? "true" : XmlText.text(singleField));
        boolean shuffle = MoodleXmlImporter.yes(MoodleXml.value(q, "shuffleanswers"));
        List<ChoiceImport.Answer> answers = new ArrayList<>();
        for (Element a : MoodleXml.children(q, "answer")) {
            answers.add(new ChoiceImport.Answer(texts.markdown(a, format), fraction(a),
                    texts.markdown(MoodleXml.child(a, "feedback"), format)));
        }
        return ChoiceImport.key(answers, single, shuffle, lang, report);
    }

    /**
     * The answer {@code true} at 100 % makes true right; {@code false} at anything but 100 % does too.
     * Answers not named true/false are taken as true then false, as Moodle does for old files.
     */
    AnswerKey trueFalse(Element q) {
        Boolean answer = null;
        campus.i18n.Text feedbackTrue = AnswerKey.NONE;
        campus.i18n.Text feedbackFalse = AnswerKey.NONE;
        boolean first = true;
        boolean guessed = false;
        for (Element a : MoodleXml.children(q, "answer")) {
            String t = MoodleXml.value(a, "text");
            if (!t.equals("true") && !t.equals("false")) {
                guessed = true;
                t = first ? "true" : "false";
            }
            boolean full = Math.abs(fraction(a) - 1) < 1e-9;
            campus.i18n.Text feedback = ImportText.text(lang, texts.markdown(MoodleXml.child(a, "feedback"), format));
            if (t.equals("true")) {
                answer = full;
                feedbackTrue = feedback;
            } else {
                answer = !full;
                feedbackFalse = feedback;
            }
            first = false;
        }
        if (answer == null) {
            report.skip("certification.import.too-few-answers", "truefalse", 2);
            return null;
        }
        if (guessed) {
            report.note("certification.import.truefalse-order");
        }
        return new AnswerKey.TrueFalseKey(answer, feedbackTrue, feedbackFalse);
    }

    AnswerKey shortAnswer(Element q) {
        List<FillInImport.Answer> answers = new ArrayList<>();
        for (Element a : MoodleXml.children(q, "answer")) {
            answers.add(new FillInImport.Answer(MoodleXml.value(a, "text"), fraction(a),
                    texts.markdown(MoodleXml.child(a, "feedback"), format)));
        }
        return FillInImport.shortAnswer(answers, MoodleXmlImporter.yes(MoodleXml.value(q, "usecase")), lang, report);
    }

    AnswerKey numerical(Element q) {
        if (!units(q)) {
            return null;
        }
        List<FillInImport.Answer> answers = new ArrayList<>();
        for (Element a : MoodleXml.children(q, "answer")) {
            String value = MoodleXml.value(a, "text");
            String tolerance = MoodleXml.value(a, "tolerance");
            if (value.isEmpty()) {
                value = "*";
            } else if (!value.equals("*") && !tolerance.isEmpty()) {
                value = value + ":" + tolerance;
            }
            answers.add(new FillInImport.Answer(value, fraction(a), texts.markdown(MoodleXml.child(a, "feedback"), format)));
        }
        return FillInImport.numerical(answers, lang, report);
    }

    /**
     * Units only change a grade when Moodle penalises a missing unit or converts between several; such
     * questions are refused. A single unit that changes nothing is dropped with a note.
     */
    private boolean units(Element q) {
        List<String> names = new ArrayList<>();
        boolean scaled = false;
        for (Element u : MoodleXml.children(MoodleXml.child(q, "units"), "unit")) {
            names.add(MoodleXml.value(u, "unit_name"));
            scaled |= MoodleXmlImporter.number(MoodleXml.value(u, "multiplier"), 1) != 1;
        }
        if (names.isEmpty()) {
            return true;
        }
        boolean penalty = MoodleXmlImporter.number(MoodleXml.value(q, "unitgradingtype"), 0) != 0;
        if (penalty || scaled || names.size() > 1) {
            report.skip("certification.import.units-unsupported", String.join(", ", names));
            return false;
        }
        report.note("certification.import.units-ignored", String.join(", ", names));
        return true;
    }

    AnswerKey matching(Element q) {
        List<String[]> leftRight = new ArrayList<>();
        for (Element s : MoodleXml.children(q, "subquestion")) {
            leftRight.add(new String[] {texts.markdown(s, format), MoodleXml.value(MoodleXml.child(s, "answer"), "text")});
        }
        return ImportText.matching(leftRight, lang, report);
    }

    /** Items in the order written; Moodle's grading types that Campus shares are kept, others refused. */
    AnswerKey ordering(Element q) {
        List<AnswerKey.Item> items = new ArrayList<>();
        for (Element a : MoodleXml.children(q, "answer")) {
            String text = texts.markdown(a, format);
            if (!text.isBlank()) {
                items.add(new AnswerKey.Item("i" + (items.size() + 1), ImportText.text(lang, text)));
            }
        }
        if (items.size() < 2) {
            report.skip("certification.import.too-few-answers", "ordering", 2);
            return null;
        }
        String grading = or(MoodleXml.value(q, "gradingtype"), "RELATIVE").toUpperCase(Locale.ROOT);
        Scoring scoring = switch (grading) {
            case "ALL_OR_NOTHING" -> Scoring.ALL_OR_NOTHING;
            case "ABSOLUTE_POSITION", "ABSOLUTE", "ABS" -> Scoring.PARTIAL;
            case "RELATIVE_NEXT_EXCLUDE_LAST", "RELATIVE", "REL" -> Scoring.RELATIVE_NEXT;
            case "RELATIVE_NEXT_INCLUDE_LAST", "RELATIVE_ONE_PREVIOUS_AND_NEXT", "RELATIVE_ALL_PREVIOUS_AND_NEXT",
                 "LONGEST_ORDERED_SUBSET", "LONGEST_CONTIGUOUS_SUBSET", "RELATIVE_TO_CORRECT" -> null;
            default -> {
                // Moodle reads grading types by name only; anything else (a number, say) is its default
                report.note("certification.import.ordering-unknown", grading);
                yield Scoring.RELATIVE_NEXT;
            }
        };
        if (scoring == null) {
            report.skip("certification.import.ordering-grading", grading);
            return null;
        }
        String select = or(MoodleXml.value(q, "selecttype"), "RANDOM").toUpperCase(Locale.ROOT);
        String countText = MoodleXml.value(q, "selectcount");
        int count = countText.isEmpty() ? 6 : (int) MoodleXmlImporter.number(countText, 3);
        if (!List.of("ALL", "EXACT").contains(select) && Math.max(2, count) < items.size()) {
            report.skip("certification.import.ordering-subset", Math.max(2, count), items.size());
            return null;
        }
        return new AnswerKey.OrderingKey(items, scoring);
    }

    /** An answer's grade: {@code fraction="50"} is 0.5 (a {@code <fraction>} child is Moodle's old spelling). */
    private static double fraction(Element a) {
        String old = MoodleXml.value(a, "fraction");
        if (!old.isEmpty()) {
            return MoodleXmlImporter.number(old, 0);
        }
        return MoodleXmlImporter.number(a.getAttribute("fraction"), 0) / 100;
    }

    private static String or(String s, String fallback) {
        return s.isEmpty() ? fallback : s;
    }
}
