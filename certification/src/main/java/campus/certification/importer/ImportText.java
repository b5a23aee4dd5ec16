package campus.certification.importer;

import campus.certification.model.AnswerKey;
import campus.certification.model.Difficulty;
import campus.certification.model.OutcomeFeedback;
import campus.certification.model.Question;
import campus.certification.model.Scoring;
import campus.i18n.Lang;
import campus.i18n.Text;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers shared by the importers: text formats to Markdown, language, ids, and building questions. */
final class ImportText {

    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
    private static final Pattern IMG = Pattern.compile("(?is)<img\\b[^>]*>");
    private static final Pattern LINK = Pattern.compile("(?is)<a\\b[^>]*\\bhref\\s*=\\s*(\"[^\"]*\"|'[^']*')[^>]*>(.*?)</a>");
    private static final Pattern ATTR = Pattern.compile("(?is)\\b(src|alt)\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}]");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private ImportText() {
    }

    /**
     * An authored text in one of Moodle's formats as the Markdown Campus stores: {@code html} and
     * {@code moodle} (Moodle's auto-format, which allows HTML) are converted, {@code markdown} and
     * {@code plain} are kept.
     */
    static String convert(String text, String format) {
        return switch (format) {
            case "html", "moodle" -> htmlToMarkdown(text);
            default -> trim(text);
        };
    }

    /**
     * {@link String#strip()} that also takes no-break and other Unicode spaces off the ends: Moodle's editors
     * leave {@code &nbsp;} at the end of texts and its exports keep it (as U+00A0 in GIFT), where a learner
     * cannot see it but an option named by its text would not match.
     */
    static String trim(String s) {
        int begin = 0;
        int end = s.length();
        while (begin < end && isSpace(s.charAt(begin))) {
            begin++;
        }
        while (end > begin && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(begin, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Enough HTML to Markdown for question text: paragraphs, breaks, bold, italics, code, lists, images, links. */
    static String htmlToMarkdown(String html) {
        String s = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "");
        s = replace(IMG, s, m -> "![" + attr(m.group(), "alt") + "](" + attr(m.group(), "src") + ")");
        s = replace(LINK, s, m -> "[" + TAG.matcher(m.group(2)).replaceAll("").strip() + "](" + unquote(m.group(1)) + ")");
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
        return trim(s);
    }

    private static String attr(String tag, String name) {
        Matcher m = ATTR.matcher(tag);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return entities(unquote(m.group(2)));
            }
        }
        return "";
    }

    private static String unquote(String s) {
        return s.substring(1, s.length() - 1);
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
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
                default -> codePoint(e).orElse(m.group());
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static java.util.Optional<String> codePoint(String entity) {
        try {
            int cp = entity.startsWith("#x") || entity.startsWith("#X") ? Integer.parseInt(entity.substring(2), 16)
                    : entity.startsWith("#") ? Integer.parseInt(entity.substring(1)) : -1;
            return Character.isValidCodePoint(cp) ? java.util.Optional.of(new String(Character.toChars(cp)))
                    : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
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

    /** Moodle's name for an untitled question: the start of its text, cut at a word. */
    static String defaultName(String text) {
        String plain = TAG.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (plain.length() <= 40) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', 40);
        return plain.substring(0, cut > 10 ? cut : 40);
    }

    /** An ASCII slug for question ids, which must be ASCII. */
    static String slug(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        n = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return cut(n);
    }

    /** At most 60 characters, cut between words where there is one. */
    private static String cut(String slug) {
        if (slug.length() <= 60) {
            return slug;
        }
        int dash = slug.lastIndexOf('-', 60);
        return (dash > 20 ? slug.substring(0, dash) : slug.substring(0, 60)).replaceAll("-+$", "");
    }

    /** A slug that keeps letters of every script, so {@code 索引} stays {@code 索引}: topic ids may be Chinese. */
    static String topicSlug(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = n.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        return cut(n);
    }

    /** Unique ids: a usable Moodle idnumber, else the title's slug, else topic-q; a clash gets -2, -3… */
    static final class Ids {
        private final Set<String> used = new HashSet<>();

        Ids(Set<String> existing) {
            used.addAll(existing);
        }

        String next(String idNumber, String title, String topic) {
            String base = idNumber != null && ID.matcher(idNumber.strip()).matches() ? idNumber.strip() : slug(title);
            if (base.isEmpty() || !Character.isLetterOrDigit(base.charAt(0))) {
                String t = slug(topic);
                base = t.isEmpty() ? "q" : t + "-q";
            }
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "-" + n;
            }
            return id;
        }

        /** Gives back the id of a question that was not imported after all. */
        void release(String id) {
            used.remove(id);
        }
    }

    static Question question(String id, CategoryPath category, double points, Text prompt, Text explanation,
                             AnswerKey key, OutcomeFeedback outcome, String source, int line) {
        return new Question(id, key.type(), category.topics(), Difficulty.MEDIUM, points, prompt, explanation, key,
                source, line, outcome);
    }

    /**
     * Moodle's matching rule, the same in GIFT and XML: a pair whose left side is empty is a
     * distractor, a question needs at least two real pairs, and a learner earns the share of left
     * items matched right. Returns null (reported) otherwise.
     */
    static AnswerKey.MatchingKey matching(List<String[]> leftRight, Lang lang, ImportReport.Builder report) {
        List<AnswerKey.Pair> pairs = new ArrayList<>();
        List<AnswerKey.Distractor> distractors = new ArrayList<>();
        for (String[] lr : leftRight) {
            String id = "m" + (pairs.size() + distractors.size() + 1);
            if (lr[0].isEmpty()) {
                distractors.add(new AnswerKey.Distractor(id, text(lang, lr[1])));
            } else {
                pairs.add(new AnswerKey.Pair(id, text(lang, lr[0]), text(lang, lr[1])));
            }
        }
        if (pairs.size() < 2) {
            report.skip("certification.import.too-few-pairs");
            return null;
        }
        return new AnswerKey.MatchingKey(pairs, distractors, Scoring.PARTIAL);
    }
}
