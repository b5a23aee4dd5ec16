package campus.certification.importer;

import campus.certification.model.AnswerKey;
import campus.certification.model.AnswerKey.Accepted;
import campus.certification.model.Question;
import campus.certification.model.Scoring;
import campus.i18n.Lang;
import campus.i18n.Text;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/** Writes questions in the bank file format (a JSON array), pretty-printed for authors to edit. */
public final class QuestionJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private QuestionJson() {
    }

    public static String write(List<Question> questions) {
        JsonArray a = new JsonArray();
        questions.forEach(q -> a.add(toJson(q)));
        return GSON.toJson(a) + "\n";
    }

    public static JsonObject toJson(Question q) {
        JsonObject o = new JsonObject();
        o.addProperty("id", q.id());
        o.addProperty("type", q.type().code());
        JsonArray topics = new JsonArray();
        q.topics().forEach(topics::add);
        o.add("topics", topics);
        o.addProperty("difficulty", q.difficulty().code());
        if (q.points() != 1) {
            o.addProperty("points", q.points());
        }
        o.add("prompt", text(q.prompt()));
        AnswerKey key = q.key();
        if (key instanceof AnswerKey.ChoiceKey c) {
            if (c.scoring() != Scoring.ALL_OR_NOTHING) {
                o.addProperty("scoring", c.scoring().code());
            }
            if (!c.shuffle()) {
                o.addProperty("shuffle", false);
            }
            JsonArray options = new JsonArray();
            for (AnswerKey.Option op : c.options()) {
                JsonObject j = new JsonObject();
                j.addProperty("id", op.id());
                j.add("text", text(op.text()));
                j.addProperty("correct", op.correct());
                if (c.scoring() == Scoring.WEIGHTED) {
                    j.addProperty("weight", op.weight());
                }
                feedback(j, "feedback", op.feedback());
                options.add(j);
            }
            o.add("options", options);
        } else if (key instanceof AnswerKey.TrueFalseKey t) {
            o.addProperty("answer", t.answer());
            feedback(o, "feedbackTrue", t.feedbackTrue());
            feedback(o, "feedbackFalse", t.feedbackFalse());
        } else if (key instanceof AnswerKey.FillInKey f) {
            if (f.caseSensitive()) {
                o.addProperty("caseSensitive", true);
            }
            JsonArray acc = new JsonArray();
            for (Accepted a : f.accepted()) {
                JsonObject j = new JsonObject();
                if (a instanceof Accepted.TextAnswer t) {
                    j.addProperty("text", t.text());
                } else if (a instanceof Accepted.PatternAnswer p) {
                    j.addProperty("pattern", p.pattern());
                } else if (a instanceof Accepted.NumberAnswer n) {
                    j.addProperty("number", n.value());
                    if (n.tolerance() > 0) {
                        j.addProperty("tolerance", n.tolerance());
                    }
                } else if (a instanceof Accepted.RangeAnswer r) {
                    j.addProperty("min", r.min());
                    j.addProperty("max", r.max());
                }
                if (a.credit() < 1) {
                    j.addProperty("credit", a.credit());
                }
                feedback(j, "feedback", a.feedback());
                acc.add(j);
            }
            o.add("accept", acc);
        } else if (key instanceof AnswerKey.MatchingKey m) {
            if (m.scoring() != Scoring.ALL_OR_NOTHING) {
                o.addProperty("scoring", m.scoring().code());
            }
            JsonArray pairs = new JsonArray();
            for (AnswerKey.Pair p : m.pairs()) {
                JsonObject j = new JsonObject();
                j.addProperty("id", p.id());
                j.add("left", text(p.left()));
                j.add("right", text(p.right()));
                pairs.add(j);
            }
            o.add("pairs", pairs);
            if (!m.distractors().isEmpty()) {
                JsonArray ds = new JsonArray();
                for (AnswerKey.Distractor d : m.distractors()) {
                    JsonObject j = new JsonObject();
                    j.addProperty("id", d.id());
                    j.add("text", text(d.text()));
                    ds.add(j);
                }
                o.add("distractors", ds);
            }
        } else if (key instanceof AnswerKey.OrderingKey or) {
            if (or.scoring() != Scoring.ALL_OR_NOTHING) {
                o.addProperty("scoring", or.scoring().code());
            }
            JsonArray items = new JsonArray();
            for (AnswerKey.Item i : or.items()) {
                JsonObject j = new JsonObject();
                j.addProperty("id", i.id());
                j.add("text", text(i.text()));
                items.add(j);
            }
            o.add("items", items);
        } else if (key instanceof AnswerKey.SqlKey s) {
            JsonObject j = new JsonObject();
            j.addProperty("dataset", s.spec().dataset());
            j.addProperty("reference", s.spec().referenceSql());
            j.addProperty("check", s.spec().check().code());
            j.addProperty("ordered", s.spec().ordered());
            j.addProperty("tolerance", s.spec().tolerance());
            o.add("sql", j);
        }
        o.add("explanation", text(q.explanation()));
        if (!q.outcomeFeedback().isEmpty()) {
            JsonObject by = new JsonObject();
            feedback(by, "correct", q.outcomeFeedback().correct());
            feedback(by, "partial", q.outcomeFeedback().partial());
            feedback(by, "incorrect", q.outcomeFeedback().incorrect());
            o.add("outcomeFeedback", by);
        }
        return o;
    }

    /** Feedback is optional: an empty one is left out rather than written for a translator to fill. */
    private static void feedback(JsonObject o, String key, Text t) {
        if (t.has(Lang.EN) || t.has(Lang.ZH)) {
            o.add(key, text(t));
        }
    }

    private static JsonObject text(Text t) {
        JsonObject o = new JsonObject();
        o.addProperty("en", t.en() == null ? "" : t.en());
        o.addProperty("zh", t.zh() == null ? "" : t.zh());
        return o;
    }
}
