package campus.labs.sandbox;

import campus.i18n.Msg;
import campus.i18n.Text;
import campus.labs.dataset.Dataset;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What crosses the pipe between Campus and its {@link SandboxWorker}: plain JSON built by hand, never Java
 * serialization (the worker runs learner SQL; nothing it sends is turned into an object other than by the few types
 * named here). Values keep their Java type ({@code Long} stays {@code Long}, {@code BigDecimal} keeps its scale), so
 * the checker and the grid see exactly what an in-process sandbox would give them.
 */
final class WireCodec {

    private WireCodec() {
    }

    static JsonElement value(Object v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        JsonArray a = new JsonArray();
        String tag;
        String text;
        if (v instanceof String s) {
            tag = "s";
            text = s;
        } else if (v instanceof Boolean b) {
            tag = "b";
            text = b.toString();
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            tag = v instanceof Integer ? "i" : v instanceof Long ? "l" : v instanceof Short ? "h" : "y";
            text = v.toString();
        } else if (v instanceof BigDecimal d) {
            tag = "D";
            text = d.toString();
        } else if (v instanceof BigInteger i) {
            tag = "I";
            text = i.toString();
        } else if (v instanceof Double d) {
            tag = "d";
            text = Double.toString(d);
        } else if (v instanceof Float f) {
            tag = "f";
            text = Float.toString(f);
        } else if (v instanceof byte[] bytes) {
            tag = "x";
            text = HexFormat.of().formatHex(bytes);
        } else if (v instanceof java.time.LocalDate d) {
            tag = "date";
            text = d.toString();
        } else if (v instanceof java.time.LocalTime t) {
            tag = "time";
            text = t.toString();
        } else if (v instanceof java.time.LocalDateTime t) {
            tag = "ts";
            text = t.toString();
        } else if (v instanceof java.time.OffsetDateTime t) {
            tag = "tsz";
            text = t.toString();
        } else if (v instanceof java.time.OffsetTime t) {
            tag = "timez";
            text = t.toString();
        } else if (v instanceof java.time.Instant t) {
            tag = "instant";
            text = t.toString();
        } else if (v instanceof java.util.UUID u) {
            tag = "u";
            text = u.toString();
        } else if (v instanceof List<?> list) {
            a.add("a");
            JsonArray items = new JsonArray();
            list.forEach(x -> items.add(value(x)));
            a.add(items);
            return a;
        } else {
            tag = "s";
            text = v.toString();
        }
        a.add(tag);
        a.add(text);
        return a;
    }

    static Object value(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        JsonArray a = e.getAsJsonArray();
        String tag = a.get(0).getAsString();
        if (tag.equals("a")) {
            List<Object> out = new ArrayList<>();
            a.get(1).getAsJsonArray().forEach(x -> out.add(value(x)));
            return List.copyOf(out);
        }
        String t = a.get(1).getAsString();
        return switch (tag) {
            case "s" -> t;
            case "b" -> Boolean.valueOf(t);
            case "i" -> Integer.valueOf(t);
            case "l" -> Long.valueOf(t);
            case "h" -> Short.valueOf(t);
            case "y" -> Byte.valueOf(t);
            case "D" -> new BigDecimal(t);
            case "I" -> new BigInteger(t);
            case "d" -> Double.valueOf(t);
            case "f" -> Float.valueOf(t);
            case "x" -> HexFormat.of().parseHex(t);
            case "date" -> java.time.LocalDate.parse(t);
            case "time" -> java.time.LocalTime.parse(t);
            case "ts" -> java.time.LocalDateTime.parse(t);
            case "tsz" -> java.time.OffsetDateTime.parse(t);
            case "timez" -> java.time.OffsetTime.parse(t);
            case "instant" -> java.time.Instant.parse(t);
            case "u" -> java.util.UUID.fromString(t);
            default -> throw new IllegalArgumentException("unknown value tag " + tag);
        };
    }

    static JsonObject msg(Msg m) {
        JsonObject o = new JsonObject();
        o.addProperty("key", m.key());
        JsonArray args = new JsonArray();
        for (Object x : m.args()) {
            args.add(x instanceof Msg inner ? wrapMsg(inner) : value(x));
        }
        o.add("args", args);
        return o;
    }

    private static JsonObject wrapMsg(Msg m) {
        JsonObject o = new JsonObject();
        o.add("msg", msg(m));
        return o;
    }

    static Msg msg(JsonObject o) {
        List<Object> args = new ArrayList<>();
        for (JsonElement x : o.getAsJsonArray("args")) {
            args.add(x.isJsonObject() ? msg(x.getAsJsonObject().getAsJsonObject("msg")) : value(x));
        }
        return new Msg(o.get("key").getAsString(), args);
    }

