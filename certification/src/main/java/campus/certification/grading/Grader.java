package campus.certification.grading;

import campus.certification.CertificationException;
import campus.certification.bank.Blueprint;
import campus.certification.bank.QuestionBank;
import campus.certification.form.ExamForm;
import campus.certification.form.FormItem;
import campus.certification.form.MatchingLabels;
import campus.certification.model.AnswerKey;
import campus.certification.model.AnswerKey.Accepted;
import campus.certification.model.OutcomeFeedback;
import campus.certification.model.Question;
import campus.certification.model.QuestionType;
import campus.certification.model.Response;
import campus.certification.model.Scoring;
import campus.certification.sql.SqlAnswerGrader;
import campus.certification.sql.SqlGrade;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Grades responses. Pure and thread-safe, except that SQL questions call the {@link SqlAnswerGrader},
 * which runs SQL and may take a while: grade forms holding SQL questions off the UI thread.
 */
public final class Grader {

    private final SqlAnswerGrader sql;

    private Grader(SqlAnswerGrader sql) {
        this.sql = sql;
    }

    /** A grader for banks without SQL questions; grading a SQL question with it is an error. */
    public static Grader withoutSql() {
        return new Grader(null);
    }

    public static Grader withSql(SqlAnswerGrader sql) {
        return new Grader(java.util.Objects.requireNonNull(sql, "sql"));
    }

    public boolean gradesSql() {
        return sql != null;
    }

    /** Fails up front, with a message naming a SQL question, when this grader cannot grade the bank. */
    public void requireCanGrade(List<Question> questions) {
        if (sql == null) {
            questions.stream().filter(q -> q.type() == QuestionType.SQL).findFirst().ifPresent(q -> {
                throw new CertificationException(Msg.of("certification.grading.no-sql-grader", q.id()));
            });
        }
    }

    /** Grades one response as a quiz or a preview does: SQL feedback may show how the result differs. */
    public QuestionGrade grade(Question q, Response r, double max) {
        return grade(q, r, max, false);
    }

    private QuestionGrade grade(Question q, Response r, double max, boolean exam) {
        if (r == null) {
            if (q.type() == QuestionType.SQL) {
                requireCanGrade(List.of(q));
            }
            return QuestionGrade.unanswered(q.id(), max);
        }
        AnswerKey key = q.key();
        if (key instanceof AnswerKey.ChoiceKey c && r instanceof Response.Choice ch) {
            return authored(q, choice(c, ch), max, c.options().stream()
                    .filter(o -> ch.optionIds().contains(o.id())).map(AnswerKey.Option::feedback).toList());
        }
        if (key instanceof AnswerKey.TrueFalseKey t && r instanceof Response.TrueFalse tf) {
            return authored(q, t.answer() == tf.value() ? 1 : 0, max,
                    List.of(tf.value() ? t.feedbackTrue() : t.feedbackFalse()));
        }
        if (key instanceof AnswerKey.FillInKey f && r instanceof Response.FillIn fi) {
            Optional<Accepted> hit = FillInMatcher.match(f, fi.text());
            return authored(q, hit.map(Accepted::credit).orElse(0.0), max,
                    hit.map(a -> List.of(a.feedback())).orElse(List.of()));
        }
        if (key instanceof AnswerKey.MatchingKey m && r instanceof Response.Matching mr) {
            return authored(q, matching(m, mr), max, List.of());
        }
        if (key instanceof AnswerKey.OrderingKey o && r instanceof Response.Ordering or) {
            return authored(q, ordering(o, or), max, List.of());
        }
        if (key instanceof AnswerKey.SqlKey s && r instanceof Response.Sql sr) {
            requireCanGrade(List.of(q));
            SqlGrade g = sql.grade(s.spec(), sr.sql());
            return QuestionGrade.of(q.id(), g.fraction(), max, Optional.of(exam ? g.examFeedback() : g.feedback()));
        }
        throw new IllegalArgumentException("a " + r.getClass().getSimpleName() + " response cannot answer "
                + q.type().code() + " question " + q.id());
    }

    /** A grade with the feedback the author wrote: for the response given, then for its outcome. */
    private static QuestionGrade authored(Question q, double fraction, double max, List<Text> forResponse) {
        double f = QuestionGrade.snap(fraction);
        OutcomeFeedback by = q.outcomeFeedback();
        List<Text> said = new ArrayList<>(forResponse);
        said.add(f == 1 ? by.correct() : f > 0 ? by.partial() : by.incorrect());
        said.removeIf(t -> !t.has(Lang.EN) && !t.has(Lang.ZH));
        return QuestionGrade.of(q.id(), f, max, Optional.empty(), said);
    }

