package campus.certification.json;

import campus.certification.json.JsonValue.JArray;
import campus.certification.json.JsonValue.JBool;
import campus.certification.json.JsonValue.JNull;
import campus.certification.json.JsonValue.JNumber;
import campus.certification.json.JsonValue.JObject;
import campus.certification.json.JsonValue.JString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON (RFC 8259) parser that records the line of every value and object key.
 * A duplicate key in one object is an error: an author who writes {@code "answer"} twice meant one of them.
 */
public final class JsonParser {

    /** Malformed JSON, with the 1-based line and column where reading stopped. */
    public static final class JsonSyntaxError extends Exception {
        private final int line;
        private final int column;
        private final String reason;

        JsonSyntaxError(String reason, int line, int column) {
            super(reason + " at line " + line + " column " + column);
            this.reason = reason;
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        public String reason() {
            return reason;
        }
    }

    private static final int MAX_DEPTH = 64;

    private final String s;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;

    private JsonParser(String s) {
        this.s = s;
    }

    public static JsonValue parse(String text) throws JsonSyntaxError {
        JsonParser p = new JsonParser(text.startsWith("\uFEFF") ? text.substring(1) : text);
        p.ws();
        JsonValue v = p.value();
        p.ws();
        if (p.pos < p.s.length()) {
            throw p.error("unexpected text after the end of the document");
        }
        return v;
    }

    private JsonSyntaxError error(String reason) {
        return new JsonSyntaxError(reason, line, pos - lineStart + 1);
    }

    private void ws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonValue value() throws JsonSyntaxError {
        if (pos >= s.length()) {
            throw error("unexpected end of file");
        }
        char c = s.charAt(pos);
        int at = line;
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return new JString(string(), at);
            case 't':
                literal("true");
                return new JBool(true, at);
            case 'f':
                literal("false");
                return new JBool(false, at);
            case 'n':
                literal("null");
                return new JNull(at);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private void literal(String word) throws JsonSyntaxError {
        if (!s.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
    }

    private JObject object() throws JsonSyntaxError {
        int at = line;
        enter();
        pos++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        ws();
        if (peek() == '}') {
            pos++;
            depth--;
            return new JObject(members, keyLines, at);
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw error("expected a quoted key");
            }
            int keyLine = line;
            String key = string();
            if (members.containsKey(key)) {
                throw error("duplicate key \"" + key + "\"");
            }
            ws();
            expect(':');
            ws();
            members.put(key, value());
            keyLines.put(key, keyLine);
            ws();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return new JObject(members, keyLines, at);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private JArray array() throws JsonSyntaxError {
        int at = line;
        enter();
        pos++;
        List<JsonValue> items = new ArrayList<>();
        ws();
        if (peek() == ']') {
            pos++;
            depth--;
            return new JArray(items, at);
        }
        while (true) {
            ws();
            items.add(value());
            ws();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return new JArray(items, at);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private void enter() throws JsonSyntaxError {
        if (++depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
    }

    private char peek() throws JsonSyntaxError {
        if (pos >= s.length()) {
            throw error("unexpected end of file");
        }
        return s.charAt(pos);
    }

    private void expect(char c) throws JsonSyntaxError {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private String string() throws JsonSyntaxError {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = peek();
            pos++;
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\n') {
                pos--;
                throw error("line break inside a string (write \\n)");
            }
            if (c < 0x20) {
                throw error("control character inside a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = peek();
            pos++;
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw error("bad \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private JNumber number() throws JsonSyntaxError {
        int at = line;
        int start = pos;
        if (s.charAt(pos) == '-') {
            pos++;
        }
        digits();
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            digits();
        }
        String lit = s.substring(start, pos);
        return new JNumber(Double.parseDouble(lit), lit, at);
    }

    private void digits() throws JsonSyntaxError {
        int start = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit");
        }
    }
}
