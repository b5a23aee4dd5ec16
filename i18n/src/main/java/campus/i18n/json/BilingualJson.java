package campus.i18n.json;

import campus.i18n.Lang;
import campus.i18n.Text;
import campus.i18n.json.JsonValue.JNull;
import campus.i18n.json.JsonValue.JObject;
import campus.i18n.json.JsonValue.JString;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one reader of authored bilingual text, {@code {"en": "…", "zh": "…"}}. It reads what is there
 * and tells each gap to a {@link Findings}, located by line; what a gap means (a warning, an unusable
 * lab, a stand-in from the other language) and how it is worded is the caller's, in its own bundle.
 */
public final class BilingualJson {

    /** Why one language has no text. */
    public enum Gap {
        /** No such key. */
        ABSENT,
        /** {@code null}. */
        NULL,
        /** A number, list or object where text belongs. */
        NOT_STRING,
        /** Empty or only white space. */
        BLANK
    }

    /** What the reader found wrong; every method may ignore what its caller does not report. */
    public interface Findings {
        /** The value is not an object at all. */
        void notAnObject(JsonValue value);

        /** A key that names no language, at the line of the key. */
        default void unknownKey(String key, int line) {
        }

        /**
         * One language has no usable text. {@code value} is what stands there ({@code null} when
         * {@link Gap#ABSENT}); {@code line} is that of its key, or of the object when absent.
         */
        default void gap(Lang lang, Gap gap, JsonValue value, int line) {
        }
    }

    private BilingualJson() {
    }

    /**
     * The text as written: each language's string, or {@code ""} where it has a gap. Empty only when
     * {@code value} is not an object.
     */
    public static Optional<Text> read(JsonValue value, Findings findings) {
        if (!(value instanceof JObject o)) {
            findings.notAnObject(value);
            return Optional.empty();
        }
        for (String k : o.members().keySet()) {
            if (Arrays.stream(Lang.values()).noneMatch(l -> l.code().equals(k))) {
                findings.unknownKey(k, o.lineOf(k));
            }
        }
        String[] values = new String[Lang.values().length];
        for (Lang lang : Lang.values()) {
            JsonValue v = o.members().get(lang.code());
            String s = "";
            if (v == null) {
                findings.gap(lang, Gap.ABSENT, null, o.line());
            } else if (v instanceof JNull) {
                findings.gap(lang, Gap.NULL, v, o.lineOf(lang.code()));
            } else if (!(v instanceof JString str)) {
                findings.gap(lang, Gap.NOT_STRING, v, o.lineOf(lang.code()));
            } else {
                if (str.value().isBlank()) {
                    findings.gap(lang, Gap.BLANK, v, o.lineOf(lang.code()));
                } else {
                    s = str.value();
                }
            }
            values[lang.ordinal()] = s;
        }
        return Optional.of(new Text(values[Lang.EN.ordinal()], values[Lang.ZH.ordinal()]));
    }
}
