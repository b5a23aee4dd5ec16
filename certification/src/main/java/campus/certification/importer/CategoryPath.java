package campus.certification.importer;

import campus.i18n.Lang;
import campus.i18n.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Moodle category path ({@code $course$/top/Databases/SQL joins}, {@code 数据库/索引}) as topics: the
 * last category is the question's primary topic (the result chart's), the categories above it follow as
 * further tags, so an exam section can draw from a whole branch. Moodle's context prefix
 * ({@code $course$}) and its {@code top} category are not topics; {@code //} in a name is a slash.
 *
 * @param topics topic ids, most specific first
 * @param names  topic id → the category's name, in the language it is written in
 */
record CategoryPath(List<String> topics, Map<String, Text> names) {

    static final String DEFAULT_TOPIC = "imported";
    static final CategoryPath NONE = new CategoryPath(List.of(DEFAULT_TOPIC),
            Map.of(DEFAULT_TOPIC, new Text("Imported", "导入的题目")));

    static CategoryPath parse(String path, Lang forced) {
        List<String> segments = new ArrayList<>();
        for (String s : (path == null ? "" : path.strip()).split("(?<!/)/(?!/)")) {
            String name = s.replace("//", "/").strip();
            if (!name.isEmpty()) {
                segments.add(name);
            }
        }
        if (!segments.isEmpty() && segments.get(0).matches("\\$[a-z]+\\$")) {
            segments.remove(0);
        }
        if (!segments.isEmpty() && segments.get(0).equals("top")) {
            segments.remove(0);
        }
        List<String> topics = new ArrayList<>();
        Map<String, Text> names = new LinkedHashMap<>();
        for (String name : segments) {
            String id = ImportText.topicSlug(name);
            if (!id.isEmpty() && !names.containsKey(id)) {
                topics.add(id);
                names.put(id, ImportText.text(ImportText.language(forced, name), name));
            }
        }
        if (topics.isEmpty()) {
            return NONE;
        }
        Collections.reverse(topics);
        return new CategoryPath(List.copyOf(topics), Collections.unmodifiableMap(names));
    }

    String primary() {
        return topics.get(0);
    }
}
