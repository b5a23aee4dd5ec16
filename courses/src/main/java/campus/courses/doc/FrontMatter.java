package campus.courses.doc;

/**
 * The YAML front matter at the top of a lesson: a {@code ---} line, {@code key: value} lines, and a
 * closing {@code ---} (or {@code ...}). Campus reads only {@code title}, as YAML would: plain,
 * {@code "double-quoted"} (with backslash escapes) or {@code 'single-quoted'} (with {@code ''}).
 * Read by hand rather than by Flexmark's extension, because that one swallows the whole lesson when
 * the closing line is missing, and the course list reads titles without parsing whole lessons.
 *
 * @param lines     how many lines the front matter takes, closing line included (0 when there is none)
 * @param closed    false when the opening {@code ---} is never closed
 * @param title     the title, empty when not given
 * @param titleLine the 1-based line of {@code title:}, 0 when not given
 */
public record FrontMatter(int lines, boolean closed, String title, int titleLine) {

    public static final FrontMatter NONE = new FrontMatter(0, true, "", 0);

    /** How far into a lesson the front matter may reach before it counts as unclosed. */
    private static final int MAX_LINES = 50;

    public static FrontMatter of(String text) {
        String[] lines = text.split("\r?\n", MAX_LINES + 2);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return NONE;
        }
        String title = "";
        int titleLine = 0;
        for (int i = 1; i < lines.length && i <= MAX_LINES; i++) {
            String line = lines[i];
            String s = line.strip();
            if (s.equals("---") || s.equals("...")) {
                return new FrontMatter(i + 1, true, title, titleLine);
            }
            if (line.startsWith("title:")) {
                title = value(line.substring("title:".length()));
                titleLine = i + 1;
            }
        }
        return new FrontMatter(1, false, title, titleLine);
    }

    /** The text with the front matter's lines blanked, so Markdown line numbers stay those of the file. */
    public String blank(String text) {
        if (lines == 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int line = 1;
        int i = 0;
        while (i < text.length() && line <= lines) {
            if (text.charAt(i) == '\n') {
                sb.append('\n');
                line++;
            }
            i++;
        }
        return sb.append(text, i, text.length()).toString();
    }

    static String value(String raw) {
        String v = raw.strip();
        if (v.startsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '"') {
                    return sb.toString().strip();
                }
                if (c == '\\' && i + 1 < v.length()) {
                    char e = v.charAt(++i);
                    if (e == 'u' && i + 4 < v.length()) {
                        sb.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                    }
                } else {
                    sb.append(c);
                }
            }
            return sb.toString().strip();
        }
        if (v.startsWith("'")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\'') {
                    if (i + 1 < v.length() && v.charAt(i + 1) == '\'') {
                        sb.append('\'');
                        i++;
                    } else {
                        return sb.toString().strip();
                    }
                } else {
                    sb.append(c);
                }
            }
            return sb.toString().strip();
        }
        int comment = v.indexOf(" #");
        return (comment >= 0 ? v.substring(0, comment) : v).strip();
    }
}
