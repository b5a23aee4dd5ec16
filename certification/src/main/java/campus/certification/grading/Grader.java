package campus.certification.grading;

import campus.certification.CertificationException;
import campus.certification.bank.Blueprint;
import campus.certification.bank.QuestionBank;
import campus.certification.form.ExamForm;
import campus.certification.form.FormItem;
import campus.certification.form.MatchingLabels;
import campus.certification.model.AnswerKey;
import campus.certification.model.AnswerKey.Accepted;
import campus.certification.model.Question;
import campus.certification.model.QuestionType;
import campus.certification.model.Response;
import campus.certification.model.Scoring;
import campus.certification.sql.SqlAnswerGrader;
import campus.certification.sql.SqlGrade;
import campus.i18n.Msg;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Grades responses. Pure and thread-safe, except that SQL questions call the {@link SqlAnswerGrader},
 * which runs SQL and may take a while: grade forms holding SQL questions off the UI thread.
 */
public final class Grader {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

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

    public QuestionGrade grade(Question q, Response r, double max) {
        if (r == null) {
            if (q.type() == QuestionType.SQL) {
                requireCanGrade(List.of(q));
            }
            return QuestionGrade.unanswered(q.id(), max);
        }
        AnswerKey key = q.key();
        if (key instanceof AnswerKey.ChoiceKey c && r instanceof Response.Choice ch) {
            return QuestionGrade.of(q.id(), choice(c, ch), max, Optional.empty());
        }
        if (key instanceof AnswerKey.TrueFalseKey t && r instanceof Response.TrueFalse tf) {
            return QuestionGrade.of(q.id(), t.answer() == tf.value() ? 1 : 0, max, Optional.empty());
        }
        if (key instanceof AnswerKey.FillInKey f && r instanceof Response.FillIn fi) {
            return QuestionGrade.of(q.id(), fillIn(f, fi.text()), max, Optional.empty());
        }
        if (key instanceof AnswerKey.MatchingKey m && r instanceof Response.Matching mr) {
            return QuestionGrade.of(q.id(), matching(m, mr), max, Optional.empty());
        }
        if (key instanceof AnswerKey.OrderingKey o && r instanceof Response.Ordering or) {
            return QuestionGrade.of(q.id(), ordering(o, or), max, Optional.empty());
        }
        if (key instanceof AnswerKey.SqlKey s && r instanceof Response.Sql sr) {
            requireCanGrade(List.of(q));
            SqlGrade g = sql.grade(s.spec(), sr.sql());
            return QuestionGrade.of(q.id(), g.fraction(), max, Optional.of(g.feedback()));
        }
        throw new IllegalArgumentException("a " + r.getClass().getSimpleName() + " response cannot answer "
                + q.type().code() + " question " + q.id());
    }

    /**
     * Grades a whole form; questions without a response score zero. Responses are as the form presented
     * the question: matching right items by their {@link MatchingLabels labels}.
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
            QuestionGrade g = grade(q, r, item.points());
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
            return key.options().stream().anyMatch(o -> o.correct() && o.id().equals(id)) ? 1 : 0;
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
        };
    }

    static double fillIn(AnswerKey.FillInKey key, String response) {
        String given = normalise(response, key.caseSensitive());
        if (given.isEmpty()) {
            return 0;
        }
        Double number = parseNumber(given);
        double best = 0;
        for (Accepted a : key.accepted()) {
            boolean hit;
            if (a instanceof Accepted.TextAnswer t) {
                hit = normalise(t.text(), key.caseSensitive()).equals(given);
            } else if (a instanceof Accepted.NumberAnswer n) {
                hit = number != null && Math.abs(number - n.value()) <= n.tolerance() + slack(n.value());
            } else {
                Accepted.RangeAnswer rg = (Accepted.RangeAnswer) a;
                hit = number != null && number >= rg.min() - slack(rg.min()) && number <= rg.max() + slack(rg.max());
            }
            if (hit) {
                best = Math.max(best, a.credit());
            }
        }
        return best;
    }

    /** Absorbs binary rounding, e.g. 0.1 + 0.2 typed as 0.3 against a tolerance of 0. */
    private static double slack(double v) {
        return 1e-9 * Math.max(1, Math.abs(v));
    }

    /**
     * NFKC folds full-width letters and digits typed with a Chinese input method into their ASCII
     * forms; spaces are trimmed and collapsed; case is folded unless the question says otherwise.
     */
    public static String normalise(String s, boolean caseSensitive) {
        String n = SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC)).replaceAll(" ").trim();
        return caseSensitive ? n : n.toLowerCase(Locale.ROOT);
    }

    static Double parseNumber(String s) {
        String t = s.replace(" ", "");
        if (!NUMBER.matcher(t).matches()) {
            return null;
        }
        return Double.parseDouble(t);
    }

    static double matching(AnswerKey.MatchingKey key, Response.Matching r) {
        int right = 0;
        for (AnswerKey.Pair p : key.pairs()) {
            if (p.id().equals(r.matches().get(p.id()))) {
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
        if (key.scoring() == Scoring.PARTIAL) {
            return given.size() > key.items().size() ? 0 : (double) right / key.items().size();
        }
        return exact ? 1 : 0;
    }
}
