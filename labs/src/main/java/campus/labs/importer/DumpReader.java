package campus.labs.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a MySQL script as a stream and hands out one statement at a time, the way the mysql client splits it:
 * {@code --} / {@code #} / block comments (not nested), strings with backslash escapes, backticks,
 * {@code DELIMITER} lines, the client's {@code source file} command, and {@code /*!NNNNN ... *}{@code /}
 * conditional comments, which become the statement when they are the whole statement and are dropped (and
 * counted) inside one. Each character is looked at once and copied at most once, so time and memory grow with
 * the size of the dump and of its longest statement, not with their square. Lines end with LF, CRLF or a lone
 * CR; the line of each statement is the line of its first character in the file.
 */
final class DumpReader implements AutoCloseable {

    /**
     * One statement, or (when {@code sourceFile} is not null) the client command {@code source sourceFile}.
     * {@code dropped}: the conditional comments dropped inside it, unless it is an INSERT or REPLACE (those are only
     * counted: a data file can hold one per row).
     */
    record Piece(String text, int line, boolean conditional, boolean inDelimiterBlock, String sourceFile,
                 List<Dropped> dropped) {
    }

    /** A {@code /*!NNNNN text *}{@code /} dropped inside a statement: its line, version digits (maybe none) and text. */
    record Dropped(int line, String version, String text) {
    }

    private static final int LOOKAHEAD = 16;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private int line = 1;
    private boolean atLineStart = true;
    private String delimiter = ";";
    private int droppedConditionals;
    private final List<Dropped> dropped = new ArrayList<>();
    private long charsRead;
    private long copied;

    DumpReader(Reader in) {
        this.in = in;
    }

    int droppedConditionals() {
        return droppedConditionals;
    }

    /** Characters consumed so far: with {@link #copied} the work done, for the linearity test. */
    long charsRead() {
        return charsRead;
    }

    /** Characters copied into statements so far. */
    long copied() {
        return copied;
    }

    /** The next statement or client command, or null at the end of the dump. */
    Piece next() throws IOException {
        StringBuilder cur = new StringBuilder();
        boolean blank = true;
        boolean conditional = false;
        int startLine = line;
        while (true) {
            int c = peek(0);
            if (c < 0) {
                return blank ? null : piece(cur, startLine, conditional, null);
            }
            if (atLineStart && blank && startsWithWord("DELIMITER")) {
                String rest = restOfLine().substring("DELIMITER".length()).strip();
                if (!rest.isEmpty()) {
                    delimiter = rest;
                }
                continue;
            }
            if (atLineStart && blank && (startsWithWord("SOURCE") || startsWith("\\. "))) {
                int at = line;
                String rest = restOfLine().strip();
                String file = rest.substring(rest.startsWith("\\.") ? 2 : "SOURCE".length()).strip();
                if (file.endsWith(delimiter)) {
                    file = file.substring(0, file.length() - delimiter.length()).strip();
                }
                return new Piece("source " + file, at, false, false, file, List.of());
            }
            if (c == delimiter.charAt(0) && startsWith(delimiter)) {
                skip(delimiter.length());
                if (!blank) {
                    return piece(cur, startLine, conditional, null);
                }
                conditional = false;
                cur.setLength(0);
                dropped.clear();
                continue;
            }
            if (c == '#' || c == '-' && peek(1) == '-' && (peek(2) < 0 || peek(2) <= ' ')) {
                while (peek(0) >= 0 && peek(0) != '\n' && peek(0) != '\r') {
                    skip(1);
                }
                continue;
            }
            if (c == '/' && peek(1) == '*') {
                int at = line;
                skip(2);
                boolean versioned = peek(0) == '!';
                StringBuilder body = versioned ? new StringBuilder() : null;
                StringBuilder version = new StringBuilder();
                if (versioned) {
                    skip(1);
                    while (Character.isDigit(peek(0))) {
                        version.append((char) take());
                    }
                }
                while (peek(0) >= 0 && !(peek(0) == '*' && peek(1) == '/')) {
                    int ch = take();
                    if (body != null) {
                        body.append((char) ch);
                    }
                }
                skip(Math.min(2, peek(0) < 0 ? 0 : 2));
                if (versioned && (blank || conditional)) {
                    if (blank && !body.toString().isBlank()) {
                        startLine = at;
                        blank = false;
                    }
                    cur.append(' ').append(body);
                    copied += body.length() + 1;
                    conditional = true;
                } else {
                    if (versioned) {
                        droppedConditionals++;
                        if (!isDataStatement(cur)) {
                            dropped.add(new Dropped(at, version.toString(), body.toString().strip().replaceAll("\\s+", " ")));
                        }
                    }
                    cur.append(' ');
                }
                continue;
            }
            if (blank && !isSpace(c)) {
                startLine = line;
                blank = false;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quoted(cur, (char) c);
                continue;
            }
            cur.append((char) take());
            copied++;
        }
    }

    private Piece piece(StringBuilder cur, int startLine, boolean conditional, String source) {
        Piece p = new Piece(cur.toString().strip(), startLine, conditional, !delimiter.equals(";"), source,
                List.copyOf(dropped));
        dropped.clear();
        return p;
    }

    /** The statement read so far is an INSERT or REPLACE (looked at only when a conditional comment is dropped). */
    private static boolean isDataStatement(StringBuilder cur) {
        int k = 0;
        while (k < cur.length() && cur.charAt(k) <= ' ') {
            k++;
        }
        String head = cur.substring(k, Math.min(cur.length(), k + 7)).toUpperCase(Locale.ROOT);
        return head.startsWith("INSERT") || head.startsWith("REPLACE");
    }

    /** Copies a quoted run, its quotes included; backslash escapes in strings, not in backtick names. */
    private void quoted(StringBuilder cur, char q) throws IOException {
        cur.append((char) take());
        copied++;
        while (peek(0) >= 0) {
            int ch = take();
            cur.append((char) ch);
            copied++;
            if (ch == '\\' && q != '`' && peek(0) >= 0) {
                cur.append((char) take());
                copied++;
            } else if (ch == q) {
                return;
            }
        }
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || Character.isWhitespace(c);
    }

    private boolean startsWith(String s) throws IOException {
        for (int k = 0; k < s.length(); k++) {
            if (peek(k) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A word at the read position, case-insensitive, followed by a blank or the end of the line. */
    private boolean startsWithWord(String upper) throws IOException {
        for (int k = 0; k < upper.length(); k++) {
            int c = peek(k);
            if (c < 0 || Character.toUpperCase((char) c) != upper.charAt(k)) {
                return false;
            }
        }
        int after = peek(upper.length());
        return after == ' ' || after == '\t';
    }

    /** Consumes up to, not including, the end of the line, and returns it. Client commands are one line. */
    private String restOfLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (peek(0) >= 0 && peek(0) != '\n' && peek(0) != '\r') {
            sb.append((char) take());
        }
        return sb.toString();
    }

    private void skip(int n) throws IOException {
        for (int k = 0; k < n && peek(0) >= 0; k++) {
            take();
        }
    }

    /** Consumes one character, counting lines: LF, CRLF (one line) and a lone CR each end a line. */
    private int take() throws IOException {
        int c = peek(0);
        if (c < 0) {
            return c;
        }
        pos++;
        charsRead++;
        if (c == '\n' || c == '\r' && peek(0) != '\n') {
            line++;
            atLineStart = true;
        } else if (c != '\r') {
            atLineStart = false;
        }
        return c;
    }

    /** The character {@code ahead} places after the read position (below {@link #LOOKAHEAD}), or -1 at the end. */
    private int peek(int ahead) throws IOException {
        if (pos + ahead >= lim && !eof) {
            fill(ahead);
        }
        return pos + ahead < lim ? buf[pos + ahead] : -1;
    }

    private void fill(int ahead) throws IOException {
        if (ahead >= LOOKAHEAD) {
            throw new IllegalArgumentException("lookahead " + ahead);
        }
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
        while (lim <= ahead && !eof) {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The start of a statement, for a message about a statement that could not be read. */
    static String firstWords(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }
}
