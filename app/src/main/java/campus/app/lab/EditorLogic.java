package campus.app.lab;

import campus.app.sql.SqlHighlighter;
import campus.app.sql.SqlSpan;
import campus.app.sql.SqlTokenKind;
import campus.labs.sandbox.SchemaTable;
import campus.labs.sql.SqlLexer;
import campus.labs.sql.SqlScript;
import campus.labs.sql.SqlStatement;
import campus.labs.sql.SqlSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The editor's text rules, without JavaFX: which statement the caret is in, brackets, indents, completion. */
final class EditorLogic {

    /** A range of the text. */
    record Range(int start, int end) { }

    private EditorLogic() {
    }

    /**
     * The statement the caret is in or just after (a caret right after {@code ;} or on a blank line
     * following a statement belongs to that statement), split with the labs module's splitter. Empty
     * when the text has no statement; the whole text when it cannot be split (an unterminated string),
     * so the sandbox reports the error at its position.
     */
    static Optional<Range> statementAt(String text, int caret) {
        List<SqlStatement> all;
        try {
            all = SqlScript.split(text);
        } catch (SqlSyntaxException e) {
            return text.isBlank() ? Optional.empty() : Optional.of(new Range(0, text.length()));
        }
        SqlStatement best = null;
        for (SqlStatement s : all) {
            if (s.start() <= caret || best == null) {
                best = s;
            }
            if (caret <= s.start() + s.text().length()) {
                break;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Range(best.start(), best.start() + best.text().length()));
    }

    /**
     * The bracket matching the one next to the caret (after it first, then before it), skipping
     * brackets in strings, quoted names and comments: {@code [bracket, match]}, or empty.
     */
    static Optional<int[]> matchingBracket(String text, int caret) {
        List<SqlSpan> spans = SqlHighlighter.spans(text);
        for (int at : new int[] {caret, caret - 1}) {
            if (at < 0 || at >= text.length() || !isCodeBracket(spans, at, text)) {
                continue;
            }
            char c = text.charAt(at);
            int dir = c == '(' ? 1 : -1;
            int depth = 0;
            for (int i = at; i >= 0 && i < text.length(); i += dir) {
                if (!isCodeBracket(spans, i, text)) {
                    continue;
                }
                depth += text.charAt(i) == '(' ? dir : -dir;
                if (depth == 0) {
                    return Optional.of(new int[] {at, i});
                }
            }
            return Optional.of(new int[] {at, -1});
        }
        return Optional.empty();
    }

    private static boolean isCodeBracket(List<SqlSpan> spans, int i, String text) {
        char c = text.charAt(i);
        if (c != '(' && c != ')') {
            return false;
        }
        int lo = 0;
        int hi = spans.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            SqlSpan s = spans.get(mid);
            if (i < s.start()) {
                hi = mid - 1;
            } else if (i >= s.end()) {
                lo = mid + 1;
            } else {
                return s.kind() == SqlTokenKind.OPERATOR;
            }
        }
        return true;
    }

    /** The leading spaces and tabs of the line that holds {@code offset}, up to {@code offset}. */
    static String indentAt(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        if (offset == 0) {
            lineStart = 0;
        }
        int i = lineStart;
        while (i < offset && i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(lineStart, i);
    }

    /**
     * The word being typed: the name the lexer reads just before the caret (the lexer H2's own tokenizer is
     * matched by), or an empty range when the caret is not at the end of a name (in a string, a comment, after a
     * symbol).
     */
    static Range wordBefore(String text, int caret) {
        Range[] last = {new Range(caret, caret)};
        // lexing from the start of the text keeps strings and comments that cross lines right
        SqlLexer.lex(text, 0, caret, SqlLexer.State.NORMAL, SqlLexer.Flavor.H2, x -> {
            if (x.end() == caret && x.kind() == SqlLexer.Kind.WORD) {
                last[0] = new Range(x.start(), x.end());
            }
        });
        return last[0];
    }

    /**
     * Completions for a prefix: table names, then column names, then keywords, each starting with the
     * prefix (case-insensitive); keywords keep the case the learner typed in.
     */
    static List<String> completions(String prefix, List<SchemaTable> schema, Set<String> keywords) {
        String p = prefix.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        for (SchemaTable t : schema) {
            if (t.name().toLowerCase(Locale.ROOT).startsWith(p)) {
                out.add(t.name());
            }
        }
        for (SchemaTable t : schema) {
            for (SchemaTable.Column c : t.columns()) {
                if (c.name().toLowerCase(Locale.ROOT).startsWith(p)) {
                    out.add(c.name());
                }
            }
        }
        boolean lower = !prefix.isEmpty() && Character.isLowerCase(prefix.charAt(0));
        List<String> kws = new ArrayList<>();
        for (String k : keywords) {
            if (k.toLowerCase(Locale.ROOT).startsWith(p)) {
                kws.add(lower ? k.toLowerCase(Locale.ROOT) : k);
            }
        }
        kws.sort(null);
        out.addAll(kws);
        out.remove(prefix);
        return List.copyOf(out);
    }
}