    static JsonObject problem(SqlProblem p) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", p.kind().name());
        o.add("message", msg(p.message()));
        o.addProperty("offset", p.offset());
        o.addProperty("line", p.line());
        o.addProperty("column", p.column());
        return o;
    }

    static SqlProblem problem(JsonObject o) {
        return new SqlProblem(SqlProblem.Kind.valueOf(o.get("kind").getAsString()), msg(o.getAsJsonObject("message")),
                o.get("offset").getAsInt(), o.get("line").getAsInt(), o.get("column").getAsInt());
    }

    static JsonObject statement(StatementResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("sql", r.sql());
        o.addProperty("start", r.start());
        JsonArray cols = new JsonArray();
        for (ResultColumn c : r.columns()) {
            JsonArray col = new JsonArray();
            col.add(c.name());
            col.add(c.sqlType());
            col.add(c.javaClass());
            cols.add(col);
        }
        o.add("columns", cols);
        JsonArray rows = new JsonArray();
        for (List<Object> row : r.rows()) {
            JsonArray jr = new JsonArray();
            row.forEach(v -> jr.add(value(v)));
            rows.add(jr);
        }
        o.add("rows", rows);
        o.addProperty("total", r.totalRows());
        o.addProperty("lowerBound", r.totalIsLowerBound());
        o.addProperty("updateCount", r.updateCount());
        o.addProperty("nanos", r.elapsedNanos());
        return o;
    }

    static StatementResult statement(JsonObject o) {
        List<ResultColumn> cols = new ArrayList<>();
        for (JsonElement c : o.getAsJsonArray("columns")) {
            JsonArray a = c.getAsJsonArray();
            cols.add(new ResultColumn(a.get(0).getAsString(), a.get(1).getAsString(),
                    a.get(2).isJsonNull() ? null : a.get(2).getAsString()));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (JsonElement r : o.getAsJsonArray("rows")) {
            List<Object> row = new ArrayList<>();
            r.getAsJsonArray().forEach(v -> row.add(value(v)));
            rows.add(java.util.Collections.unmodifiableList(row));
        }
        return new StatementResult(o.get("sql").getAsString(), o.get("start").getAsInt(), cols, rows,
                o.get("total").getAsLong(), o.get("lowerBound").getAsBoolean(), o.get("updateCount").getAsLong(),
                o.get("nanos").getAsLong());
    }

    static JsonObject run(RunResult r) {
        JsonObject o = new JsonObject();
        JsonArray st = new JsonArray();
        r.statements().forEach(s -> st.add(statement(s)));
        o.add("statements", st);
        r.problem().ifPresent(p -> o.add("problem", problem(p)));
        o.addProperty("nanos", r.elapsedNanos());
        return o;
    }

    static RunResult run(JsonObject o) {
        List<StatementResult> st = new ArrayList<>();
        o.getAsJsonArray("statements").forEach(s -> st.add(statement(s.getAsJsonObject())));
        Optional<SqlProblem> p = o.has("problem") ? Optional.of(problem(o.getAsJsonObject("problem"))) : Optional.empty();
        return new RunResult(st, p, o.get("nanos").getAsLong());
    }

    static JsonArray statements(List<StatementResult> list) {
        JsonArray a = new JsonArray();
        list.forEach(s -> a.add(statement(s)));
        return a;
    }

    static List<StatementResult> statements(JsonArray a) {
        List<StatementResult> out = new ArrayList<>();
        a.forEach(s -> out.add(statement(s.getAsJsonObject())));
        return out;
    }

    static JsonArray schema(List<SchemaTable> tables) {
        JsonArray a = new JsonArray();
        for (SchemaTable t : tables) {
            JsonObject o = new JsonObject();
            o.addProperty("name", t.name());
            o.addProperty("type", t.type());
            o.addProperty("rows", t.rowCount());
            JsonArray cols = new JsonArray();
            for (SchemaTable.Column c : t.columns()) {
                JsonArray col = new JsonArray();
                col.add(c.name());
                col.add(c.sqlType());
                col.add(c.nullable());
                cols.add(col);
            }
            o.add("columns", cols);
            a.add(o);
        }
        return a;
    }

    static List<SchemaTable> schema(JsonArray a) {
        List<SchemaTable> out = new ArrayList<>();
        for (JsonElement e : a) {
            JsonObject o = e.getAsJsonObject();
            List<SchemaTable.Column> cols = new ArrayList<>();
            for (JsonElement c : o.getAsJsonArray("columns")) {
                JsonArray x = c.getAsJsonArray();
                cols.add(new SchemaTable.Column(x.get(0).getAsString(), x.get(1).getAsString(), x.get(2).getAsBoolean()));
            }
            out.add(new SchemaTable(o.get("name").getAsString(), o.get("type").getAsString(), cols, o.get("rows").getAsLong()));
        }
        return out;
    }

    static JsonObject dataset(Dataset d) {
        JsonObject o = new JsonObject();
        o.addProperty("name", d.name());
        o.addProperty("titleEn", d.title().en());
        o.addProperty("titleZh", d.title().zh());
        if (d.defaultScale().isPresent()) {
            o.addProperty("scale", d.defaultScale().getAsInt());
        }
        o.addProperty("script", d.script());
        o.addProperty("source", d.source());
        return o;
    }

    static Dataset dataset(JsonObject o) {
        return new Dataset(o.get("name").getAsString(), new Text(o.get("titleEn").getAsString(), o.get("titleZh").getAsString()),
                o.has("scale") ? OptionalInt.of(o.get("scale").getAsInt()) : OptionalInt.empty(),
                o.get("script").getAsString(), o.get("source").getAsString());
    }

    static JsonObject limits(SandboxLimits l) {
        JsonObject o = new JsonObject();
        o.addProperty("timeoutMs", l.timeout().toMillis());
        o.addProperty("rowCap", l.rowCap());
        o.addProperty("countLimit", l.countLimit());
        o.addProperty("heapFraction", l.heapFraction());
        return o;
    }

    static SandboxLimits limits(JsonObject o) {
        return new SandboxLimits(Duration.ofMillis(o.get("timeoutMs").getAsLong()), o.get("rowCap").getAsInt(),
                o.get("countLimit").getAsInt(), o.get("heapFraction").getAsDouble());
    }

    static JsonArray strings(List<String> list) {
        JsonArray a = new JsonArray();
        list.forEach(a::add);
        return a;
    }

    static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.getAsString()));
        return out;
    }

    static JsonPrimitive str(String s) {
        return new JsonPrimitive(s);
    }
}
