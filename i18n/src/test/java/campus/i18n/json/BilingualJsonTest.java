package campus.i18n.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.i18n.Lang;
import campus.i18n.Text;
import campus.i18n.json.AuthoredJson.SyntaxError;
import campus.i18n.json.JsonValue.JObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BilingualJsonTest {

    private final List<String> found = new ArrayList<>();

    private final BilingualJson.Findings findings = new BilingualJson.Findings() {
        @Override
        public void notAnObject(JsonValue value) {
            found.add("not an object at " + value.line());
        }

        @Override
        public void unknownKey(String key, int line) {
            found.add("unknown " + key + " at " + line);
        }

        @Override
        public void gap(Lang lang, BilingualJson.Gap gap, JsonValue value, int line) {
            found.add(lang.code() + " " + gap + " at " + line);
        }
    };

    private Optional<Text> read(String json) throws SyntaxError {
        return BilingualJson.read(((JObject) AuthoredJson.parse(json).root()).get("t").orElseThrow(), findings);
    }

    @Test
    void bothLanguagesAreReadAsWritten() throws SyntaxError {
        assertEquals(Optional.of(new Text(" Joins ", "连接")), read("{\"t\": {\"en\": \" Joins \", \"zh\": \"连接\"}}"));
        assertEquals(List.of(), found);
    }

    @Test
    void eachGapIsToldWithItsLine() throws SyntaxError {
        assertEquals(Optional.of(new Text("", "")), read("{\"t\": {\n\"en\": 3,\n\"zh\": \" \"}}"));
        assertEquals(List.of("en NOT_STRING at 2", "zh BLANK at 3"), found);
        found.clear();
        assertEquals(Optional.of(new Text("", "x")), read("{\"t\":\n {\"zh\": \"x\", \"fr\": \"y\"}}"));
        assertEquals(List.of("unknown fr at 2", "en ABSENT at 2"), found);
        found.clear();
        read("{\"t\": {\"en\": null, \"zh\": \"x\"}}");
        assertEquals(List.of("en NULL at 1"), found);
    }

    @Test
    void aValueThatIsNoObjectIsNoText() throws SyntaxError {
        assertEquals(Optional.empty(), read("{\"t\":\n \"just English\"}"));
        assertEquals(List.of("not an object at 2"), found);
    }
}
