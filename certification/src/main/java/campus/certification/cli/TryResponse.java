package campus.certification.cli;

import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.certification.model.Response;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns {@code --choose}/{@code --answer} into the response a learner would give: options, items and
 * matching sides are found by the text a learner reads (spaces and case aside, in either language),
 * true/false by the words a learner clicks. Anything that does not name a part of the question is
 * {@link Refused} with the parts it could have named.
 */
final class TryResponse {

    /** A {@code --choose} or {@code --answer} the question cannot take. */
    static final class Refused extends Exception {
        private final transient Msg msg;

        Refused(Msg msg) {
            super(msg.key());
            this.msg = msg;
        }

        Msg msg() {
            return msg;
        }
    }

    private static final Set<String> TRUE = Set.of("true", "t", "yes", "正确", "对", "是");
    private static final Set<String> FALSE = Set.of("false", "f", "no", "错误", "错", "否");

    private TryResponse() {
    }

    static Response of(Question q, List<String> choose, Optional<String> answer, Lang lang) throws Refused {
        AnswerKey key = q.key();
        if (key instanceof AnswerKey.FillInKey || key instanceof AnswerKey.SqlKey) {
            if (answer.isEmpty() || !choose.isEmpty()) {
                throw new Refused(Msg.of("certification.cli.try-needs-answer", q.id()));
            }
            return key instanceof AnswerKey.SqlKey ? new Response.Sql(answer.get()) : new Response.FillIn(answer.get());
        }
        if (key instanceof AnswerKey.TrueFalseKey) {
            List<String> given = new ArrayList<>(choose);
            answer.ifPresent(given::add);
            String word = given.size() == 1 ? given.get(0).strip().toLowerCase(Locale.ROOT) : "";
            if (!TRUE.contains(word) && !FALSE.contains(word)) {
                throw new Refused(Msg.of("certification.cli.try-needs-true-false", q.id()));
            }
            return new Response.TrueFalse(TRUE.contains(word));
        }
        if (choose.isEmpty() || answer.isPresent()) {
            throw new Refused(Msg.of("certification.cli.try-needs-choose", q.id()));
        }
        if (key instanceof AnswerKey.ChoiceKey c) {
            if (!c.multiple() && choose.size() > 1) {
                throw new Refused(Msg.of("certification.cli.try-one-option", q.id()));
            }
            Map<String, Text> options = parts(c.options(), AnswerKey.Option::id, AnswerKey.Option::text);
            List<String> ids = new ArrayList<>();
            for (String text : choose) {
                ids.add(find(options, text, q, lang));
            }
            return new Response.Choice(ids);
        }
        if (key instanceof AnswerKey.OrderingKey o) {
            Map<String, Text> items = parts(o.items(), AnswerKey.Item::id, AnswerKey.Item::text);
            List<String> ids = new ArrayList<>();
            for (String text : choose) {
                ids.add(find(items, text, q, lang));
            }
            return new Response.Ordering(ids);
        }
        AnswerKey.MatchingKey m = (AnswerKey.MatchingKey) key;
        Map<String, Text> left = parts(m.pairs(), AnswerKey.Pair::id, AnswerKey.Pair::left);
        Map<String, Text> right = parts(m.pairs(), AnswerKey.Pair::id, AnswerKey.Pair::right);
        m.distractors().forEach(d -> right.putIfAbsent(d.id(), d.text()));
        Map<String, String> matches = new LinkedHashMap<>();
        for (String pair : choose) {
            String[] sides = split(pair, left, right, q, lang);
            matches.put(find(left, sides[0], q, lang), find(right, sides[1], q, lang));
        }
        return new Response.Matching(matches);
    }

    /** {@code left -> right}, split at the arrow whose sides both name something (a side may hold an arrow). */
    private static String[] split(String pair, Map<String, Text> left, Map<String, Text> right, Question q, Lang lang)
            throws Refused {
        for (int at = pair.indexOf("->"); at >= 0; at = pair.indexOf("->", at + 1)) {
            String l = pair.substring(0, at);
            String r = pair.substring(at + 2);
            if (lookup(left, l, lang).isPresent() && lookup(right, r, lang).isPresent()) {
                return new String[] {l, r};
            }
        }
        int at = pair.indexOf("->");
        if (at < 0) {
            throw new Refused(Msg.of("certification.cli.try-needs-arrow", pair));
        }
        return new String[] {pair.substring(0, at), pair.substring(at + 2)};
    }

    private static <T> Map<String, Text> parts(List<T> list, Function<T, String> id, Function<T, Text> text) {
        Map<String, Text> out = new LinkedHashMap<>();
        list.forEach(t -> out.put(id.apply(t), text.apply(t)));
        return out;
    }

    private static String find(Map<String, Text> parts, String text, Question q, Lang lang) throws Refused {
        Optional<String> id = lookup(parts, text, lang);
        if (id.isEmpty()) {
            String known = parts.values().stream().map(t -> "\"" + t.in(lang) + "\"").distinct()
                    .collect(Collectors.joining(", "));
            throw new Refused(Msg.of("certification.cli.try-no-option", text.strip(), q.id(), known));
        }
        return id.get();
    }

    /** The text as shown in {@code lang}, then in the other language, then with case folded; an id last. */
    private static Optional<String> lookup(Map<String, Text> parts, String text, Lang lang) {
        String want = squash(text);
        for (boolean fold : new boolean[] {false, true}) {
            for (Lang l : List.of(lang, lang == Lang.EN ? Lang.ZH : Lang.EN)) {
                for (Map.Entry<String, Text> e : parts.entrySet()) {
                    String shown = squash(e.getValue().in(l));
                    if (fold ? shown.equalsIgnoreCase(want) : shown.equals(want)) {
                        return Optional.of(e.getKey());
                    }
                }
            }
        }
        return parts.containsKey(text.strip()) ? Optional.of(text.strip()) : Optional.empty();
    }

    private static String squash(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
