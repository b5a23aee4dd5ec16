package campus.certification.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GIFT's text layer, as Moodle reads it: a file is cut into questions at blank lines (lines are
 * trimmed, {@code //} lines are comments); escapes ({@code \: \# \= \{ \} \~ \n}, and {@code \\} which
 * protects a backslash) are swapped for placeholders before the answer block is taken apart and put
 * back afterwards; any text may start with a format, {@code [html] [markdown] [plain] [moodle]}.
 */
final class GiftText {

    /** A question's lines joined, and the line it starts on (1-based). */
    record Block(String text, int line) {
    }

    /** A text and its format name ({@code html}, {@code markdown}, {@code plain} or {@code moodle}). */
    record Formatted(String text, String format) {
        String markdown() {
            return ImportText.convert(text, format);
        }
    }

    private static final String BACKSLASH = "\uE000";
    private static final String[] ESCAPED = {"\\:", "\\#", "\\=", "\\{", "\\}", "\\~", "\\n"};
    private static final String[] PLACEHOLDER = {"\uE001", "\uE002", "\uE003", "\uE004", "\uE005", "\uE006", "\uE007"};
    private static final String[] PLAIN = {":", "#", "=", "{", "}", "~", "\n"};
    private static final Pattern FORMAT = Pattern.compile("^\\[(html|markdown|plain|moodle)]");

    private GiftText() {
    }

    /** Swaps escaped control characters for placeholders, so they never split or mark anything. */
    static String escape(String s) {
        String out = s.replace("\\\\", BACKSLASH);
        for (int i = 0; i < ESCAPED.length; i++) {
            out = out.replace(ESCAPED[i], PLACEHOLDER[i]);
        }
        return out;
    }

    /** Puts the escaped characters back as themselves. */
    static String unescape(String s) {
        String out = s;
        for (int i = 0; i < PLACEHOLDER.length; i++) {
            out = out.replace(PLACEHOLDER[i], PLAIN[i]);
        }
        return out.replace(BACKSLASH, "\\");
    }

    /** Moodle's {@code parse_text_with_format}: an optional {@code [format]} prefix, then the text, trimmed. */
    static Formatted formatted(String raw, String defaultFormat) {
        String s = ImportText.trim(raw);
        Matcher m = FORMAT.matcher(s);
        if (m.find()) {
            return new Formatted(ImportText.trim(unescape(s.substring(m.end()))), m.group(1));
        }
        return new Formatted(ImportText.trim(unescape(s)), defaultFormat);
    }

    /** Splits on blank lines, drops {@code //} comment lines, keeps each block's first line number. */
    static List<Block> blocks(String content) {
        List<Block> out = new ArrayList<>();
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder cur = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (i == 0 && l.startsWith("\uFEFF")) {
                l = l.substring(1).strip();
            }
            if (l.startsWith("//")) {
                continue;
            }
            if (l.isEmpty()) {
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

    /** PHP's {@code explode} with Moodle's habit of dropping an empty first piece. */
    static List<String> answers(String body, String separator) {
        List<String> out = new ArrayList<>(List.of(body.split(Pattern.quote(separator), -1)));
        if (!out.isEmpty() && out.get(0).isBlank()) {
            out.remove(0);
        }
        return out;
    }

    /** Moodle's {@code commentparser}: text before the first {@code #}, feedback after it. */
    static Formatted[] comment(String answer, String defaultFormat) {
        int hash = answer.indexOf('#');
        Formatted text = formatted(hash < 0 ? answer : answer.substring(0, hash), defaultFormat);
        Formatted feedback = formatted(hash < 0 ? "" : answer.substring(hash + 1), defaultFormat);
        return new Formatted[] {text, feedback};
    }
}
