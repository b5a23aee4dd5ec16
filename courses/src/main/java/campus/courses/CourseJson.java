package campus.courses;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.i18n.Text;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of one {@code course.json}, each problem reported on the line of the field it is about.
 * Strict JSON: comments, single quotes, unquoted names and trailing commas are errors, because other
 * tools an author uses (editors, CI linters) reject them too.
 */
record CourseJson(String id, Text title, Text summary, Level level, List<String> lessons) {

    static final Set<String> FIELDS = Set.of("id", "title", "summary", "level", "lessons");
    private static final Pattern GSON_WHERE = Pattern.compile(" at line (\\d+) column (\\d+)(?: path \\S*)?");

    /** Empty when the file is too broken to make a course of (bad JSON, no id, title or lessons). */
    static Optional<CourseJson> parse(String json, String file, List<Problem> problems) {
        JsonObject o;
        JsonIndex index;
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (!e.isJsonObject()) {
                problems.add(new Problem(file, 1, Msg.of("courses.json.notObject", "{ … }")));
                return Optional.empty();
            }
            if (!atEnd(reader)) {
                problems.add(new Problem(file, lineOf(reader.toString()), Msg.of("courses.json.trailing", "}")));
                return Optional.empty();
            }
            o = e.getAsJsonObject();
            index = JsonIndex.of(json);
        } catch (JsonParseException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            problems.add(new Problem(file, lineOf(why), Msg.of("courses.json.syntax", describe(why))));
            return Optional.empty();
        }
        Fields f = new Fields(o, index, file, problems);
        for (JsonIndex.Duplicate d : index.duplicates()) {
            problems.add(new Problem(file, d.line(), Msg.of("courses.json.duplicateField", d.path())));
        }
        for (String key : o.keySet()) {
            if (!FIELDS.contains(key)) {
                problems.add(new Problem(file, index.line(key), Msg.of("courses.json.unknownField", key, String.join(", ", FIELDS.stream().sorted().toList()))));
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
                problems.add(new Problem(file, index.line("level"), Msg.of("courses.course.badLevel", levelName)));
            } else {
                level = parsed.get();
            }
        }
        if (id != null && !CourseLoader.ID.matcher(id).matches()) {
            problems.add(new Problem(file, index.line("id"), Msg.of("courses.course.badId", id)));
        }
        List<String> lessons = f.lessons();
        if (id == null || title == null || lessons == null) {
            return Optional.empty();
        }
        return Optional.of(new CourseJson(id, title, summary == null ? new Text("", "") : summary, level, lessons));
    }

    private static boolean atEnd(JsonReader reader) {
        try {
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            return false;
        }
    }

    static int lineOf(String gsonMessage) {
        Matcher m = GSON_WHERE.matcher(gsonMessage == null ? "" : gsonMessage);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** Gson's message without its location (the problem has it), its help link, or its API advice. */
    static String describe(String gsonMessage) {
        if (gsonMessage == null) {
            return "";
        }
        String m = gsonMessage.lines().findFirst().orElse("");
        Matcher where = GSON_WHERE.matcher(m);
        // Gson counts the column after the character it stopped at; authors look for the character itself.
        String column = where.find() ? " (column " + Math.max(1, Integer.parseInt(where.group(2)) - 1) + ")" : "";
        m = GSON_WHERE.matcher(m).replaceAll("");
        if (m.startsWith("Use JsonReader.setStrictness")) {
            m = "not strict JSON (unquoted name or text, single quotes, a comment or a trailing comma?)";
        } else if (m.startsWith("End of input")) {
            return "the file ends before the JSON is complete (a missing } or ]?)";
        }
        return m + column;
    }

    /** Reads typed fields, reporting each wrong or missing one. */
    private record Fields(JsonObject o, JsonIndex index, String file, List<Problem> problems) {

        String string(String key) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) {
                problems.add(new Problem(file, e == null ? 1 : index.line(key), Msg.of("courses.json.missing", key)));
                return null;
            }
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                problems.add(new Problem(file, index.line(key), Msg.of("courses.json.notString", key)));
                return null;
            }
            return e.getAsString();
        }

        Text text(String key) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) {
                problems.add(new Problem(file, e == null ? 1 : index.line(key), Msg.of("courses.json.missing", key)));
                return null;
            }
            if (!e.isJsonObject()) {
                problems.add(new Problem(file, index.line(key), Msg.of("courses.json.notBilingual", key)));
                return null;
            }
            String[] values = new String[Lang.values().length];
            for (Lang lang : Lang.values()) {
                JsonElement v = e.getAsJsonObject().get(lang.code());
                String where = key + "." + lang.code();
                if (v == null || v.isJsonNull()) {
                    problems.add(new Problem(file, index.line(where), Msg.of("courses.json.missingTranslation", where)));
                    values[lang.ordinal()] = "";
                } else if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                    problems.add(new Problem(file, index.line(where), Msg.of("courses.json.notString", where)));
                    values[lang.ordinal()] = "";
                } else {
                    values[lang.ordinal()] = v.getAsString().strip();
                    if (values[lang.ordinal()].isEmpty()) {
                        problems.add(new Problem(file, index.line(where), Msg.of("courses.json.missingTranslation", where)));
                    }
                }
            }
            for (String k : e.getAsJsonObject().keySet()) {
                if (Arrays.stream(Lang.values()).noneMatch(l -> l.code().equals(k))) {
                    problems.add(new Problem(file, index.line(key + "." + k), Msg.of("courses.json.unknownLanguage", key + "." + k)));
                }
            }
            // A course with one language missing still shows: the other language stands in.
            String en = values[Lang.EN.ordinal()].isEmpty() ? values[Lang.ZH.ordinal()] : values[Lang.EN.ordinal()];
            String zh = values[Lang.ZH.ordinal()].isEmpty() ? values[Lang.EN.ordinal()] : values[Lang.ZH.ordinal()];
            return en.isEmpty() ? null : new Text(en, zh);
        }

        List<String> lessons() {
            JsonElement e = o.get("lessons");
            if (e == null || e.isJsonNull()) {
                problems.add(new Problem(file, e == null ? 1 : index.line("lessons"), Msg.of("courses.json.missing", "lessons")));
                return null;
            }
            if (!e.isJsonArray()) {
                problems.add(new Problem(file, index.line("lessons"), Msg.of("courses.json.notList", "lessons")));
                return null;
            }
            JsonArray a = e.getAsJsonArray();
            if (a.isEmpty()) {
                problems.add(new Problem(file, index.line("lessons"), Msg.of("courses.course.noLessons")));
            }
            Set<String> slugs = new LinkedHashSet<>();
            for (int i = 0; i < a.size(); i++) {
                JsonElement s = a.get(i);
                int line = index.line("lessons[" + i + "]");
                if (!s.isJsonPrimitive() || !s.getAsJsonPrimitive().isString() || !CourseLoader.ID.matcher(s.getAsString()).matches()) {
                    problems.add(new Problem(file, line, Msg.of("courses.course.badLessonEntry", s.toString())));
                } else if (!slugs.add(s.getAsString())) {
                    problems.add(new Problem(file, line, Msg.of("courses.course.duplicateLesson", s.getAsString())));
                }
            }
            return new ArrayList<>(slugs);
        }
    }
}
