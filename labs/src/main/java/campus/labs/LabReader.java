package campus.labs;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.i18n.Text;
import campus.i18n.json.AuthoredJson;
import campus.i18n.json.BilingualJson;
import campus.i18n.json.JsonValue;
import campus.i18n.json.JsonValue.JArray;
import campus.i18n.json.JsonValue.JBool;
import campus.i18n.json.JsonValue.JNumber;
import campus.i18n.json.JsonValue.JObject;
import campus.i18n.json.JsonValue.JString;
import campus.labs.check.CheckOptions;
import campus.labs.check.PlanCheck;
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

/** Reads one lab JSON file and its reference SQL; every problem names the file and a line. */
public final class LabReader {

    private static final Set<String> KNOWN = Set.of("id", "title", "task", "dataset", "scale", "check", "options",
            "points", "hints", "solution", "starter");
    private static final Set<String> KNOWN_OPTIONS = Set.of("ordered", "columnNames", "tolerance", "tables", "queries",
            "plan");
    private static final Set<String> KNOWN_PLAN = Set.of("query", "noFullScan");

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
        JObject o;
        try {
            JsonValue root = AuthoredJson.parse(text).root();
            if (!(root instanceof JObject obj)) {
                problem(1, Msg.of("labs.spec.notObject"));
                return Optional.empty();
            }
            o = obj;
        } catch (AuthoredJson.SyntaxError e) {
            problem(e.line(), Msg.of("labs.spec.badJson", e.described()));
            return Optional.empty();
        }
        int before = problems.size();
        for (String k : o.members().keySet()) {
            if (!KNOWN.contains(k)) {
                problem(o.lineOf(k), Msg.of("labs.spec.unknownField", k));
            }
        }
        String fileId = file.getFileName().toString().replaceFirst("\\.json$", "");
        String id = string(o, "id", true);
        if (id != null && !id.equals(fileId)) {
            problem(o.lineOf("id"), Msg.of("labs.spec.idMismatch", id, fileId));
        }
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            problem(o.lineOf("id"), Msg.of("labs.spec.badId", id));
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
                problem(o.lineOf("check"), Msg.of("labs.spec.badCheck", checkName));
            }
        }
        CheckOptions options = options(o, kind);
        Integer points = o.has("points") ? intValue(o, "points", 0) : Integer.valueOf(10);
        List<Text> hints = new ArrayList<>();
        if (o.has("hints")) {
            if (!(o.members().get("hints") instanceof JArray hs)) {
                problem(o.lineOf("hints"), Msg.of("labs.spec.notArray", "hints"));
            } else {
                for (JsonValue h : hs.items()) {
                    Text t = textOf(h, "hints", o.lineOf("hints"));
                    if (t != null) {
                        hints.add(t);
                    }
                }
            }
        }
        RevealRule reveal = RevealRule.DEFAULT;
        if (o.has("solution")) {
            if (!(o.members().get("solution") instanceof JObject s)) {
                problem(o.lineOf("solution"), Msg.of("labs.spec.notObjectField", "solution"));
            } else {
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

    private CheckOptions options(JObject o, CheckKind kind) {
        CheckOptions opts = CheckOptions.DEFAULT;
        if (o.has("options")) {
            if (!(o.members().get("options") instanceof JObject op)) {
                problem(o.lineOf("options"), Msg.of("labs.spec.notObjectField", "options"));
                return opts;
            }
            for (String k : op.members().keySet()) {
                if (!KNOWN_OPTIONS.contains(k)) {
                    problem(op.lineOf(k), Msg.of("labs.spec.unknownField", "options." + k));
                }
            }
            BigDecimal tol = CheckOptions.DEFAULT_TOLERANCE;
            if (op.has("tolerance")) {
                tol = decimal(op.members().get("tolerance"));
                if (tol == null) {
                    tol = CheckOptions.DEFAULT_TOLERANCE;
                    problem(op.lineOf("tolerance"), Msg.of("labs.spec.notNumber", "options.tolerance"));
                }
            }
            opts = new CheckOptions(op.has("ordered") && bool(op, "ordered"), op.has("columnNames") && bool(op, "columnNames"),
                    tol, strings(op, "tables"), strings(op, "queries"), plan(op, kind));
        }
        if (kind == CheckKind.STATE && opts.tables().isEmpty() && opts.queries().isEmpty()) {
            problem(o.lineOf("check"), Msg.of("labs.spec.stateNeedsTables"));
        }
        return opts;
    }

    /** {@code options.plan}: {@code {"noFullScan": ["t"], "query": "SELECT …"}}; a state lab must name the query. */
    private PlanCheck plan(JObject op, CheckKind kind) {
        if (!op.has("plan")) {
            return PlanCheck.NONE;
        }
        if (!(op.members().get("plan") instanceof JObject p)) {
            problem(op.lineOf("plan"), Msg.of("labs.spec.notObjectField", "options.plan"));
            return PlanCheck.NONE;
        }
        for (String k : p.members().keySet()) {
            if (!KNOWN_PLAN.contains(k)) {
                problem(p.lineOf(k), Msg.of("labs.spec.unknownField", "options.plan." + k));
            }
        }
        List<String> tables = strings(p, "noFullScan");
        String query = string(p, "query", false);
        if (tables.isEmpty()) {
            problem(op.lineOf("plan"), Msg.of("labs.spec.planNeedsTables"));
        }
        if (kind == CheckKind.STATE && query == null) {
            problem(op.lineOf("plan"), Msg.of("labs.spec.planNeedsQuery"));
        }
        return new PlanCheck(query, tables);
    }

    private List<String> strings(JObject o, String key) {
        List<String> out = new ArrayList<>();
        if (!o.has(key)) {
            return out;
        }
        if (!(o.members().get(key) instanceof JArray a)) {
            problem(o.lineOf(key), Msg.of("labs.spec.notArray", key));
            return out;
        }
        for (JsonValue e : a.items()) {
            if (e instanceof JString s) {
                out.add(s.value());
            } else {
                problem(o.lineOf(key), Msg.of("labs.spec.notString", key));
            }
        }
        return out;
    }

    private String string(JObject o, String key, boolean required) {
        if (!o.has(key)) {
            if (required) {
                problem(1, Msg.of("labs.spec.missingField", key));
            }
            return null;
        }
        if (!(o.members().get(key) instanceof JString s) || s.value().isBlank()) {
            problem(o.lineOf(key), Msg.of("labs.spec.notString", key));
            return null;
        }
        return s.value();
    }

    private Integer intValue(JObject o, String key, int min) {
        BigDecimal d = o.members().get(key) instanceof JNumber ? decimal(o.members().get(key)) : null;
        try {
            if (d != null && d.intValueExact() >= min) {
                return d.intValueExact();
            }
        } catch (ArithmeticException ignored) {
            // not an int: reported below
        }
        problem(o.lineOf(key), Msg.of("labs.spec.badInteger", key, min));
        return null;
    }

    /** A number, or a string holding one; {@code null} otherwise. */
    private static BigDecimal decimal(JsonValue v) {
        try {
            if (v instanceof JNumber n) {
                return new BigDecimal(n.literal());
            }
            return v instanceof JString s ? new BigDecimal(s.value()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean bool(JObject o, String key) {
        if (o.members().get(key) instanceof JBool b) {
            return b.value();
        }
        problem(o.lineOf(key), Msg.of("labs.spec.notBoolean", key));
        return false;
    }

    private Text text(JObject o, String key) {
        if (!o.has(key)) {
            problem(1, Msg.of("labs.spec.missingField", key));
            return null;
        }
        return textOf(o.members().get(key), key, o.lineOf(key));
    }

    /** A bilingual text: {@code {"en": "...", "zh": "..."}}, both required; problems go on the line of {@code key}. */
    private Text textOf(JsonValue e, String key, int line) {
        Optional<Text> read = BilingualJson.read(e, value -> problem(line, Msg.of("labs.spec.notText", key)));
        if (read.isEmpty()) {
            return null;
        }
        Text text = read.get();
        if (!text.complete()) {
            problem(line, Msg.of("labs.spec.missingLanguage", key, text.has(Lang.EN) ? "zh" : "en"));
        }
        return text;
    }

    /** The line of {@code key} in the lab file {@code json}: 1 when absent, 0 when the file cannot be read. */
    static int lineOf(Path json, String key) {
        try {
            JsonValue root = AuthoredJson.parse(Files.readString(json, StandardCharsets.UTF_8)).root();
            return root instanceof JObject o && o.has(key) ? o.lineOf(key) : 1;
        } catch (IOException e) {
            return 0;
        } catch (AuthoredJson.SyntaxError e) {
            return 1;
        }
    }

    private void problem(int line, Msg msg) {
        problems.add(new Problem(file.toString(), line, msg));
    }
}
