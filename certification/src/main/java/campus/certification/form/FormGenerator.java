package campus.certification.form;

import campus.certification.CertificationException;
import campus.certification.bank.Blueprint;
import campus.certification.bank.QuestionBank;
import campus.certification.bank.Section;
import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.i18n.Msg;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Draws a form from a bank by a blueprint. Deterministic across machines and JDKs: the pools are
 * sorted by id, every random stream is a {@link Random} (its algorithm is fixed by the JDK spec)
 * seeded from SHA-256 of the seed and a purpose label, and shuffling is a plain Fisher–Yates.
 *
 * <p>Questions in {@code excluded} (what this candidate saw in earlier attempts) are drawn only
 * when a section has too few fresh ones; a question is never drawn twice on one form.
 */
public final class FormGenerator {

    private FormGenerator() {
    }

    public static ExamForm generate(QuestionBank bank, Blueprint blueprint, long seed, Set<String> excluded) {
        List<Question> all = new ArrayList<>(bank.questions());
        all.sort(Comparator.comparing(Question::id));
        Set<String> drawn = new HashSet<>();
        List<FormItem> items = new ArrayList<>();
        for (Section section : blueprint.sections()) {
            List<Question> fresh = new ArrayList<>();
            List<Question> seen = new ArrayList<>();
            for (Question q : all) {
                if (section.matches(q) && !drawn.contains(q.id())) {
                    (excluded.contains(q.id()) ? seen : fresh).add(q);
                }
            }
            if (fresh.size() + seen.size() < section.count()) {
                throw new CertificationException(Msg.of("certification.form.short", blueprint.id(), section.id(),
                        section.count(), fresh.size() + seen.size()));
            }
            Random rnd = random(seed, "draw:" + section.id());
            shuffle(fresh, rnd);
            shuffle(seen, rnd);
            List<Question> picked = new ArrayList<>(fresh.subList(0, Math.min(section.count(), fresh.size())));
            picked.addAll(seen.subList(0, section.count() - picked.size()));
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
        return new ExamForm(blueprint.id(), seed, excluded, items);
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
            m.pairs().forEach(p -> ids.add(p.id()));
            m.distractors().forEach(d -> ids.add(d.id()));
        } else if (key instanceof AnswerKey.OrderingKey o) {
            o.items().forEach(i -> ids.add(i.id()));
            // An ordering question shown in its answer order gives itself away, so it is always scrambled.
            List<String> right = List.copyOf(ids);
            for (int tries = 0; tries < 8 && ids.equals(right); tries++) {
                shuffle(ids, rnd);
            }
            if (ids.equals(right) && ids.size() > 1) {
                ids.add(ids.remove(0));
            }
            return ids;
        } else {
            return ids;
        }
        if (shuffle) {
            shuffle(ids, rnd);
        }
        return ids;
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
