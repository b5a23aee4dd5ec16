package campus.certification.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed JSON value that remembers the line it started on, so content problems can name
 * {@code path:line}. Gson's tree drops positions, which is why authored content uses this parser.
 */
public sealed interface JsonValue {

    int line();

    record JObject(Map<String, JsonValue> members, Map<String, Integer> keyLines, int line) implements JsonValue {
        public JObject {
            members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
            keyLines = Map.copyOf(keyLines);
        }

        public Optional<JsonValue> get(String key) {
            return Optional.ofNullable(members.get(key));
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

    record JNumber(double value, String literal, int line) implements JsonValue {
    }

    record JBool(boolean value, int line) implements JsonValue {
    }

    record JNull(int line) implements JsonValue {
    }
}
