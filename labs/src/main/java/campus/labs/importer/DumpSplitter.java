package campus.labs.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a mysqldump file the way the mysql client does: {@code --} / {@code #} / block comments (not nested),
 * strings with backslash escapes, backticks, {@code DELIMITER} lines, and {@code /*!NNNNN ... *}{@code /}
 * conditional comments, which become the statement when they are the whole statement and are dropped
 * (and counted) inside one. Our own splitter: H2's script reader mis-splits after a comment ending {@code **}{@code /}.
 */
final class DumpSplitter {

    record Piece(String text, int line, boolean conditional, boolean inDelimiterBlock) {
    }

    private DumpSplitter() {
    }

    static List<Piece> split(String s, int[] droppedConditionals) {
        List<Piece> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String delimiter = ";";
        int line = 1;
        int startLine = 1;
        boolean conditional = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean atLineStart = i == 0 || s.charAt(i - 1) == '\n';
            if (atLineStart && cur.toString().isBlank() && s.regionMatches(true, i, "DELIMITER ", 0, 10)) {
                int eol = s.indexOf('\n', i);
                eol = eol < 0 ? s.length() : eol;
                delimiter = s.substring(i + 10, eol).strip();
                i = eol;
                continue;
            }
            if (cur.toString().isBlank() && !Character.isWhitespace(c)) {
                startLine = line;
            }
            if (c == '\n') {
                line++;
            }
            if (s.startsWith(delimiter, i)) {
                add(out, cur, startLine, conditional, !delimiter.equals(";"));
                cur.setLength(0);
                conditional = false;
                i += delimiter.length();
                continue;
            }
            if (c == '-' && s.startsWith("-- ", i) || c == '#' || c == '-' && s.startsWith("--\n", i)) {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? s.length() : eol;
                continue;
            }
            if (c == '/' && s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end;
                String body = s.substring(i + 2, end);
                line += count(body, '\n');
                if (body.startsWith("!")) {
                    String inner = body.substring(1).replaceFirst("^\\d{5,6}", "");
                    if (cur.toString().isBlank() || conditional) {
                        if (!conditional) {
                            startLine = line - count(body, '\n');
                        }
                        cur.append(' ').append(inner);
                        conditional = true;
                    } else {
                        droppedConditionals[0]++;
                        cur.append(' ');
                    }
                } else {
                    cur.append(' ');
                }
                i = Math.min(s.length(), end + 2);
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    if (s.charAt(j) == '\\' && c != '`') {
                        j++;
                    } else if (s.charAt(j) == '\n') {
                        line++;
                    }
                    j++;
                }
                if (j + 1 < s.length() && s.charAt(j + 1) == c) {
                    cur.append(s, i, j + 1);
                    i = j + 1;
                    continue;
                }
                cur.append(s, i, Math.min(s.length(), j + 1));
                i = j + 1;
                continue;
            }
            cur.append(c);
            i++;
        }
        add(out, cur, startLine, conditional, !delimiter.equals(";"));
        return out;
    }

    private static void add(List<Piece> out, StringBuilder cur, int line, boolean conditional, boolean block) {
        String t = cur.toString().strip();
        if (!t.isEmpty()) {
            out.add(new Piece(t, line, conditional, block));
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == c) {
                n++;
            }
        }
        return n;
    }
}
