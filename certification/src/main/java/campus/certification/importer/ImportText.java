package campus.certification.importer;

import campus.certification.model.Difficulty;
import campus.certification.model.Question;
import campus.certification.model.QuestionType;
import campus.certification.model.Scoring;
import campus.certification.model.AnswerKey;
import campus.i18n.Lang;
import campus.i18n.Text;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers shared by the importers: HTML to Markdown, language, ids, and building questions. */
final class ImportText {

    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}]");

    private ImportText() {
    }

    /** Enough HTML to Markdown for question text: paragraphs, breaks, bold, italics, code, lists. */
    static String htmlToMarkdown(String html) {
        String s = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "");
        s = s.replaceAll("(?i)<br\\s*/?>", "\n");
        s = s.replaceAll("(?i)</p>|</div>", "\n\n");
        s = s.replaceAll("(?i)<li[^>]*>", "\n- ");
        s = s.replaceAll("(?i)</?(b|strong)>", "**");
        s = s.replaceAll("(?i)</?(i|em)>", "*");
        s = s.replaceAll("(?i)</?(code|tt)>", "`");
        s = s.replaceAll("(?i)<pre[^>]*>", "\n```\n").replaceAll("(?i)</pre>", "\n```\n");
        s = TAG.matcher(s).replaceAll("");
        s = entities(s);
        s = s.replaceAll("[ \\t\\x0B\\f\\r]+\n", "\n").replaceAll("\n{3,}", "\n\n");
        return s.strip();
    }

    static String entities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> {
                    if (e.startsWith("#x") || e.startsWith("#X")) {
                        yield new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
                    }
                    if (e.startsWith("#")) {
                        yield new String(Character.toChars(Integer.parseInt(e.substring(1))));
                    }
                    yield m.group();
                }
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The forced language, else Chinese when the text has Han characters, else English. */
    static Lang language(Lang forced, String sample) {
        if (forced != null) {
            return forced;
        }
        return CJK.matcher(sample).find() ? Lang.ZH : Lang.EN;
    }

    /** Text in the source language; the other stays empty for a translator (validate lists it). */
    static Text text(Lang lang, String s) {
        return lang == Lang.ZH ? new Text("", s) : new Text(s, "");
    }

    static String slug(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        n = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return n.length() > 60 ? n.substring(0, 60).replaceAll("-+$", "") : n;
    }

    /** Topic from a Moodle category path like {@code $course$/top/Databases/SQL joins}: its last part. */
    static String topic(String category) {
        if (category == null || category.isBlank()) {
            return "imported";
        }
        String[] parts = category.split("/");
        String t = slug(parts[parts.length - 1]);
        return t.isEmpty() ? "imported" : t;
    }

    /** Unique ids: the title's slug, else topic-N; a clash gets -2, -3… */
    static final class Ids {
        private final Set<String> used = new HashSet<>();

        Ids(Set<String> existing) {
            used.addAll(existing);
        }

        String next(String title, String topic) {
            String base = slug(title);
            if (base.isEmpty() || !Character.isLetterOrDigit(base.charAt(0))) {
                base = topic + "-q";
            }
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "-" + n;
            }
            return id;
        }
    }

    static Question question(String id, String topic, double points, Text prompt, Text explanation, AnswerKey key,
                             String source, int line) {
        QuestionType type = key.type();
        return new Question(id, type, List.of(topic), Difficulty.MEDIUM, points, prompt, explanation, key, source, line);
    }

    /**
     * Moodle's matching rule, the same in GIFT and XML: a pair whose left side is empty is a
     * distractor, and a question needs at least two real pairs. Returns null (reported) otherwise.
     */
    static AnswerKey.MatchingKey matching(List<String[]> leftRight, Lang lang, String where, ImportReport.Builder report) {
        List<AnswerKey.Pair> pairs = new java.util.ArrayList<>();
        List<AnswerKey.Distractor> distractors = new java.util.ArrayList<>();
        for (String[] lr : leftRight) {
            String id = "m" + (pairs.size() + distractors.size() + 1);
            if (lr[0].isEmpty()) {
                distractors.add(new AnswerKey.Distractor(id, text(lang, lr[1])));
            } else {
                pairs.add(new AnswerKey.Pair(id, text(lang, lr[0]), text(lang, lr[1])));
            }
        }
        if (pairs.size() < 2) {
            report.skip(where, "certification.import.too-few", "matching");
            return null;
        }
        return new AnswerKey.MatchingKey(pairs, distractors, Scoring.ALL_OR_NOTHING);
    }
}
