package campus.labs;

import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.i18n.Text;
import campus.labs.check.CheckOptions;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one lab JSON file and its reference SQL; every problem names the file and a line. */
public final class LabReader {

    private static final Pattern GSON_LINE = Pattern.compile("line (\\d+)");
    private static final Set<String> KNOWN = Set.of("id", "title", "task", "dataset", "scale", "check", "options",
            "points", "hints", "solution", "starter");
    private static final Set<String> KNOWN_OPTIONS = Set.of("ordered", "columnNames", "tolerance", "tables", "queries");

    private final Path file;
    private final String text;
    private final List<Problem> problems;

    private LabReader(Path file, String text, List<Problem> problems) {
        this.file = file;
        this.text = text;
        this.problems = problems;
    }

    /** Reads {@code file}; problems go to {@code problems}, and the lab is returned only if it is usable. */
    public static Optional<Lab> read(Path file, String courseId, String lesson, List<Problem> problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), 0, Msg.of("labs.spec.unreadable", String.valueOf(e.getMessage()))));
            return Optional.empty();
        }
        return new LabReader(file, text, problems).parse(courseId, lesson);
    }

    private Optional<Lab> parse(String courseId, String lesson) {
        JsonObject o;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                problem(1, Msg.of("labs.spec.notObject"));
                return Optional.empty();
            }
            o = root.getAsJsonObject();
        } catch (JsonParseException e) {
            String m = String.valueOf(e.getMessage());
            Matcher lm = GSON_LINE.matcher(m);
            int line = lm.find() ? Integer.parseInt(lm.group(1)) : 0;
            String reason = m.replaceAll("^[\\w.]+Exception: ", "").replaceAll("\\s*See https://\\S+", "");
            problem(line, Msg.of("labs.spec.badJson", reason));
            return Optional.empty();
        }
        int before = problems.size();
        for (String k : o.keySet()) {
            if (!KNOWN.contains(k)) {
                problem(lineOf(k), Msg.of("labs.spec.unknownField", k));
            }
        }
        String fileId = file.getFileName().toString().replaceFirst("\\.json$", "");
        String id = string(o, "id", true);
        if (id != null && !id.equals(fileId)) {
            problem(lineOf("id"), Msg.of("labs.spec.idMismatch", id, fileId));
        }
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            problem(lineOf("id"), Msg.of("labs.spec.badId", id));
        }
        Text title = text(o, "title");
        Text task = text(o, "task");
        String dataset = string(o, "dataset", true);
        Integer scale = o.has("scale") ? intValue(o, "scale", 1) : null;
        String checkName = string(o, "check", true);
        CheckKind kind = null;
        if (checkName != null) {
            try {
                kind = CheckKind.valueOf(checkName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(lineOf("check"), Msg.of("labs.spec.badCheck", checkName));
            }
        }
        CheckOptions options = options(o, kind);
        Integer points = o.has("points") ? intValue(o, "points", 0) : Integer.valueOf(10);
        List<Text> hints = new ArrayList<>();
        if (o.has("hints")) {
            if (!o.get("hints").isJsonArray()) {
                problem(lineOf("hints"), Msg.of("labs.spec.notArray", "hints"));
            } else {
                for (JsonElement h : o.getAsJsonArray("hints")) {
                    Text t = textOf(h, "hints");
                    if (t != null) {
                        hints.add(t);
                    }
                }
            }
        }
        RevealRule reveal = RevealRule.DEFAULT;
        if (o.has("solution")) {
            if (!o.get("solution").isJsonObject()) {
                problem(lineOf("solution"), Msg.of("labs.spec.notObjectField", "solution"));
            } else {
                JsonObject s = o.getAsJsonObject("solution");
                Integer after = s.has("afterFailedAttempts") ? intValue(s, "afterFailedAttempts", 0) : Integer.valueOf(3);
                boolean onRequest = !s.has("onRequest") || bool(s, "onRequest");
                reveal = new RevealRule(after == null ? 3 : after, onRequest);
            }
        }
        String starter = o.has("starter") ? string(o, "starter", false) : "";
        Path sqlFile = file.resolveSibling(fileId + ".sql");
        String solution = null;
        if (!Files.isRegularFile(sqlFile)) {
            problem(0, Msg.of("labs.spec.missingSolution", sqlFile.getFileName().toString()));
        } else {
            try {
                solution = Files.readString(sqlFile, StandardCharsets.UTF_8);
                if (solution.isBlank()) {
                    problems.add(new Problem(sqlFile.toString(), 0, Msg.of("labs.spec.emptySolution")));
                }
            } catch (IOException e) {
                problems.add(new Problem(sqlFile.toString(), 0, Msg.of("labs.spec.unreadable", String.valueOf(e.getMessage()))));
            }
        }
        if (problems.size() > before || id == null || kind == null || dataset == null || title == null || task == null
                || solution == null || points == null) {
            return Optional.empty();
        }
        return Optional.of(new Lab(id, title, task, dataset, scale, kind, options, points, hints, reveal, starter,
                solution, courseId, lesson, file));
    }

    private CheckOptions options(JsonObject o, CheckKind kind) {
        CheckOptions opts = CheckOptions.DEFAULT;
        if (o.has("options")) {
            if (!o.get("options").isJsonObject()) {
                problem(lineOf("options"), Msg.of("labs.spec.notObjectField", "options"));
                return opts;
            }
            JsonObject op = o.getAsJsonObject("options");
            for (String k : op.keySet()) {
                if (!KNOWN_OPTIONS.contains(k)) {
                    problem(lineOf(k), Msg.of("labs.spec.unknownField", "options." + k));
                }
            }
            BigDecimal tol = CheckOptions.DEFAULT_TOLERANCE;
            if (op.has("tolerance")) {
                try {
                    tol = op.get("tolerance").getAsBigDecimal();
                } catch (RuntimeException e) {
                    problem(lineOf("tolerance"), Msg.of("labs.spec.notNumber", "options.tolerance"));
                }
            }
            opts = new CheckOptions(op.has("ordered") && bool(op, "ordered"), op.has("columnNames") && bool(op, "columnNames"),
                    tol, strings(op, "tables"), strings(op, "queries"));
        }
        if (kind == CheckKind.STATE && opts.tables().isEmpty() && opts.queries().isEmpty()) {
            problem(lineOf("check"), Msg.of("labs.spec.stateNeedsTables"));
        }
        return opts;
    }

    private List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        if (!o.has(key)) {
            return out;
        }
        if (!o.get(key).isJsonArray()) {
            problem(lineOf(key), Msg.of("labs.spec.notArray", key));
            return out;
        }
        JsonArray a = o.getAsJsonArray(key);
        for (JsonElement e : a) {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                out.add(e.getAsString());
            } else {
                problem(lineOf(key), Msg.of("labs.spec.notString", key));
            }
        }
        return out;
    }

    private String string(JsonObject o, String key, boolean required) {
        if (!o.has(key)) {
            if (required) {
                problem(1, Msg.of("labs.spec.missingField", key));
            }
            return null;
        }
        JsonElement e = o.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
            problem(lineOf(key), Msg.of("labs.spec.notString", key));
            return null;
        }
        return e.getAsString();
    }

    private Integer intValue(JsonObject o, String key, int min) {
        JsonElement e = o.get(key);
        try {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                int v = e.getAsBigDecimal().intValueExact();
                if (v >= min) {
                    return v;
                }
            }
        } catch (ArithmeticException ignored) {
            // not an int: reported below
        }
        problem(lineOf(key), Msg.of("labs.spec.badInteger", key, min));
        return null;
    }

    private boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsBoolean();
        }
        problem(lineOf(key), Msg.of("labs.spec.notBoolean", key));
        return false;
    }

    private Text text(JsonObject o, String key) {
        if (!o.has(key)) {
            problem(1, Msg.of("labs.spec.missingField", key));
            return null;
        }
        return textOf(o.get(key), key);
    }

    /** A bilingual text: {@code {"en": "...", "zh": "..."}}, both required. */
    private Text textOf(JsonElement e, String key) {
        if (!e.isJsonObject()) {
            problem(lineOf(key), Msg.of("labs.spec.notText", key));
            return null;
        }
        JsonObject t = e.getAsJsonObject();
        String en = t.has("en") && t.get("en").isJsonPrimitive() ? t.get("en").getAsString() : "";
        String zh = t.has("zh") && t.get("zh").isJsonPrimitive() ? t.get("zh").getAsString() : "";
        Text text = new Text(en, zh);
        if (!text.complete()) {
            problem(lineOf(key), Msg.of("labs.spec.missingLanguage", key, en.isBlank() ? "en" : "zh"));
        }
        return text;
    }

    /** Line of the first {@code "key":} in the file: good enough to put the author's cursor there. */
    private int lineOf(String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:").matcher(text);
        if (!m.find()) {
            return 1;
        }
        return campus.labs.sql.SqlScript.lineAndColumn(text, m.start())[0];
    }

    private void problem(int line, Msg msg) {
        problems.add(new Problem(file.toString(), line, msg));
    }
}
