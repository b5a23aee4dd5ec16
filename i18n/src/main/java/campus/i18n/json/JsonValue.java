package campus.i18n.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value read by {@link AuthoredJson}, remembering the line it starts on so a problem in
 * authored content can name {@code path:line}. Gson's own tree keeps no positions.
 */
public sealed interface JsonValue {

    int line();

    /** An object; {@code keyLines} holds the line of each key (its first occurrence if given twice). */
    record JObject(Map<String, JsonValue> members, Map<String, Integer> keyLines, int line) implements JsonValue {
        public JObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
            keyLines = Map.copyOf(keyLines);
        }

        public Optional<JsonValue> get(String key) {
            return Optional.ofNullable(members.get(key));
        }

        public boolean has(String key) {
            return members.containsKey(key);
        }

        /** Line of the key, or of the object when the key is absent. */
        public int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }
    }

    record JArray(List<JsonValue> items, int line) implements JsonValue {
        public JArray {
            items = List.copyOf(items);
        }
    }

    record JString(String value, int line) implements JsonValue {
    }

    /** A number as written ({@code literal}), so a reader can ask for an exact whole number or decimal. */
    record JNumber(double value, String literal, int line) implements JsonValue {
    }

    record JBool(boolean value, int line) implements JsonValue {
    }

    record JNull(int line) implements JsonValue {
    }
}
