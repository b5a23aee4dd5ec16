package campus.certification.grading;

import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.i18n.Lang;
import campus.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The right answer of a question in words, for feedback and review screens. */
public final class AnswerText {

    private AnswerText() {
    }

    public static Text describe(Question q) {
        return new Text(describe(q, Lang.EN), describe(q, Lang.ZH));
    }

    public static String describe(Question q, Lang lang) {
        AnswerKey key = q.key();
        if (key instanceof AnswerKey.ChoiceKey c) {
            return join(c.options().stream().filter(AnswerKey.Option::correct).map(o -> o.text().in(lang)).toList(), lang);
        }
        if (key instanceof AnswerKey.TrueFalseKey t) {
            return lang == Lang.ZH ? (t.answer() ? "正确" : "错误") : (t.answer() ? "True" : "False");
        }
        if (key instanceof AnswerKey.FillInKey f) {
            List<String> parts = new ArrayList<>();
            for (AnswerKey.Accepted a : f.accepted()) {
                if (a.credit() < 1) {
                    continue;
                }
                if (a instanceof AnswerKey.Accepted.TextAnswer t) {
                    parts.add(t.text());
                } else if (a instanceof AnswerKey.Accepted.PatternAnswer p) {
                    parts.add(p.pattern());
                } else if (a instanceof AnswerKey.Accepted.NumberAnswer n) {
                    parts.add(num(n.value()) + (n.tolerance() > 0 ? " ± " + num(n.tolerance()) : ""));
                } else if (a instanceof AnswerKey.Accepted.RangeAnswer r) {
                    parts.add(num(r.min()) + " … " + num(r.max()));
                }
            }
            return String.join(lang == Lang.ZH ? " 或 " : " or ", parts);
        }
        if (key instanceof AnswerKey.MatchingKey m) {
            return join(m.pairs().stream().map(p -> p.left().in(lang) + " → " + p.right().in(lang)).toList(), lang);
        }
        if (key instanceof AnswerKey.OrderingKey o) {
            return String.join(" → ", o.items().stream().map(i -> i.text().in(lang)).toList());
        }
        if (key instanceof AnswerKey.SqlKey s) {
            return s.spec().referenceSql();
        }
        return "";
    }

    private static String join(List<String> parts, Lang lang) {
        return String.join(lang == Lang.ZH ? "；" : "; ", parts);
    }

    private static String num(double d) {
        Function<Double, String> f = v -> v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue()) : Double.toString(v);
        return f.apply(d);
    }
}
