package campus.i18n.json;

import campus.i18n.json.JsonValue.JArray;
import campus.i18n.json.JsonValue.JBool;
import campus.i18n.json.JsonValue.JNull;
import campus.i18n.json.JsonValue.JNumber;
import campus.i18n.json.JsonValue.JObject;
import campus.i18n.json.JsonValue.JString;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of JSON that authors write (course.json, labs, question banks and quizzes): strict JSON
 * read by Gson's {@link JsonReader} into {@link JsonValue}s that keep the line of every key and value.
 * Strict, because the other tools an author uses (editors, CI linters) reject comments, single quotes,
 * unquoted names and trailing commas too. Gson tells positions only in {@link JsonReader#toString()}
 * ({@code "JsonReader at line 3 column 7 path $.id"}), read by {@link #where}; see
 * docs/decisions/0007-one-reader-for-authored-json.md.
 */
public final class AuthoredJson {

    /** The reader's position: Gson's column is one past the character it stopped at. */
    private static final Pattern WHERE = Pattern.compile(" at line (\\d+) column (\\d+)(?: path \\S*)?");
    private static final int MAX_DEPTH = 64;

    /** A key given twice in one object ({@code path} like {@code title.en} or {@code lessons[2].id}). */
    public record Duplicate(String path, String key, int line, int column) {
    }

    /** A whole document: its value, and the keys given twice (the later value is the one kept). */
    public record Document(JsonValue root, List<Duplicate> duplicates) {
        public Document {
            duplicates = List.copyOf(duplicates);
        }
    }

    /**
     * Malformed JSON at a 1-based line and column (the column of the character reading stopped at).
     * {@code afterDocument} marks text after a complete document.
     */
    public static final class SyntaxError extends Exception {
        private final int line;
        private final int column;
        private final String reason;
        private final boolean afterDocument;
        private final boolean endOfFile;

        SyntaxError(String reason, int line, int column, boolean afterDocument) {
            this(reason, line, column, afterDocument, false);
        }

        SyntaxError(String reason, int line, int column, boolean afterDocument, boolean endOfFile) {
            super(reason + " at line " + line + " column " + column);
            this.reason = reason;
            this.line = line;
            this.column = column;
            this.afterDocument = afterDocument;
            this.endOfFile = endOfFile;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** What went wrong, in the author's terms, without the position. */
        public String reason() {
            return reason;
        }

        /** The reason followed by its column (none where the file ended), as shown after "Malformed JSON: ". */
        public String described() {
            return endOfFile ? reason : reason + " (column " + column + ")";
        }

        public boolean afterDocument() {
            return afterDocument;
        }
    }

    private final JsonReader reader;
    private final List<Duplicate> duplicates = new ArrayList<>();
    private int depth;

    private AuthoredJson(String text) {
        reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
    }

    public static Document parse(String text) throws SyntaxError {
        AuthoredJson p = new AuthoredJson(text.startsWith("\uFEFF") ? text.substring(1) : text);
        try {
            JsonValue root = p.value("");
            p.end();
            return new Document(root, p.duplicates);
        } catch (IOException e) {
            throw syntaxError(e.getMessage());
        }
    }

    private void end() throws SyntaxError {
        try {
            if (reader.peek() == JsonToken.END_DOCUMENT) {
                return;
            }
        } catch (IOException e) {
            // more text that is not JSON at all: reported as text after the document
        }
        int[] at = where(reader.toString());
        throw new SyntaxError("unexpected text after the end of the document", at[0], Math.max(1, at[1] - 1), true);
    }

    private JsonValue value(String path) throws IOException, SyntaxError {
        JsonToken token = reader.peek();
        int line = where(reader.toString())[0];
        switch (token) {
            case BEGIN_OBJECT:
                return object(path, line);
            case BEGIN_ARRAY:
                return array(path, line);
            case STRING:
                return new JString(reader.nextString(), line);
            case NUMBER:
                String literal = reader.nextString();
                return new JNumber(Double.parseDouble(literal), literal, line);
            case BOOLEAN:
                return new JBool(reader.nextBoolean(), line);
            case NULL:
                reader.nextNull();
                return new JNull(line);
            default:
                throw new IllegalStateException("a value cannot start with " + token);
        }
    }

    private JObject object(String path, int line) throws IOException, SyntaxError {
        enter();
        reader.beginObject();
        Map<String, JsonValue> members = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        while (reader.hasNext()) {
            String key = reader.nextName();
            int[] at = where(reader.toString());
            String child = path.isEmpty() ? key : path + "." + key;
            if (keyLines.putIfAbsent(key, at[0]) != null) {
                duplicates.add(new Duplicate(child, key, at[0], at[1]));
            }
            members.put(key, value(child));
        }
        reader.endObject();
        depth--;
        return new JObject(members, keyLines, line);
    }

    private JArray array(String path, int line) throws IOException, SyntaxError {
        enter();
        reader.beginArray();
        List<JsonValue> items = new ArrayList<>();
        while (reader.hasNext()) {
            items.add(value(path + "[" + items.size() + "]"));
        }
        reader.endArray();
        depth--;
        return new JArray(items, line);
    }

    private void enter() throws SyntaxError {
        if (++depth > MAX_DEPTH) {
            int[] at = where(reader.toString());
            throw new SyntaxError("nested too deeply", at[0], Math.max(1, at[1] - 1), false);
        }
    }

    /** {@code v} as compact JSON ({@code "x"}, {@code 1.50}, {@code [1,{"a":true}]}), to quote it in a message. */
    public static String compact(JsonValue v) {
        StringBuilder sb = new StringBuilder();
        compact(v, sb);
        return sb.toString();
    }

    private static void compact(JsonValue v, StringBuilder sb) {
        if (v instanceof JString s) {
            sb.append(new JsonPrimitive(s.value()));
        } else if (v instanceof JNumber n) {
            sb.append(n.literal());
        } else if (v instanceof JBool b) {
            sb.append(b.value());
        } else if (v instanceof JNull) {
            sb.append("null");
        } else if (v instanceof JArray a) {
            sb.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                sb.append(i == 0 ? "" : ",");
                compact(a.items().get(i), sb);
            }
            sb.append(']');
        } else if (v instanceof JObject o) {
            sb.append('{');
            String sep = "";
            for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
                sb.append(sep).append(new JsonPrimitive(m.getKey())).append(':');
                compact(m.getValue(), sb);
                sep = ",";
            }
            sb.append('}');
        }
    }

    /** Line and (Gson's) column of a Gson location; {1, 1} when there is none. */
    static int[] where(String gsonText) {
        Matcher m = WHERE.matcher(gsonText == null ? "" : gsonText);
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : new int[] {1, 1};
    }

    /** Gson's message without its location (the error has it), its help link, or its API advice. */
    static SyntaxError syntaxError(String gsonMessage) {
        String m = gsonMessage == null ? "" : gsonMessage.lines().findFirst().orElse("");
        int[] at = where(m);
        int column = Math.max(1, at[1] - 1);
        m = WHERE.matcher(m).replaceAll("");
        if (m.startsWith("Use JsonReader.setStrictness")) {
            m = "not strict JSON (unquoted name or text, single quotes, a comment or a trailing comma?)";
        } else if (m.startsWith("End of input")) {
            return new SyntaxError("the file ends before the JSON is complete (a missing } or ]?)", at[0], column, false, true);
        }
        return new SyntaxError(m, at[0], column, false);
    }
}
