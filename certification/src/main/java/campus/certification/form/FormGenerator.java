package campus.certification.form;

import campus.certification.CertificationException;
import campus.certification.bank.Blueprint;
import campus.certification.bank.QuestionBank;
import campus.certification.bank.Section;
import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.i18n.Msg;
import campus.i18n.Text;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Draws a form from a bank by a blueprint. Deterministic across machines and JDKs: the pools are
 * sorted by id, every random stream is a {@link Random} (its algorithm is fixed by the JDK spec)
 * seeded from SHA-256 of the seed and a purpose label, and shuffling is a plain Fisher–Yates.
 *
 * <p>Questions of earlier attempts ({@code history}, the most recent attempt first) are drawn only
 * when a section has too few fresh ones, and then those seen longest ago first: a question last seen
 * in the previous attempt comes last of all. So as long as a section's pool holds three forms' worth,
 * three attempts in a row never share a question, however many attempts came before. A question is
 * never drawn twice on one form.
 */
public final class FormGenerator {

    private FormGenerator() {
    }

    /** A form for a candidate who saw {@code excluded} in one earlier attempt (or nothing, when empty). */
    public static ExamForm generate(QuestionBank bank, Blueprint blueprint, long seed, Set<String> excluded) {
        return generate(bank, blueprint, seed, List.of(excluded));
    }

    /**
     * @param history question ids of the candidate's earlier attempts of this exam, one set per attempt,
     *                the most recent first
     */
    public static ExamForm generate(QuestionBank bank, Blueprint blueprint, long seed, List<Set<String>> history) {
        List<Question> all = new ArrayList<>(bank.questions());
        all.sort(Comparator.comparing(Question::id));
        // when each question was last seen: 0 = the previous attempt; absent = never
        Map<String, Integer> lastSeen = new HashMap<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            for (String id : history.get(i)) {
                lastSeen.put(id, i);
            }
        }
        Set<String> drawn = new HashSet<>();
        List<FormItem> items = new ArrayList<>();
        for (Section section : blueprint.sections()) {
            // tiers in drawing order: fresh questions, then those seen longest ago, the previous attempt's last
            List<List<Question>> tiers = new ArrayList<>();
            for (int i = 0; i <= history.size(); i++) {
                tiers.add(new ArrayList<>());
            }
            int available = 0;
            for (Question q : all) {
                if (section.matches(q) && !drawn.contains(q.id())) {
                    Integer seen = lastSeen.get(q.id());
                    tiers.get(seen == null ? 0 : history.size() - seen).add(q);
                    available++;
                }
            }
            if (available < section.count()) {
                throw new CertificationException(Msg.of("certification.form.short", blueprint.id(), section.id(),
                        section.count(), available));
            }
            Random rnd = random(seed, "draw:" + section.id());
            List<Question> picked = new ArrayList<>();
            for (List<Question> tier : tiers) {
                if (tier.isEmpty()) {
                    continue;
                }
                shuffle(tier, rnd);
                picked.addAll(tier.subList(0, Math.min(section.count() - picked.size(), tier.size())));
            }
            picked.sort(Comparator.comparing(Question::id));
            for (Question q : picked) {
                drawn.add(q.id());
                items.add(new FormItem(q.id(), section.id(), section.pointsFor(q),
                        order(q, blueprint.shuffleOptions(), random(seed, "order:" + q.id()))));
            }
        }
        if (blueprint.shuffleQuestions()) {
            shuffle(items, random(seed, "questions"));
        }
        return new ExamForm(blueprint.id(), seed, history, items);
    }

    /** Display order of a question's parts; also used by quizzes. */
    public static List<String> order(Question q, boolean shuffleOptions, Random rnd) {
        List<String> ids = new ArrayList<>();
        boolean shuffle = shuffleOptions;
        AnswerKey key = q.key();
        if (key instanceof AnswerKey.ChoiceKey c) {
            c.options().forEach(o -> ids.add(o.id()));
            shuffle &= c.shuffle();
        } else if (key instanceof AnswerKey.MatchingKey m) {
            // Right items listed in the order of their left items give the answer away: always scrambled.
            // Right items with the same text are one item, as in Moodle: "DDL" is shown once and is the
            // answer of every left item it belongs to.
            Set<Text> shown = new HashSet<>();
            m.pairs().stream().filter(p -> shown.add(p.right())).forEach(p -> ids.add(p.id()));
            List<String> right = List.copyOf(ids);
            m.distractors().stream().filter(d -> shown.add(d.text())).forEach(d -> ids.add(d.id()));
            return scrambled(ids, right, rnd);
        } else if (key instanceof AnswerKey.OrderingKey o) {
            // An ordering question shown in its answer order gives itself away, so it is always scrambled.
            o.items().forEach(i -> ids.add(i.id()));
            return scrambled(ids, List.copyOf(ids), rnd);
        } else {
            return ids;
        }
        if (shuffle) {
            shuffle(ids, rnd);
        }
        return ids;
    }

    /** Shuffles until the list no longer starts with {@code answer}, rotating as a last resort. */
    private static List<String> scrambled(List<String> ids, List<String> answer, Random rnd) {
        for (int tries = 0; tries < 8 && startsWith(ids, answer); tries++) {
            shuffle(ids, rnd);
        }
        if (startsWith(ids, answer) && answer.size() > 1) {
            ids.add(answer.size() - 1, ids.remove(0));
        }
        return ids;
    }

    private static boolean startsWith(List<String> ids, List<String> prefix) {
        return ids.subList(0, prefix.size()).equals(prefix);
    }

    public static Random random(long seed, String purpose) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(8).putLong(seed).array());
            sha.update(purpose.getBytes(StandardCharsets.UTF_8));
            return new Random(ByteBuffer.wrap(sha.digest()).getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> void shuffle(List<T> list, Random rnd) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
