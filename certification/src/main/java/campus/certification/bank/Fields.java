package campus.certification.bank;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.i18n.Text;
import campus.i18n.json.BilingualJson;
import campus.i18n.json.JsonValue;
import campus.i18n.json.JsonValue.JArray;
import campus.i18n.json.JsonValue.JBool;
import campus.i18n.json.JsonValue.JNumber;
import campus.i18n.json.JsonValue.JObject;
import campus.i18n.json.JsonValue.JString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Typed reads from one authored JSON file that turn every surprise into a {@link Problem} with its line. */
final class Fields {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final String path;
    private final List<Problem> problems;

    Fields(String path, List<Problem> problems) {
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    List<Problem> problemsView() {
        return problems;
    }

    void problem(int line, String key, Object... args) {
        problems.add(new Problem(path, line, Msg.of(key, args)));
    }

    void allowOnly(JObject o, Set<String> allowed) {
        for (String k : o.members().keySet()) {
            if (!allowed.contains(k)) {
                problem(o.lineOf(k), "certification.content.unknown-field", k, String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    Optional<JsonValue> required(JObject o, String key) {
        Optional<JsonValue> v = o.get(key);
        if (v.isEmpty()) {
            problem(o.line(), "certification.content.missing-field", key);
        }
        return v;
    }

    Optional<String> string(JObject o, String key, boolean required) {
        Optional<JsonValue> v = required ? required(o, key) : o.get(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get() instanceof JString s) {
            return Optional.of(s.value());
        }
        wrongKind(key, v.get(), "string");
        return Optional.empty();
    }

    Optional<String> id(JObject o, String key) {
        Optional<String> id = string(o, key, true);
        if (id.isPresent() && !ID.matcher(id.get()).matches()) {
            problem(o.lineOf(key), "certification.content.bad-id", id.get());
            return Optional.empty();
        }
        return id;
    }

    Optional<Double> number(JObject o, String key, boolean required) {
        Optional<JsonValue> v = required ? required(o, key) : o.get(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get() instanceof JNumber n && Double.isFinite(n.value())) {
            return Optional.of(n.value());
        }
        wrongKind(key, v.get(), "number");
        return Optional.empty();
    }

    boolean bool(JObject o, String key, boolean fallback) {
        Optional<JsonValue> v = o.get(key);
        if (v.isEmpty()) {
            return fallback;
        }
        if (v.get() instanceof JBool b) {
            return b.value();
        }
        wrongKind(key, v.get(), "true/false");
        return fallback;
    }

    Optional<JObject> object(JObject o, String key, boolean required) {
        Optional<JsonValue> v = required ? required(o, key) : o.get(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get() instanceof JObject obj) {
            return Optional.of(obj);
        }
        wrongKind(key, v.get(), "object");
        return Optional.empty();
    }

    List<JsonValue> array(JObject o, String key, boolean required) {
        Optional<JsonValue> v = required ? required(o, key) : o.get(key);
        if (v.isEmpty()) {
            return List.of();
        }
        if (v.get() instanceof JArray a) {
            return a.items();
        }
        wrongKind(key, v.get(), "array");
        return List.of();
    }

    List<JObject> objects(JObject o, String key, boolean required) {
        List<JObject> out = new ArrayList<>();
        for (JsonValue v : array(o, key, required)) {
            if (v instanceof JObject obj) {
                out.add(obj);
            } else {
                wrongKind(key + "[]", v, "object");
            }
        }
        return out;
    }

    List<String> strings(JObject o, String key) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : array(o, key, false)) {
            if (v instanceof JString s) {
                out.add(s.value());
            } else {
                wrongKind(key + "[]", v, "string");
            }
        }
        return out;
    }

    /**
     * A bilingual text {@code {"en": "...", "zh": "..."}}. A missing or blank language is a problem
     * (the text is still returned, so the other language shows), which is how untranslated
     * imports surface in {@code validate}.
     */
    Optional<Text> text(JObject o, String key, boolean required) {
        Optional<JObject> t = object(o, key, required);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Text text = BilingualJson.read(t.get(), new BilingualJson.Findings() {
            @Override
            public void notAnObject(JsonValue value) {
                wrongKind(key, value, "object");
            }

            @Override
            public void unknownKey(String k, int line) {
                problem(line, "certification.content.unknown-field", k, "en, zh");
            }

            @Override
            public void gap(Lang lang, BilingualJson.Gap gap, JsonValue value, int line) {
                if (gap == BilingualJson.Gap.NULL || gap == BilingualJson.Gap.NOT_STRING) {
                    wrongKind(lang.code(), value, "string");
                }
            }
        }).orElseThrow();
        for (Lang lang : Lang.values()) {
            if (!text.has(lang)) {
                problem(t.get().line(), "certification.content.missing-translation", key, lang.code());
            }
        }
        return text.has(Lang.EN) || text.has(Lang.ZH) ? Optional.of(text) : Optional.empty();
    }

    void wrongKind(String key, JsonValue v, String kind) {
        problem(v.line(), "certification.content.wrong-kind", key, kind);
    }
}
