package campus.certification.bank;

import campus.certification.model.AnswerKey;
import campus.certification.model.AnswerKey.Accepted;
import campus.certification.model.Difficulty;
import campus.certification.model.OutcomeFeedback;
import campus.certification.model.Question;
import campus.certification.model.QuestionType;
import campus.certification.model.Scoring;
import campus.certification.sql.SqlQuestionSpec;
import campus.i18n.Text;
import campus.i18n.json.JsonValue;
import campus.i18n.json.JsonValue.JObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads one question object of the bank format (see certification/README.md) and reports what is wrong. */
final class QuestionParser {

    private static final Set<String> COMMON = Set.of("id", "type", "topics", "difficulty", "points", "prompt",
            "explanation", "outcomeFeedback");
    /** Credit this close to full is full: Moodle's weights of 33.33333 % add up to 0.9999999. */
    private static final double ROUNDING = 1e-6;
    private static final Text NO_TEXT = Text.same("");

    private final Fields f;

    QuestionParser(Fields f) {
        this.f = f;
    }

    Optional<Question> parse(JObject o) {
        int before = problemCount();
        Optional<String> id = f.id(o, "id");
        Optional<String> typeCode = f.string(o, "type", true);
        Optional<QuestionType> type = typeCode.flatMap(QuestionType::fromCode);
        if (typeCode.isPresent() && type.isEmpty()) {
            f.problem(o.lineOf("type"), "certification.content.unknown-type", typeCode.get(),
                    Arrays.stream(QuestionType.values()).map(QuestionType::code).collect(Collectors.joining(", ")));
            return Optional.empty();
        }
        List<String> topics = f.strings(o, "topics");
        if (topics.isEmpty()) {
            f.problem(o.lineOf("topics"), "certification.content.no-topics", id.orElse("?"));
        }
        Difficulty difficulty = Difficulty.MEDIUM;
        Optional<String> d = f.string(o, "difficulty", true);
        if (d.isPresent()) {
            difficulty = Difficulty.fromCode(d.get()).orElse(null);
            if (difficulty == null) {
                f.problem(o.lineOf("difficulty"), "certification.content.unknown-difficulty", d.get());
                difficulty = Difficulty.MEDIUM;
            }
        }
        double points = f.number(o, "points", false).orElse(1.0);
        if (points <= 0) {
            f.problem(o.lineOf("points"), "certification.content.bad-points", points);
        }
        Text prompt = f.text(o, "prompt", true).orElse(NO_TEXT);
        Text explanation = f.text(o, "explanation", true).orElse(NO_TEXT);
        OutcomeFeedback outcomeFeedback = outcomeFeedback(o);
        if (type.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        Set<String> allowed = new HashSet<>(COMMON);
        AnswerKey key = switch (type.get()) {
            case SINGLE, MULTIPLE -> choice(o, id.get(), type.get() == QuestionType.MULTIPLE, allowed);
            case TRUE_FALSE -> trueFalse(o, allowed);
            case FILL_IN -> fillIn(o, id.get(), allowed);
            case MATCHING -> matching(o, id.get(), allowed);
            case ORDERING -> ordering(o, id.get(), allowed);
            case SQL -> sql(o, id.get(), allowed);
        };
        f.allowOnly(o, allowed);
        if (key == null || problemCount() > before && !onlyTranslationProblems(before)) {
            return Optional.empty();
        }
        return Optional.of(new Question(id.get(), type.get(), topics, difficulty, points, prompt, explanation, key,
                f.path(), o.line(), outcomeFeedback));
    }

    private OutcomeFeedback outcomeFeedback(JObject o) {
        Optional<JObject> by = f.object(o, "outcomeFeedback", false);
        if (by.isEmpty()) {
            return OutcomeFeedback.NONE;
        }
        f.allowOnly(by.get(), Set.of("correct", "partial", "incorrect"));
        return new OutcomeFeedback(feedback(by.get(), "correct"), feedback(by.get(), "partial"),
                feedback(by.get(), "incorrect"));
    }

    /** An optional feedback text; absent is no feedback. */
    private Text feedback(JObject o, String key) {
        return f.text(o, key, false).orElse(AnswerKey.NONE);
    }

    private int problemCount() {
        return problems().size();
    }

    private List<campus.i18n.Problem> problems() {
        return f.problemsView();
    }

    /** Missing translations leave a usable question (the other language shows); other problems do not. */
    private boolean onlyTranslationProblems(int from) {
        return problems().subList(from, problems().size()).stream()
                .allMatch(p -> p.message().key().equals("certification.content.missing-translation")
                        || p.message().key().equals("certification.content.no-topics"));
    }

    private Scoring scoring(JObject o, Set<String> allowed, Set<Scoring> applicable, String typeCode) {
        allowed.add("scoring");
        Optional<String> s = f.string(o, "scoring", false);
        if (s.isEmpty()) {
            return Scoring.ALL_OR_NOTHING;
        }
        Optional<Scoring> sc = Scoring.fromCode(s.get());
        if (sc.isEmpty() || !applicable.contains(sc.get())) {
            f.problem(o.lineOf("scoring"), "certification.content.unknown-scoring", s.get(), typeCode,
                    applicable.stream().map(Scoring::code).sorted().collect(Collectors.joining(", ")));
            return Scoring.ALL_OR_NOTHING;
        }
        return sc.get();
    }

    private AnswerKey choice(JObject o, String id, boolean multiple, Set<String> allowed) {
        allowed.addAll(Set.of("options", "shuffle"));
        Scoring scoring = multiple
                ? scoring(o, allowed, Set.of(Scoring.ALL_OR_NOTHING, Scoring.PARTIAL, Scoring.WEIGHTED), "multiple")
                : scoring(o, allowed, Set.of(Scoring.ALL_OR_NOTHING, Scoring.WEIGHTED), "single");
        List<AnswerKey.Option> options = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        double positiveWeight = 0;
        double maxWeight = -1;
        for (JObject opt : f.objects(o, "options", true)) {
            f.allowOnly(opt, Set.of("id", "text", "correct", "weight", "feedback"));
            Optional<String> oid = f.id(opt, "id");
            Optional<Text> text = f.text(opt, "text", true);
            boolean hasWeight = opt.get("weight").isPresent();
            double weight = f.number(opt, "weight", false).orElse(0.0);
            if (hasWeight && scoring != Scoring.WEIGHTED) {
                f.problem(opt.lineOf("weight"), "certification.content.weight-unused", id);
            }
            if (weight < -1 || weight > 1) {
                f.problem(opt.lineOf("weight"), "certification.content.bad-weight", weight);
            }
            boolean full = weight >= 1 - ROUNDING;
            boolean correct = f.bool(opt, "correct", scoring == Scoring.WEIGHTED && (multiple ? weight > 0 : full));
            Text feedback = feedback(opt, "feedback");
            if (oid.isPresent() && !ids.add(oid.get())) {
                f.problem(opt.lineOf("id"), "certification.content.duplicate-part", oid.get(), id);
            }
            if (oid.isPresent() && text.isPresent()) {
                options.add(new AnswerKey.Option(oid.get(), text.get(), correct, weight, feedback));
                positiveWeight += Math.max(0, weight);
                maxWeight = Math.max(maxWeight, weight);
            }
        }
        if (options.size() < 2) {
            f.problem(o.lineOf("options"), "certification.content.too-few-parts", id, 2);
            return null;
        }
        if (!multiple && scoring == Scoring.WEIGHTED && maxWeight < 1 - ROUNDING) {
            f.problem(o.lineOf("options"), "certification.content.no-full-weight", id, exact(maxWeight));
            return null;
        }
        long correct = options.stream().filter(AnswerKey.Option::correct).count();
        if (correct == 0) {
            f.problem(o.line(), "certification.content.no-correct-answer", id);
            return null;
        }
        if (!multiple && correct > 1 && scoring == Scoring.ALL_OR_NOTHING) {
            f.problem(o.lineOf("options"), "certification.content.single-many-correct", id, correct);
            return null;
        }
        if (multiple && scoring == Scoring.WEIGHTED && positiveWeight < 1 - ROUNDING) {
            f.problem(o.lineOf("options"), "certification.content.weights-below-full", id, exact(positiveWeight));
        }
        return new AnswerKey.ChoiceKey(options, multiple, scoring, f.bool(o, "shuffle", true));
    }

    /** A weight as written, not rounded by the message format: 0.9999 must not read as 1. */
    private static String exact(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private AnswerKey trueFalse(JObject o, Set<String> allowed) {
        allowed.addAll(Set.of("answer", "feedbackTrue", "feedbackFalse"));
        Optional<JsonValue> v = f.required(o, "answer");
        if (v.isEmpty()) {
            return null;
        }
        if (!(v.get() instanceof JsonValue.JBool b)) {
            f.wrongKind("answer", v.get(), "true/false");
            return null;
        }
        return new AnswerKey.TrueFalseKey(b.value(), feedback(o, "feedbackTrue"), feedback(o, "feedbackFalse"));
    }

    private AnswerKey fillIn(JObject o, String id, Set<String> allowed) {
        allowed.addAll(Set.of("accept", "caseSensitive"));
        List<Accepted> accepted = new ArrayList<>();
        for (JObject a : f.objects(o, "accept", true)) {
            f.allowOnly(a, Set.of("text", "pattern", "number", "tolerance", "min", "max", "credit", "feedback"));
            double credit = f.number(a, "credit", false).orElse(1.0);
            if (credit < 0 || credit > 1) {
                f.problem(a.lineOf("credit"), "certification.content.bad-credit", credit);
                continue;
            }
            Text feedback = feedback(a, "feedback");
            Optional<String> text = f.string(a, "text", false);
            Optional<String> pattern = f.string(a, "pattern", false);
            Optional<Double> number = f.number(a, "number", false);
            Optional<Double> min = f.number(a, "min", false);
            Optional<Double> max = f.number(a, "max", false);
            int kinds = (text.isPresent() ? 1 : 0) + (pattern.isPresent() ? 1 : 0) + (number.isPresent() ? 1 : 0)
                    + (min.isPresent() || max.isPresent() ? 1 : 0);
            if (kinds != 1) {
                f.problem(a.line(), "certification.content.accept-kind", id);
            } else if (text.isPresent() || pattern.isPresent()) {
                String t = text.orElse(pattern.orElse(""));
                if (t.isBlank()) {
                    f.problem(a.lineOf(text.isPresent() ? "text" : "pattern"), "certification.content.accept-kind", id);
                } else {
                    accepted.add(text.isPresent() ? new Accepted.TextAnswer(t, credit, feedback)
                            : new Accepted.PatternAnswer(t, credit, feedback));
                }
            } else if (number.isPresent()) {
                double tol = f.number(a, "tolerance", false).orElse(0.0);
                if (tol < 0) {
                    f.problem(a.lineOf("tolerance"), "certification.content.bad-tolerance", tol);
                } else {
                    accepted.add(new Accepted.NumberAnswer(number.get(), tol, credit, feedback));
                }
            } else if (min.isEmpty() || max.isEmpty() || min.get() > max.get()) {
                f.problem(a.line(), "certification.content.bad-range", id);
            } else {
                accepted.add(new Accepted.RangeAnswer(min.get(), max.get(), credit, feedback));
            }
        }
        if (accepted.stream().noneMatch(a -> a.credit() >= 1 - ROUNDING)) {
            f.problem(o.line(), "certification.content.no-correct-answer", id);
            return null;
        }
        return new AnswerKey.FillInKey(accepted, f.bool(o, "caseSensitive", false));
    }

    private AnswerKey matching(JObject o, String id, Set<String> allowed) {
        allowed.addAll(Set.of("pairs", "distractors"));
        Scoring scoring = scoring(o, allowed, Set.of(Scoring.ALL_OR_NOTHING, Scoring.PARTIAL), "matching");
        Set<String> ids = new HashSet<>();
        List<AnswerKey.Pair> pairs = new ArrayList<>();
        for (JObject p : f.objects(o, "pairs", true)) {
            f.allowOnly(p, Set.of("id", "left", "right"));
            Optional<String> pid = f.id(p, "id");
            Optional<Text> left = f.text(p, "left", true);
            Optional<Text> right = f.text(p, "right", true);
            if (pid.isPresent() && !ids.add(pid.get())) {
                f.problem(p.lineOf("id"), "certification.content.duplicate-part", pid.get(), id);
            } else if (pid.isPresent() && left.isPresent() && right.isPresent()) {
                pairs.add(new AnswerKey.Pair(pid.get(), left.get(), right.get()));
            }
        }
        List<AnswerKey.Distractor> distractors = new ArrayList<>();
        for (JObject d : f.objects(o, "distractors", false)) {
            f.allowOnly(d, Set.of("id", "text"));
            Optional<String> did = f.id(d, "id");
            Optional<Text> text = f.text(d, "text", true);
            if (did.isPresent() && !ids.add(did.get())) {
                f.problem(d.lineOf("id"), "certification.content.duplicate-part", did.get(), id);
            } else if (did.isPresent() && text.isPresent()) {
                distractors.add(new AnswerKey.Distractor(did.get(), text.get()));
            }
        }
        if (pairs.size() < 2) {
            f.problem(o.lineOf("pairs"), "certification.content.too-few-parts", id, 2);
            return null;
        }
        return new AnswerKey.MatchingKey(pairs, distractors, scoring);
    }

    private AnswerKey ordering(JObject o, String id, Set<String> allowed) {
        allowed.add("items");
        Scoring scoring = scoring(o, allowed, Set.of(Scoring.ALL_OR_NOTHING, Scoring.PARTIAL, Scoring.RELATIVE_NEXT),
                "ordering");
        Set<String> ids = new HashSet<>();
        List<AnswerKey.Item> items = new ArrayList<>();
        for (JObject i : f.objects(o, "items", true)) {
            f.allowOnly(i, Set.of("id", "text"));
            Optional<String> iid = f.id(i, "id");
            Optional<Text> text = f.text(i, "text", true);
            if (iid.isPresent() && !ids.add(iid.get())) {
                f.problem(i.lineOf("id"), "certification.content.duplicate-part", iid.get(), id);
            } else if (iid.isPresent() && text.isPresent()) {
                items.add(new AnswerKey.Item(iid.get(), text.get()));
            }
        }
        if (items.size() < 2) {
            f.problem(o.lineOf("items"), "certification.content.too-few-parts", id, 2);
            return null;
        }
        return new AnswerKey.OrderingKey(items, scoring);
    }

    private AnswerKey sql(JObject o, String id, Set<String> allowed) {
        allowed.add("sql");
        Optional<JObject> s = f.object(o, "sql", true);
        if (s.isEmpty()) {
            return null;
        }
        JObject spec = s.get();
        f.allowOnly(spec, Set.of("dataset", "reference", "check", "ordered", "tolerance", "tables"));
        Optional<String> dataset = f.string(spec, "dataset", true);
        Optional<String> reference = f.string(spec, "reference", true);
        String checkCode = f.string(spec, "check", false).orElse("result");
        Optional<SqlQuestionSpec.Check> check = SqlQuestionSpec.Check.fromCode(checkCode);
        if (check.isEmpty()) {
            f.problem(spec.lineOf("check"), "certification.content.unknown-check", checkCode);
        }
        double tolerance = f.number(spec, "tolerance", false).orElse(0.0);
        if (tolerance < 0) {
            f.problem(spec.lineOf("tolerance"), "certification.content.bad-tolerance", tolerance);
        }
        if (reference.isPresent() && reference.get().isBlank()) {
            f.problem(spec.lineOf("reference"), "certification.content.no-correct-answer", id);
            return null;
        }
        if (dataset.isEmpty() || reference.isEmpty() || check.isEmpty() || tolerance < 0) {
            return null;
        }
        return new AnswerKey.SqlKey(new SqlQuestionSpec(dataset.get(), reference.get(), check.get(),
                f.bool(spec, "ordered", false), tolerance, f.strings(spec, "tables")));
    }
}
