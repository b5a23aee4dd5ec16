package campus.courses;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.i18n.Text;
import campus.i18n.json.AuthoredJson;
import campus.i18n.json.BilingualJson;
import campus.i18n.json.JsonValue;
import campus.i18n.json.JsonValue.JArray;
import campus.i18n.json.JsonValue.JNull;
import campus.i18n.json.JsonValue.JNumber;
import campus.i18n.json.JsonValue.JObject;
import campus.i18n.json.JsonValue.JString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of one {@code course.json}, each problem reported on the line of the field it is about.
 * Read by {@link AuthoredJson}, so strict JSON as for labs and question banks.
 */
record CourseJson(String id, Text title, Text summary, Level level, List<String> lessons, int order,
                  int idLine, int lessonsLine, Map<String, Integer> lessonLines) {

    /** Where a course without {@code "order"} stands: after every course that has one. */
    static final int NO_ORDER = Integer.MAX_VALUE;

    static final Set<String> FIELDS = Set.of("id", "title", "summary", "level", "lessons", "order");

    /** Empty when the file is too broken to make a course of (bad JSON, no id, title or lessons). */
    static Optional<CourseJson> parse(String json, String file, List<Problem> problems) {
        AuthoredJson.Document doc;
        try {
            doc = AuthoredJson.parse(json);
        } catch (AuthoredJson.SyntaxError e) {
            problems.add(new Problem(file, e.line(), e.afterDocument()
                    ? Msg.of("courses.json.trailing", "}") : Msg.of("courses.json.syntax", e.described())));
            return Optional.empty();
        }
        if (!(doc.root() instanceof JObject o)) {
            problems.add(new Problem(file, 1, Msg.of("courses.json.notObject", "{ … }")));
            return Optional.empty();
        }
        Fields f = new Fields(o, file, problems);
        for (AuthoredJson.Duplicate d : doc.duplicates()) {
            problems.add(new Problem(file, d.line(), Msg.of("courses.json.duplicateField", d.path())));
        }
        for (String key : o.members().keySet()) {
            if (!FIELDS.contains(key)) {
                problems.add(new Problem(file, o.lineOf(key), Msg.of("courses.json.unknownField", key, String.join(", ", FIELDS.stream().sorted().toList()))));
            }
        }
        String id = f.string("id");
        Text title = f.text("title");
        Text summary = f.text("summary");
        String levelName = f.string("level");
        Level level = Level.BEGINNER;
        if (levelName != null) {
            Optional<Level> parsed = Level.parse(levelName);
            if (parsed.isEmpty()) {
                problems.add(new Problem(file, o.lineOf("level"), Msg.of("courses.course.badLevel", levelName)));
            } else {
                level = parsed.get();
            }
        }
        if (id != null && !CourseLoader.ID.matcher(id).matches()) {
            problems.add(new Problem(file, o.lineOf("id"), Msg.of("courses.course.badId", id)));
        }
        Map<String, Integer> lessonLines = new LinkedHashMap<>();
        List<String> lessons = f.lessons(lessonLines);
        int order = f.order();
        if (id == null || title == null || lessons == null) {
            return Optional.empty();
        }
        return Optional.of(new CourseJson(id, title, summary == null ? new Text("", "") : summary, level, lessons, order,
                o.lineOf("id"), o.lineOf("lessons"), lessonLines));
    }

    /** The line of {@code "id"} in a course.json, 1 when it cannot be read. */
    static int idLine(String json) {
        try {
            return AuthoredJson.parse(json).root() instanceof JObject o ? o.lineOf("id") : 1;
        } catch (AuthoredJson.SyntaxError e) {
            return 1;
        }
    }

    /** The line of the {@code lessons} entry naming {@code slug}, else of {@code lessons}. */
    int lessonLine(String slug) {
        return lessonLines.getOrDefault(slug, lessonsLine);
    }

    /** Reads typed fields, reporting each wrong or missing one. */
    private record Fields(JObject o, String file, List<Problem> problems) {

        private void problem(int line, Msg msg) {
            problems.add(new Problem(file, line, msg));
        }

        /** The value of {@code key}; a missing (or null) one is reported on line 1 (or the key's). */
        private JsonValue present(String key) {
            JsonValue e = o.members().get(key);
            if (e == null || e instanceof JNull) {
                problem(e == null ? 1 : o.lineOf(key), Msg.of("courses.json.missing", key));
                return null;
            }
            return e;
        }

        String string(String key) {
            JsonValue e = present(key);
            if (e == null) {
                return null;
            }
            if (!(e instanceof JString s)) {
                problem(o.lineOf(key), Msg.of("courses.json.notString", key));
                return null;
            }
            return s.value();
        }

        /** A bilingual text; one missing language is reported, and the other one stands in for it. */
        Text text(String key) {
            JsonValue e = present(key);
            if (e == null) {
                return null;
            }
            Optional<Text> read = BilingualJson.read(e, new BilingualJson.Findings() {
                @Override
                public void notAnObject(JsonValue value) {
                    problem(o.lineOf(key), Msg.of("courses.json.notBilingual", key));
                }

                @Override
                public void unknownKey(String k, int line) {
                    problem(line, Msg.of("courses.json.unknownLanguage", key + "." + k));
                }

                @Override
                public void gap(Lang lang, BilingualJson.Gap gap, JsonValue value, int line) {
                    String where = key + "." + lang.code();
                    int at = gap == BilingualJson.Gap.ABSENT ? o.lineOf(key) : line;
                    problem(at, Msg.of(gap == BilingualJson.Gap.NOT_STRING ? "courses.json.notString"
                            : "courses.json.missingTranslation", where));
                }
            });
            if (read.isEmpty()) {
                return null;
            }
            String en = read.get().en().strip();
            String zh = read.get().zh().strip();
            // A course with one language missing still shows: the other language stands in.
            return en.isEmpty() && zh.isEmpty() ? null : new Text(en.isEmpty() ? zh : en, zh.isEmpty() ? en : zh);
        }

        /** The optional place in the course list: a whole number, 1 or more. */
        int order() {
            JsonValue e = o.members().get("order");
            if (e == null) {
                return NO_ORDER;
            }
            if (!(e instanceof JNumber n) || !n.literal().matches("[0-9]{1,6}") || Integer.parseInt(n.literal()) < 1) {
                problem(o.lineOf("order"), Msg.of("courses.course.badOrder", AuthoredJson.compact(e)));
                return NO_ORDER;
            }
            return Integer.parseInt(n.literal());
        }

        List<String> lessons(Map<String, Integer> lines) {
            JsonValue e = present("lessons");
            if (e == null) {
                return null;
            }
            if (!(e instanceof JArray a)) {
                problem(o.lineOf("lessons"), Msg.of("courses.json.notList", "lessons"));
                return null;
            }
            if (a.items().isEmpty()) {
                problem(o.lineOf("lessons"), Msg.of("courses.course.noLessons"));
            }
            for (JsonValue s : a.items()) {
                if (!(s instanceof JString slug) || !CourseLoader.ID.matcher(slug.value()).matches()) {
                    problem(s.line(), Msg.of("courses.course.badLessonEntry", AuthoredJson.compact(s)));
                } else if (lines.putIfAbsent(slug.value(), s.line()) != null) {
                    problem(s.line(), Msg.of("courses.course.duplicateLesson", slug.value()));
                }
            }
            return new ArrayList<>(lines.keySet());
        }
    }
}