    /**
     * Grades a whole form; questions without a response score zero. Responses are as the form presented
     * the question: matching right items by their {@link MatchingLabels labels}. SQL feedback is the exam's:
     * it never shows the expected result.
     */
    public ExamResult grade(QuestionBank bank, Blueprint blueprint, ExamForm form, Map<String, Response> responses) {
        List<Question> questions = form.items().stream().map(i -> bank.get(i.questionId())).toList();
        requireCanGrade(questions);
        List<QuestionGrade> grades = new java.util.ArrayList<>(form.items().size());
        Map<String, TopicScore> topics = new LinkedHashMap<>();
        double score = 0;
        double max = 0;
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            FormItem item = form.items().get(i);
            Response r = responses.get(q.id());
            if (r instanceof Response.Matching m) {
                r = MatchingLabels.toAuthored(item.order(), m);
            }
            QuestionGrade g = grade(q, r, item.points(), true);
            grades.add(g);
            score += g.earned();
            max += g.max();
            topics.computeIfAbsent(q.primaryTopic(), t -> new TopicScore(t, 0, 0, 0, 0));
            topics.computeIfPresent(q.primaryTopic(), (t, s) -> s.plus(g));
        }
        score = ExamResult.round(score);
        max = ExamResult.round(max);
        double needed = ExamResult.round(blueprint.pass().pointsNeeded(max));
        return new ExamResult(score, max, needed, blueprint.pass().passed(score, max), grades, topics);
    }

    static double choice(AnswerKey.ChoiceKey key, Response.Choice r) {
        Set<String> chosen = new HashSet<>(r.optionIds());
        if (!key.multiple()) {
            if (chosen.size() != 1) {
                return 0;
            }
            String id = chosen.iterator().next();
            return key.options().stream().filter(o -> o.id().equals(id)).findFirst()
                    .map(o -> key.scoring() == Scoring.WEIGHTED ? Math.max(0, Math.min(1, o.weight())) : o.correct() ? 1.0 : 0.0)
                    .orElse(0.0);
        }
        int rightTotal = 0;
        int rightChosen = 0;
        int wrongChosen = 0;
        double weight = 0;
        Set<String> known = new HashSet<>();
        for (AnswerKey.Option o : key.options()) {
            known.add(o.id());
            boolean picked = chosen.contains(o.id());
            if (o.correct()) {
                rightTotal++;
            }
            if (picked) {
                weight += o.weight();
                if (o.correct()) {
                    rightChosen++;
                } else {
                    wrongChosen++;
                }
            }
        }
        for (String c : chosen) {
            if (!known.contains(c)) {
                wrongChosen++;
            }
        }
        return switch (key.scoring()) {
            case ALL_OR_NOTHING -> rightChosen == rightTotal && wrongChosen == 0 ? 1 : 0;
            case PARTIAL -> rightTotal == 0 ? 0 : Math.max(0, (double) (rightChosen - wrongChosen) / rightTotal);
            case WEIGHTED -> Math.max(0, Math.min(1, weight));
            case RELATIVE_NEXT -> 0; // an ordering rule; the bank parser never gives it to a choice question
        };
    }

    /**
     * NFKC folds full-width letters and digits typed with a Chinese input method into their ASCII
     * forms; spaces are trimmed and collapsed; case is folded unless the question says otherwise.
     */
    public static String normalise(String s, boolean caseSensitive) {
        return FillInMatcher.normalise(s, caseSensitive);
    }

    /** A left item is matched right when the chosen right item reads the same as its own (Moodle's rule). */
    static double matching(AnswerKey.MatchingKey key, Response.Matching r) {
        Map<String, Text> rightTexts = new java.util.HashMap<>();
        key.pairs().forEach(p -> rightTexts.put(p.id(), p.right()));
        key.distractors().forEach(d -> rightTexts.putIfAbsent(d.id(), d.text()));
        int right = 0;
        for (AnswerKey.Pair p : key.pairs()) {
            String chosen = r.matches().get(p.id());
            if (chosen != null && p.right().equals(rightTexts.get(chosen))) {
                right++;
            }
        }
        if (key.scoring() == Scoring.PARTIAL) {
            return (double) right / key.pairs().size();
        }
        return right == key.pairs().size() ? 1 : 0;
    }

    static double ordering(AnswerKey.OrderingKey key, Response.Ordering r) {
        int right = 0;
        List<String> given = r.itemIds();
        for (int i = 0; i < key.items().size() && i < given.size(); i++) {
            if (key.items().get(i).id().equals(given.get(i))) {
                right++;
            }
        }
        boolean exact = right == key.items().size() && given.size() == key.items().size();
        if (key.scoring() == Scoring.RELATIVE_NEXT) {
            return relativeNext(key, given);
        }
        if (key.scoring() == Scoring.PARTIAL) {
            return given.size() > key.items().size() ? 0 : (double) right / key.items().size();
        }
        return exact ? 1 : 0;
    }

    private static double relativeNext(AnswerKey.OrderingKey key, List<String> given) {
        Map<String, String> next = new java.util.HashMap<>();
        for (int i = 0; i + 1 < given.size(); i++) {
            next.putIfAbsent(given.get(i), given.get(i + 1));
        }
        int pairs = key.items().size() - 1;
        int right = 0;
        for (int i = 0; i < pairs; i++) {
            if (key.items().get(i + 1).id().equals(next.get(key.items().get(i).id()))) {
                right++;
            }
        }
        return pairs == 0 ? 0 : (double) right / pairs;
    }
}
