package campus.certification.attempt;

import campus.certification.CertificationException;
import campus.certification.bank.Blueprint;
import campus.certification.bank.ExamMode;
import campus.certification.form.ExamForm;
import campus.certification.form.FormItem;
import campus.certification.model.Response;
import campus.i18n.Msg;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Attempt ⇄ JSON payload (the bytes that get signed). Field names are documented in the README. */
public final class AttemptCodec {

    static final int VERSION = 1;

    private AttemptCodec() {
    }

    public static byte[] encode(Attempt a) {
        JsonObject o = new JsonObject();
        o.addProperty("version", VERSION);
        o.addProperty("attemptId", a.attemptId);
        o.addProperty("examId", a.examId);
        o.addProperty("mode", a.mode.code());
        o.addProperty("candidate", a.candidate);
        o.addProperty("status", a.status.code());
        o.add("form", form(a.form));
        o.addProperty("timeLimitMs", a.timeLimitMs);
        o.addProperty("onTimeout", a.onTimeout.code());
        o.addProperty("graceMs", a.graceMs);
        o.addProperty("startedAt", a.startedAt.toString());
        o.addProperty("elapsedMs", a.elapsedMs);
        o.addProperty("checkpointAt", a.checkpointAt.toString());
        o.addProperty("sequence", a.sequence);
        JsonObject responses = new JsonObject();
        a.responses.forEach((q, r) -> responses.add(q, response(r)));
        o.add("responses", responses);
        o.add("flagged", strings(a.flagged));
        JsonObject timings = new JsonObject();
        a.timings.forEach((q, t) -> {
            JsonObject j = new JsonObject();
            j.addProperty("timeMs", t.timeMs());
            j.addProperty("answeredAtMs", t.answeredAtMs());
            j.addProperty("changes", t.changes());
            timings.add(q, j);
        });
        o.add("timings", timings);
        JsonArray clock = new JsonArray();
        for (ClockAnomaly c : a.anomalies) {
            JsonObject j = new JsonObject();
            j.addProperty("kind", c.kind().code());
            j.addProperty("at", c.at().toString());
            j.addProperty("elapsedMs", c.elapsedMs());
            j.addProperty("amountMs", c.amount().toMillis());
            clock.add(j);
        }
        o.add("clockAnomalies", clock);
        JsonArray resumes = new JsonArray();
        for (Attempt.Resume r : a.resumes) {
            JsonObject j = new JsonObject();
            j.addProperty("at", r.at().toString());
            j.addProperty("closedMs", r.closedMs());
            resumes.add(j);
        }
        o.add("resumes", resumes);
        JsonArray leaves = new JsonArray();
        for (Attempt.Leave l : a.leaves) {
            JsonObject j = new JsonObject();
            j.addProperty("at", l.at().toString());
            j.addProperty("elapsedMs", l.elapsedMs());
            j.addProperty("awayMs", l.awayMs());
            leaves.add(j);
        }
        o.add("windowLeaves", leaves);
        if (a.submittedAt != null) {
            o.addProperty("submittedAt", a.submittedAt.toString());
            o.addProperty("submitReason", a.submitReason.code());
        }
        if (a.claimed != null) {
            JsonObject c = new JsonObject();
            c.addProperty("score", a.claimed.score());
            c.addProperty("max", a.claimed.max());
            c.addProperty("passed", a.claimed.passed());
            c.addProperty("counted", a.claimed.counted());
            o.add("claimed", c);
        }
        o.addProperty("appSha256", a.appSha256);
        o.addProperty("packageSha256", a.packageSha256);
        o.addProperty("bankSha256", a.bankSha256);
        o.addProperty("publicKey", a.publicKey);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws CertificationException when the payload is not an attempt this version understands */
    public static Attempt decode(byte[] payload) {
        try {
            JsonObject o = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
            if (o.get("version").getAsInt() != VERSION) {
                throw new CertificationException(Msg.of("certification.record.malformed"));
            }
            Attempt a = new Attempt();
            a.attemptId = o.get("attemptId").getAsString();
            a.examId = o.get("examId").getAsString();
            a.mode = ExamMode.valueOf(o.get("mode").getAsString().toUpperCase(Locale.ROOT));
            a.candidate = o.get("candidate").getAsString();
            a.status = AttemptStatus.fromCode(o.get("status").getAsString());
            a.form = form(o.getAsJsonObject("form"));
            a.timeLimitMs = o.get("timeLimitMs").getAsLong();
            a.onTimeout = Blueprint.OnTimeout.valueOf(o.get("onTimeout").getAsString().toUpperCase(Locale.ROOT).replace('-', '_'));
            a.graceMs = o.get("graceMs").getAsLong();
            a.startedAt = Instant.parse(o.get("startedAt").getAsString());
            a.elapsedMs = o.get("elapsedMs").getAsLong();
            a.checkpointAt = Instant.parse(o.get("checkpointAt").getAsString());
            a.sequence = o.get("sequence").getAsLong();
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("responses").entrySet()) {
                a.responses.put(e.getKey(), response(e.getValue().getAsJsonObject()));
            }
            a.flagged.addAll(strings(o.getAsJsonArray("flagged")));
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("timings").entrySet()) {
                JsonObject t = e.getValue().getAsJsonObject();
                a.timings.put(e.getKey(), new Attempt.Timing(t.get("timeMs").getAsLong(), t.get("answeredAtMs").getAsLong(),
                        t.get("changes").getAsInt()));
            }
            for (JsonElement e : o.getAsJsonArray("clockAnomalies")) {
                JsonObject c = e.getAsJsonObject();
                a.anomalies.add(new ClockAnomaly(ClockAnomaly.Kind.fromCode(c.get("kind").getAsString()),
                        Instant.parse(c.get("at").getAsString()), c.get("elapsedMs").getAsLong(),
                        Duration.ofMillis(c.get("amountMs").getAsLong())));
            }
            for (JsonElement e : o.getAsJsonArray("resumes")) {
                JsonObject r = e.getAsJsonObject();
                a.resumes.add(new Attempt.Resume(Instant.parse(r.get("at").getAsString()), r.get("closedMs").getAsLong()));
            }
            if (o.has("windowLeaves")) { // absent in attempts written before it was recorded
                for (JsonElement e : o.getAsJsonArray("windowLeaves")) {
                    JsonObject l = e.getAsJsonObject();
                    a.leaves.add(new Attempt.Leave(Instant.parse(l.get("at").getAsString()), l.get("elapsedMs").getAsLong(),
                            l.get("awayMs").getAsLong()));
                }
            }
            if (o.has("submittedAt")) {
                a.submittedAt = Instant.parse(o.get("submittedAt").getAsString());
                a.submitReason = SubmitReason.fromCode(o.get("submitReason").getAsString());
            }
            if (o.has("claimed")) {
                JsonObject c = o.getAsJsonObject("claimed");
                a.claimed = new Attempt.Claimed(c.get("score").getAsDouble(), c.get("max").getAsDouble(),
                        c.get("passed").getAsBoolean(), c.get("counted").getAsBoolean());
            }
            a.appSha256 = o.get("appSha256").getAsString();
            a.packageSha256 = o.has("packageSha256") && !o.get("packageSha256").isJsonNull()
                    ? o.get("packageSha256").getAsString() : null;
            a.bankSha256 = o.get("bankSha256").getAsString();
            a.publicKey = o.get("publicKey").getAsString();
            return a;
        } catch (RuntimeException e) {
            if (e instanceof CertificationException ce) {
                throw ce;
            }
            throw new CertificationException(Msg.of("certification.record.malformed"), e);
        }
    }

    static JsonObject form(ExamForm f) {
        JsonObject o = new JsonObject();
        o.addProperty("examId", f.examId());
        o.addProperty("seed", Long.toString(f.seed()));
        o.add("excluded", strings(f.excluded()));
        JsonArray history = new JsonArray();
        f.history().forEach(ids -> history.add(strings(ids)));
        o.add("history", history);
        JsonArray items = new JsonArray();
        for (FormItem i : f.items()) {
            JsonObject j = new JsonObject();
            j.addProperty("question", i.questionId());
            j.addProperty("section", i.sectionId());
            j.addProperty("points", i.points());
            j.add("order", strings(i.order()));
            items.add(j);
        }
        o.add("items", items);
        return o;
    }

    static ExamForm form(JsonObject o) {
        List<FormItem> items = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("items")) {
            JsonObject j = e.getAsJsonObject();
            items.add(new FormItem(j.get("question").getAsString(), j.get("section").getAsString(),
                    j.get("points").getAsDouble(), strings(j.getAsJsonArray("order"))));
        }
        String examId = o.get("examId").getAsString();
        long seed = Long.parseLong(o.get("seed").getAsString());
        if (!o.has("history")) {
            // written before attempts were told apart: everything seen is one earlier attempt
            return new ExamForm(examId, seed, new LinkedHashSet<>(strings(o.getAsJsonArray("excluded"))), items);
        }
        List<Set<String>> history = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("history")) {
            history.add(new LinkedHashSet<>(strings(e.getAsJsonArray())));
        }
        ExamForm form = new ExamForm(examId, seed, history, items);
        if (!form.excluded().equals(new java.util.TreeSet<>(strings(o.getAsJsonArray("excluded"))))) {
            throw new CertificationException(Msg.of("certification.record.malformed"));
        }
        return form;
    }

    public static JsonObject response(Response r) {
        JsonObject o = new JsonObject();
        if (r instanceof Response.Choice c) {
            o.add("choice", strings(c.optionIds()));
        } else if (r instanceof Response.TrueFalse t) {
            o.addProperty("bool", t.value());
        } else if (r instanceof Response.FillIn f) {
            o.addProperty("text", f.text());
        } else if (r instanceof Response.Matching m) {
            JsonObject matches = new JsonObject();
            m.matches().forEach(matches::addProperty);
            o.add("matches", matches);
        } else if (r instanceof Response.Ordering or) {
            o.add("order", strings(or.itemIds()));
        } else if (r instanceof Response.Sql s) {
            o.addProperty("sql", s.sql());
        }
        return o;
    }

    public static Response response(JsonObject o) {
        if (o.has("choice")) {
            return new Response.Choice(strings(o.getAsJsonArray("choice")));
        }
        if (o.has("bool")) {
            return new Response.TrueFalse(o.get("bool").getAsBoolean());
        }
        if (o.has("text")) {
            return new Response.FillIn(o.get("text").getAsString());
        }
        if (o.has("matches")) {
            Map<String, String> m = new LinkedHashMap<>();
            o.getAsJsonObject("matches").entrySet().forEach(e -> m.put(e.getKey(), e.getValue().getAsString()));
            return new Response.Matching(m);
        }
        if (o.has("order")) {
            return new Response.Ordering(strings(o.getAsJsonArray("order")));
        }
        if (o.has("sql")) {
            return new Response.Sql(o.get("sql").getAsString());
        }
        throw new IllegalArgumentException("unknown response " + o);
    }

    private static JsonArray strings(java.util.Collection<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    static Set<String> keys(JsonObject o) {
        return o.keySet();
    }
}
