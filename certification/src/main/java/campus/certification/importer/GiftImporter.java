package campus.certification.importer;

import campus.certification.importer.GiftText.Formatted;
import campus.certification.model.AnswerKey;
import campus.certification.model.OutcomeFeedback;
import campus.i18n.Lang;
import campus.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Moodle's GIFT format the way Moodle's own importer does ({@code question/format/gift/format.php}):
 * the same question types, found by the same tests in the same order (numerical {@code {#…}}, multiple
 * choice when a {@code ~} appears, matching with {@code =…->…}, true/false, else short answer, so
 * {@code {One}} is a one-answer short answer and {@code ->} inside a choice is text), the same weights,
 * feedback ({@code #}, general {@code ####}), names, categories, escapes and text formats. Essays and
 * descriptions have nothing to grade and are reported with their line.
 */
public final class GiftImporter {

    private static final Pattern WEIGHT = Pattern.compile("^%(-*[0-9]{1,2}\\.?[0-9]*)%");
    /** What an author meant as a grade but Moodle's pattern does not read ({@code %100.00%}): it stays text. */
    private static final Pattern UNREAD = Pattern.compile("^%-?[0-9.,]+%");
    private static final Set<String> TRUE_FALSE = Set.of("T", "TRUE", "F", "FALSE");

    private final Lang forced;
    private final Set<String> existingIds;

    /** @param forced the source language, or null to detect per question */
    public GiftImporter(Lang forced, Set<String> existingIds) {
        this.forced = forced;
        this.existingIds = existingIds;
    }

    public ImportReport read(String source, String content) {
        ImportReport.Builder report = new ImportReport.Builder();
        ImportText.Ids ids = new ImportText.Ids(existingIds);
        CategoryPath category = CategoryPath.NONE;
        for (GiftText.Block b : GiftText.blocks(content)) {
            String text = GiftText.escape(b.text());
            int line = b.line();
            while (text.startsWith("$CATEGORY:")) {
                int nl = text.indexOf('\n');
                category = CategoryPath.parse(GiftText.unescape(nl < 0 ? text.substring(10) : text.substring(10, nl)), forced);
                text = nl < 0 ? "" : text.substring(nl + 1).strip();
                line++;
            }
            if (text.isEmpty()) {
                continue;
            }
            report.at(ImportReport.atLine(line));
            try {
                one(source, line, text, category, ids, report);
            } catch (RuntimeException e) {
                report.skip("certification.import.unreadable", String.valueOf(e.getMessage()));
            }
        }
        return report.build();
    }

    private void one(String source, int line, String text, CategoryPath category, ImportText.Ids ids,
                     ImportReport.Builder report) {
        String title = "";
        if (text.startsWith("::")) {
            int end = text.indexOf("::", 2);
            if (end < 0) {
                text = text.substring(2);
            } else {
                title = GiftText.unescape(text.substring(2, end)).strip();
                text = text.substring(end + 2).strip();
            }
        }
        int open = text.indexOf('{');
        int close = text.indexOf('}');
        if (open < 0 && close < 0) {
            report.skip("certification.import.not-gradable", "description");
            return;
        }
        if (open < 0 || close >= 0 && close < open) {
            report.skip("certification.import.gift-unopened");
            return;
        }
        if (close < 0) {
            report.skip("certification.import.gift-unclosed");
            return;
        }
        String body = text.substring(open + 1, close).strip();
        String questionText = text.endsWith("}") ? text.substring(0, open) + text.substring(close + 1)
                : text.substring(0, open) + "_____" + text.substring(close + 1);
        String general = "";
        int gf = body.lastIndexOf("####");
        if (gf >= 0) {
            general = body.substring(gf + 4);
            body = body.substring(0, gf).strip();
        }
        Formatted prompt = GiftText.formatted(questionText, "moodle");
        String format = prompt.format();
        Lang lang = ImportText.language(forced, prompt.text());
        AnswerKey key;
        if (body.isEmpty()) {
            report.skip("certification.import.not-gradable", "essay");
            return;
        } else if (body.startsWith(">")) {
            report.skip("certification.import.gift-ordering");
            return;
        } else if (body.startsWith("#")) {
            key = numerical(body.substring(1), format, lang, report);
        } else if (body.contains("~")) {
            key = choice(body, format, lang, report);
        } else if (body.contains("=") && body.contains("->")) {
            key = matching(body, format, lang, report);
        } else if (TRUE_FALSE.contains(trueFalseWord(body))) {
            key = trueFalse(body, format, lang);
        } else {
            key = shortAnswer(body, format, lang, report);
        }
        if (key == null) {
            return;
        }
        String id = ids.next(null, title.isEmpty() ? ImportText.defaultName(prompt.text()) : title, category.primary());
        Media media = new Media("media/" + id, report);
        Text explanation = ImportText.text(lang, media.inline(GiftText.formatted(general, format).markdown()));
        report.add(ImportText.question(id, category, 1, ImportText.text(lang, media.inline(prompt.markdown())),
                explanation, key, OutcomeFeedback.NONE, source, line), category);
    }

    /** What Moodle compares with T/TRUE/F/FALSE: the answer block up to a feedback {@code #}, case and all. */
    private static String trueFalseWord(String body) {
        int hash = body.indexOf('#');
        return (hash > 0 ? body.substring(0, hash) : body).strip();
    }

    private AnswerKey trueFalse(String body, String format, Lang lang) {
        String[] bits = body.split("#", 3);
        String answer = GiftText.formatted(bits[0], format).text();
        Text wrong = ImportText.text(lang, bits.length > 1 ? GiftText.formatted(bits[1], format).markdown() : "");
        Text right = ImportText.text(lang, bits.length > 2 ? GiftText.formatted(bits[2], format).markdown() : "");
        boolean isTrue = answer.equals("T") || answer.equals("TRUE");
        return isTrue ? new AnswerKey.TrueFalseKey(true, right, wrong) : new AnswerKey.TrueFalseKey(false, wrong, right);
    }

    private AnswerKey choice(String body, String format, Lang lang, ImportReport.Builder report) {
        boolean single = body.contains("=");
        List<ChoiceImport.Answer> answers = new ArrayList<>();
        for (String raw : GiftText.answers(body.replace("=", "~="), "~")) {
            String a = raw.strip();
            double weight = 0;
            if (a.startsWith("=")) {
                a = a.substring(1);
                weight = 1;
                if (WEIGHT.matcher(a).find()) {
                    report.note("certification.import.weight-on-right", GiftText.unescape(a).strip());
                }
            } else {
                Matcher w = WEIGHT.matcher(a);
                if (w.find()) {
                    Double parsed = percent(w.group(1));
                    if (parsed == null) {
                        report.skip("certification.import.gift-syntax", w.group());
                        return null;
                    }
                    weight = parsed;
                    a = a.substring(w.end());
                } else {
                    unread(a, "0 %", report);
                }
            }
            Formatted[] tf = GiftText.comment(a, format);
            answers.add(new ChoiceImport.Answer(tf[0].markdown(), weight, tf[1].markdown()));
        }
        return ChoiceImport.key(answers, single, true, lang, report);
    }

    private AnswerKey matching(String body, String format, Lang lang, ImportReport.Builder report) {
        List<String> answers = GiftText.answers(body, "=");
        if (answers.size() < 2) {
            report.skip("certification.import.too-few-answers", "match", 2);
            return null;
        }
        List<String[]> leftRight = new ArrayList<>();
        for (String raw : answers) {
            String a = raw.strip();
            int arrow = a.indexOf("->");
            if (arrow < 0) {
                report.skip("certification.import.matching-arrow", GiftText.unescape(a));
                return null;
            }
            leftRight.add(new String[] {GiftText.formatted(a.substring(0, arrow), format).markdown(),
                GiftText.unescape(a.substring(arrow + 2)).strip()});
        }
        return ImportText.matching(leftRight, lang, report);
    }

    private AnswerKey shortAnswer(String body, String format, Lang lang, ImportReport.Builder report) {
        List<FillInImport.Answer> answers = typedAnswers(body, format, report);
        return answers == null ? null : FillInImport.shortAnswer(answers, false, lang, report);
    }

    /** Short and numerical answers: {@code =}-separated, each with an optional {@code %50%} (else 100 %) and feedback. */
    private static List<FillInImport.Answer> typedAnswers(String body, String format, ImportReport.Builder report) {
        List<FillInImport.Answer> answers = new ArrayList<>();
        for (String raw : GiftText.answers(body, "=")) {
            Weighted w = weighted(raw.strip(), report);
            if (w == null) {
                return null;
            }
            Formatted[] tf = GiftText.comment(w.rest, format);
            answers.add(new FillInImport.Answer(tf[0].text(), w.weight, tf[1].markdown()));
        }
        return answers;
    }

    /** Moodle's numerical rule: after the first {@code ~} is the feedback every other answer gets. */
    private AnswerKey numerical(String body, String format, Lang lang, ImportReport.Builder report) {
        String wrong = null;
        int tilde = body.indexOf('~');
        if (tilde >= 0) {
            wrong = body.substring(tilde);
            body = body.substring(0, tilde);
        }
        List<FillInImport.Answer> answers = typedAnswers(body, format, report);
        if (answers == null) {
            return null;
        }
        if (answers.isEmpty()) {
            report.skip("certification.import.too-few-answers", "numerical", 1);
            return null;
        }
        if (wrong != null) {
            Formatted[] tf = GiftText.comment(wrong.substring(1), format);
            if (!tf[0].text().isEmpty()) {
                report.note("certification.import.wrong-value-ignored", tf[0].text());
            }
            answers.add(new FillInImport.Answer("*", 0, tf[1].markdown()));
        }
        return FillInImport.numerical(answers, lang, report);
    }

    private record Weighted(double weight, String rest) {
    }

    /** A short or numerical answer's optional {@code %50%}; without one it is worth 100 %. */
    private static Weighted weighted(String a, ImportReport.Builder report) {
        Matcher w = WEIGHT.matcher(a);
        if (!w.find()) {
            unread(a, "100 %", report);
            return new Weighted(1, a);
        }
        Double p = percent(w.group(1));
        if (p == null) {
            report.skip("certification.import.gift-syntax", w.group());
            return null;
        }
        return new Weighted(p, a.substring(w.end()));
    }

    /**
     * Says so when an answer starts with a grade Moodle does not read, which then counts as answer text.
     *
     * @param worth what the answer is worth instead, as Moodle grades it
     */
    private static void unread(String answer, String worth, ImportReport.Builder report) {
        Matcher u = UNREAD.matcher(answer);
        if (u.find()) {
            report.cause("certification.import.weight-unread", GiftText.unescape(u.group()), worth);
        }
    }

    private static Double percent(String s) {
        try {
            return Double.parseDouble(s) / 100;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
