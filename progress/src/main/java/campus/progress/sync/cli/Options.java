package campus.progress.sync.cli;

import campus.i18n.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The options of the account and sync commands: {@code --name VALUE} or {@code --name=VALUE}, then words. */
record Options(Map<String, String> values, List<String> rest, Path data, Lang lang) {

    static Options parse(List<String> args, Path defaultData, List<String> known) {
        Map<String, String> values = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                rest.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            String value;
            if (eq > 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            values.put(name, value);
        }
        Lang lang = Lang.EN;
        if (values.containsKey("--lang")) {
            String v = values.get("--lang");
            lang = Lang.fromCode(v).orElseThrow(() -> new IllegalArgumentException("--lang must be en or zh, not " + v));
        }
        Path data = values.containsKey("--data") ? Path.of(values.get("--data")).toAbsolutePath().normalize() : defaultData;
        return new Options(values, rest, data, lang);
    }

    String get(String name) {
        return values.get(name);
    }
}
