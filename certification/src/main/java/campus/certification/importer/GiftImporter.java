package campus.certification.importer;

import campus.certification.model.AnswerKey;
import campus.certification.model.AnswerKey.Accepted;
import campus.certification.model.Scoring;
import campus.i18n.Lang;
import campus.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Moodle's GIFT format: {@code //} comments, {@code $CATEGORY:}, {@code ::title::}, text formats
 * {@code [html] [markdown] [plain] [moodle]}, escapes {@code \~ \= \# \{ \} \: \\ \n}, and answer
 * blocks for multiple choice (with {@code ~%50%} weights), true/false, short answer, numerical
 * ({@code #3.14:0.01}, {@code #1..5}), matching ({@code =a -> b}), per-answer {@code #feedback} and
 * general {@code ####feedback}. Essays and descriptions have no answer to grade and are reported.
 */
public final class GiftImporter {

    private static final Pattern TF = Pattern.compile("(?i)(T|TRUE|F|FALSE)");
    private static final Pattern WEIGHT = Pattern.compile("^%(-?\\d+(?:\\.\\d+)?)%");
    private static final Pattern NUM = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private final Lang forced;
    private final Set<String> existingIds;

    /** @param forced the source language, or null to detect per question */
    public GiftImporter(Lang forced, Set<String> existingIds) {
        this.forced = forced;
        this.existingIds = existingIds;
    }

    private record Block(String text, int line) {
    }

    private record Token(boolean right, Double weight, String text, String feedback) {
    }

    public ImportReport read(String source, String content) {
        ImportReport.Builder report = new ImportReport.Builder();
        ImportText.Ids ids = new ImportText.Ids(existingIds);
        String category = "";
        for (Block b : blocks(content)) {
            String text = b.text.strip();
            String where = "line " + b.line;
            while (text.startsWith("$CATEGORY:")) {
                int nl = text.indexOf('\n');
                category = (nl < 0 ? text.substring(10) : text.substring(10, nl)).strip();
                text = nl < 0 ? "" : text.substring(nl + 1).strip();
            }
            if (text.isEmpty()) {
                continue;
            }
            try {
                one(source, b.line, where, text, category, ids, report);
            } catch (RuntimeException e) {
                report.skip(where, "certification.import.unreadable", String.valueOf(e.getMessage()));
            }
        }
        return report.build();
    }

    private void one(String source, int line, String where, String text, String category, ImportText.Ids ids,
                     ImportReport.Builder report) {
        String title = "";
        if (text.startsWith("::")) {
            int end = find(text, "::", 2);
            if (end < 0) {
                report.skip(where, "certification.import.gift-syntax", "::");
                return;
            }
            title = unescape(text.substring(2, end)).strip();
            text = text.substring(end + 2).strip();
        }
        String format = "moodle";
        Matcher fm = Pattern.compile("^\\[(html|markdown|plain|moodle)]").matcher(text);
        if (fm.find()) {
            format = fm.group(1);
            text = text.substring(fm.end());
        }
        int open = find(text, "{", 0);
        if (open < 0) {
            report.skip(where, "certification.import.not-gradable", "description");
            return;
        }
        int close = find(text, "}", open + 1);
        if (close < 0) {
            report.skip(where, "certification.import.gift-syntax", "}");
            return;
        }
        String before = text.substring(0, open).strip();
        String after = text.substring(close + 1).strip();
        String body = text.substring(open + 1, close).strip();
        String promptRaw = after.isEmpty() ? before : before + " _____ " + after;
        String prompt = convert(promptRaw, format);
        Lang lang = ImportText.language(forced, prompt);
        String topic = ImportText.topic(category);
        String explanation = "";
        int general = find(body, "####", 0);
        if (general >= 0) {
            explanation = convert(body.substring(general + 4).strip(), format);
            body = body.substring(0, general).strip();
        }
        Text p = ImportText.text(lang, prompt);
        Text ex = ImportText.text(lang, explanation);
        AnswerKey key;
        if (body.isEmpty()) {
            report.skip(where, "certification.import.not-gradable", "essay");
            return;
        } else if (body.startsWith("#")) {
            key = numerical(body.substring(1).strip(), where, report);
        } else if (TF.matcher(stripFeedback(body)).matches()) {
            key = new AnswerKey.TrueFalseKey(Character.toUpperCase(body.charAt(0)) == 'T');
        } else {
            key = choices(tokens(body), lang, format, where, report);
        }
        if (key == null) {
            return;
        }
        report.questions.add(ImportText.question(ids.next(title, topic), topic, 1, p, ex, key, source, line));
    }

    private AnswerKey numerical(String body, String where, ImportReport.Builder report) {
        List<Accepted> accepted = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (body.startsWith("=")) {
            for (Token t : tokens(body)) {
                parts.add((t.weight == null ? "" : "%" + t.weight + "%") + t.text);
            }
        } else {
            parts.add(stripFeedback(body));
        }
        for (String part : parts) {
            double credit = 1;
            Matcher w = Pattern.compile("^%(-?\\d+(?:\\.\\d+)?)%").matcher(part);
            if (w.find()) {
                credit = Double.parseDouble(w.group(1)) / 100;
                part = part.substring(w.end());
            }
            part = stripFeedback(part).strip();
            if (credit <= 0) {
                continue;
            }
            Accepted a = number(part, Math.min(1, credit));
            if (a == null) {
                report.skip(where, "certification.import.bad-number", part);
                return null;
            }
            accepted.add(a);
        }
        if (accepted.stream().noneMatch(a -> a.credit() >= 1)) {
            report.skip(where, "certification.import.no-correct", "numerical");
            return null;
        }
        return new AnswerKey.FillInKey(accepted, false);
    }

    private static Accepted number(String s, double credit) {
        int range = s.indexOf("..");
        if (range > 0) {
            String a = s.substring(0, range).strip();
            String b = s.substring(range + 2).strip();
            return NUM.matcher(a).matches() && NUM.matcher(b).matches()
                    ? new Accepted.RangeAnswer(Double.parseDouble(a), Double.parseDouble(b), credit) : null;
        }
        int colon = s.indexOf(':');
        String v = colon < 0 ? s : s.substring(0, colon).strip();
        String tol = colon < 0 ? "0" : s.substring(colon + 1).strip();
        return NUM.matcher(v).matches() && NUM.matcher(tol).matches()
                ? new Accepted.NumberAnswer(Double.parseDouble(v), Math.abs(Double.parseDouble(tol)), credit) : null;
    }

    private AnswerKey choices(List<Token> tokens, Lang lang, String format, String where, ImportReport.Builder report) {
        if (tokens.isEmpty()) {
            report.skip(where, "certification.import.gift-syntax", "{}");
            return null;
        }
        boolean matching = tokens.stream().anyMatch(t -> t.right && find(t.text, "->", 0) >= 0);
        if (matching) {
            List<String[]> leftRight = new ArrayList<>();
            for (Token t : tokens) {
                int arrow = find(t.text, "->", 0);
                if (!t.right || arrow < 0) {
                    report.skip(where, "certification.import.gift-syntax", "->");
                    return null;
                }
                leftRight.add(new String[] {convert(t.text.substring(0, arrow).strip(), format),
                    convert(t.text.substring(arrow + 2).strip(), format)});
            }
            return ImportText.matching(leftRight, lang, where, report);
        }
        if (tokens.stream().allMatch(t -> t.right)) {
            List<Accepted> accepted = new ArrayList<>();
            for (Token t : tokens) {
                double credit = t.weight == null ? 1 : t.weight / 100;
                if (credit > 0) {
                    accepted.add(new Accepted.TextAnswer(convert(t.text, format), Math.min(1, credit)));
                }
            }
            if (accepted.stream().noneMatch(a -> a.credit() >= 1)) {
                report.skip(where, "certification.import.no-correct", "short answer");
                return null;
            }
            return new AnswerKey.FillInKey(accepted, false);
        }
        List<AnswerKey.Option> options = new ArrayList<>();
        int rightMarks = 0;
        int positive = 0;
        for (Token t : tokens) {
            double w = t.right ? 1 : t.weight == null ? 0 : t.weight / 100;
            if (t.right && t.weight != null) {
                w = t.weight / 100;
            }
            rightMarks += t.right ? 1 : 0;
            positive += w > 0 ? 1 : 0;
            String id = String.valueOf((char) ('a' + options.size()));
            options.add(new AnswerKey.Option(id, ImportText.text(lang, convert(t.text, format)), w > 0, Math.max(-1, Math.min(1, w))));
        }
        if (positive == 0) {
            report.skip(where, "certification.import.no-correct", "multiple choice");
            return null;
        }
        if (rightMarks == 1 && positive == 1) {
            return new AnswerKey.ChoiceKey(strip(options), false, Scoring.ALL_OR_NOTHING, true);
        }
        if (rightMarks == 1) {
            report.note(where, "certification.import.partial-dropped");
            List<AnswerKey.Option> single = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                AnswerKey.Option o = options.get(i);
                single.add(new AnswerKey.Option(o.id(), o.text(), tokens.get(i).right, 0));
            }
            return new AnswerKey.ChoiceKey(single, false, Scoring.ALL_OR_NOTHING, true);
        }
        return new AnswerKey.ChoiceKey(options, true, Scoring.WEIGHTED, true);
    }

    private static List<AnswerKey.Option> strip(List<AnswerKey.Option> options) {
        return options.stream().map(o -> new AnswerKey.Option(o.id(), o.text(), o.correct(), 0)).toList();
    }

    private static List<Token> tokens(String body) {
        List<Token> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= body.length(); i++) {
            boolean end = i == body.length();
            char c = end ? 0 : body.charAt(i);
            if (end || (c == '=' || c == '~') && !escaped(body, i) && !(c == '=' && i + 1 < body.length() && body.charAt(i + 1) == '>')) {
                if (start >= 0) {
                    out.add(token(body.charAt(start) == '=', body.substring(start + 1, i)));
                }
                start = i;
            }
        }
        return out;
    }

    private static Token token(boolean right, String raw) {
        String s = raw.strip();
        Double weight = null;
        Matcher w = WEIGHT.matcher(s);
        if (w.find()) {
            weight = Double.parseDouble(w.group(1));
            s = s.substring(w.end());
        }
        int hash = find(s, "#", 0);
        String feedback = hash < 0 ? "" : s.substring(hash + 1).strip();
        String text = hash < 0 ? s : s.substring(0, hash);
        return new Token(right, weight, text.strip(), feedback);
    }

    private static String stripFeedback(String s) {
        int hash = find(s, "#", 0);
        return (hash < 0 ? s : s.substring(0, hash)).strip();
    }

    private static String convert(String raw, String format) {
        String s = unescape(raw);
        return format.equals("html") ? ImportText.htmlToMarkdown(s) : s.strip();
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean escaped(String s, int i) {
        int backslashes = 0;
        for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static int find(String s, String what, int from) {
        for (int i = s.indexOf(what, from); i >= 0; i = s.indexOf(what, i + 1)) {
            if (!escaped(s, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Splits on blank lines, drops {@code //} comment lines, keeps each block's first line number. */
    private static List<Block> blocks(String content) {
        List<Block> out = new ArrayList<>();
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder cur = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (i == 0 && l.startsWith("\uFEFF")) {
                l = l.substring(1);
            }
            if (l.strip().startsWith("//")) {
                continue;
            }
            if (l.isBlank()) {
                if (cur.length() > 0) {
                    out.add(new Block(cur.toString(), start));
                    cur.setLength(0);
                }
                continue;
            }
            if (cur.length() == 0) {
                start = i + 1;
            } else {
                cur.append('\n');
            }
            cur.append(l);
        }
        if (cur.length() > 0) {
            out.add(new Block(cur.toString(), start));
        }
        return out;
    }
}
