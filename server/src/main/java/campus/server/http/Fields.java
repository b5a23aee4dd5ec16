package campus.server.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;

/**
 * Typed reads of a parsed request with exact messages naming the field ({@code events[3].seq}). Gson alone
 * would turn {@code 3.5} or {@code 1e30} into some {@code int} without a word, and {@code 5} into the string
 * {@code "5"}: a request is checked here first and mapped to its record after.
 */
public final class Fields {

    private Fields() {
    }

    public static String text(JsonObject o, String name, String path, boolean required, int maxLength) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw ApiException.badRequest(at(path, name) + ": missing");
            }
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw ApiException.badRequest(at(path, name) + ": expected a string, got " + shown(e));
        }
        String s = e.getAsString();
        if (required && s.isEmpty()) {
            throw ApiException.badRequest(at(path, name) + ": must not be empty");
        }
        if (s.length() > maxLength) {
            throw ApiException.badRequest(at(path, name) + ": longer than " + maxLength + " characters");
        }
        checkStorable(s, at(path, name));
        return s;
    }

    /**
     * Refuses what no database here stores the same way: NUL (PostgreSQL rejects it) and a lone UTF-16
     * surrogate from a {@code \ud800} escape (not UTF-8 at all; MySQL rejects it).
     */
    public static void checkStorable(String s, String where) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw ApiException.badRequest(where + ": contains a NUL character");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw ApiException.badRequest(where + ": contains a lone UTF-16 surrogate (" + String.format("\\u%04x", (int) c) + ")");
                }
            }
        }
    }

    /** A whole number within {@code [min, max]}; {@code fallback} when absent, or 400 if that is null. */
    public static long whole(JsonObject o, String name, String path, long min, long max, Long fallback) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            if (fallback == null) {
                throw ApiException.badRequest(at(path, name) + ": missing");
            }
            return fallback;
        }
        return whole(e, at(path, name), min, max);
    }

    public static long whole(JsonElement e, String where, long min, long max) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            try {
                BigDecimal d = e.getAsBigDecimal();
                if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
                    if (d.compareTo(BigDecimal.valueOf(min)) >= 0 && d.compareTo(BigDecimal.valueOf(max)) <= 0) {
                        return d.longValueExact();
                    }
                }
            } catch (NumberFormatException | ArithmeticException ignored) {
                // Falls through to the message: a number too long or with an absurd exponent is out of range too.
            }
        }
        throw ApiException.badRequest(where + ": expected a whole number from " + min + " to " + max + ", got " + shown(e));
    }

    public static JsonObject object(JsonObject o, String name, String path, boolean required) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw ApiException.badRequest(at(path, name) + ": missing");
            }
            return null;
        }
        if (!e.isJsonObject()) {
            throw ApiException.badRequest(at(path, name) + ": expected an object, got " + shown(e));
        }
        return e.getAsJsonObject();
    }

    public static JsonArray array(JsonObject o, String name, String path) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw ApiException.badRequest(at(path, name) + ": missing");
        }
        if (!e.isJsonArray()) {
            throw ApiException.badRequest(at(path, name) + ": expected an array, got " + shown(e));
        }
        return e.getAsJsonArray();
    }

    static String at(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String shown(JsonElement e) {
        String s = e.toString();
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }
}
