package campus.server.http;

import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request bodies, read with a hard byte limit whatever the framing (a chunked body has no length to check up
 * front) and parsed as strict JSON. Everything wrong with a body is the client's mistake: 400 or 413.
 */
public final class Bodies {

    /** Deeper nesting than this is refused before parsing: nothing a client sends needs it. */
    static final int MAX_DEPTH = 64;

    private Bodies() {
    }

    /** The body's bytes; 413 once it passes {@code max}, without reading the rest. */
    public static byte[] read(Context ctx, int max) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw tooLarge(max);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buf = new byte[16384];
        try (InputStream in = ctx.req().getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (out.size() + n > max) {
                    throw tooLarge(max);
                }
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(ApiError.TOO_LARGE, "the request body is larger than " + max + " bytes", 413);
    }

    /** The body as one JSON object, with the protocol's limit. */
    public static JsonObject object(Context ctx) throws IOException {
        return parseObject(read(ctx, Protocol.MAX_BODY_BYTES));
    }

    static JsonObject parseObject(byte[] bytes) {
        String text = utf8(bytes);
        if (text.isBlank()) {
            throw ApiException.badRequest("the request body is empty; a JSON object was expected");
        }
        checkDepth(text);
        JsonElement root;
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        try {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            throw ApiException.badRequest("the request body is not valid JSON" + where(e));
        }
        try {
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("more");
            }
        } catch (IOException | JsonParseException e) {
            throw ApiException.badRequest("the request body has more after its JSON value");
        }
        if (!root.isJsonObject()) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        return root.getAsJsonObject();
    }

    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    /** Where Gson stopped, as " (line L, column C)"; its own wording is meant for programmers. */
    private static String where(Exception e) {
        Matcher m = LOCATION.matcher(String.valueOf(e.getMessage()));
        return m.find() ? " (line " + m.group(1) + ", column " + m.group(2) + ")" : "";
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("the request body is not UTF-8 text");
        }
    }

    /** Nesting depth counted outside strings, so a deeply nested body cannot exhaust a stack later. */
    static void checkDepth(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw ApiException.badRequest("the request body is nested deeper than " + MAX_DEPTH + " levels");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }
}
