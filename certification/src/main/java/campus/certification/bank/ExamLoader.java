package campus.certification.bank;

import campus.certification.model.Difficulty;
import campus.certification.model.Question;
import campus.certification.model.QuestionType;
import campus.i18n.Problem;
import campus.i18n.Text;
import campus.i18n.json.AuthoredJson;
import campus.i18n.json.JsonValue;
import campus.i18n.json.JsonValue.JArray;
import campus.i18n.json.JsonValue.JObject;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an exam's files into a {@link LoadedExam}, or into the list of problems that stop it.
 * {@link #check} reports everything it finds; {@link #load} refuses content with any problem, so an
 * exam that validates is exactly an exam that opens.
 */
public final class ExamLoader {

    private static final Set<String> EXAM_FIELDS = Set.of("id", "title", "description", "timeLimitMinutes", "pass",
            "shuffleQuestions", "shuffleOptions", "explanations", "onTimeout", "graceSeconds", "sections", "topics");
    private static final Set<String> SECTION_FIELDS = Set.of("id", "title", "count", "points", "topics",
            "difficulties", "types");

    /** What reading found: whatever could be read, and every problem. */
    public record Checked(Optional<Blueprint> blueprint, List<Question> questions, List<Problem> problems) {
    }

    private ExamLoader() {
    }

    public static LoadedExam load(BankFiles files, Optional<String> packageSha256) {
        Checked c = check(files);
        if (!c.problems().isEmpty() || c.blueprint().isEmpty()) {
            throw new ContentException(files.origin(), c.problems());
        }
        return new LoadedExam(c.blueprint().get(), new QuestionBank(c.questions()), files.digest(), packageSha256);
    }

    public static Checked check(BankFiles files) {
        List<Problem> problems = new ArrayList<>();
        List<Question> questions = readQuestions(files, problems);
        boolean questionsComplete = problems.stream().allMatch(p -> p.message().key().equals("certification.content.missing-translation"));
        Optional<Blueprint> blueprint = Optional.empty();
        byte[] exam = files.files().get(BankFiles.EXAM_FILE);
        String examPath = files.displayPath(BankFiles.EXAM_FILE);
        if (exam == null) {
            problems.add(new Problem(examPath, 0, campus.i18n.Msg.of("certification.exam.missing")));
        } else {
            Optional<JsonValue> json = parse(examPath, exam, problems);
            if (json.isPresent()) {
                blueprint = blueprint(new Fields(examPath, problems), json.get(), questions, questionsComplete);
            }
        }
        if (files.files().keySet().stream().noneMatch(k -> k.startsWith(BankFiles.QUESTIONS_DIR + "/"))) {
            problems.add(new Problem(files.displayPath(BankFiles.QUESTIONS_DIR), 0,
                    campus.i18n.Msg.of("certification.exam.no-questions")));
        }
        problems.sort(Problem.ORDER);
        return new Checked(blueprint, questions, problems);
    }

    /** Reads every {@code questions/*.json}, skipping broken questions, reporting duplicates across files. */
    public static List<Question> readQuestions(BankFiles files, List<Problem> problems) {
        List<Question> out = new ArrayList<>();
        Map<String, Question> seen = new HashMap<>();
        for (Map.Entry<String, byte[]> e : files.files().entrySet()) {
            if (!e.getKey().startsWith(BankFiles.QUESTIONS_DIR + "/")) {
                continue;
            }
            String path = files.displayPath(e.getKey());
            parse(path, e.getValue(), problems).ifPresent(json ->
                    out.addAll(questionArray(new Fields(path, problems), json, seen)));
        }
        return out;
    }

    /** A question file is a JSON array of question objects. */
    static List<Question> questionArray(Fields f, JsonValue json, Map<String, Question> seen) {
        List<Question> out = new ArrayList<>();
        if (!(json instanceof JArray arr)) {
            f.wrongKind("questions", json, "array");
            return out;
        }
        QuestionParser parser = new QuestionParser(f);
        for (JsonValue v : arr.items()) {
            if (!(v instanceof JObject o)) {
                f.wrongKind("questions[]", v, "object");
                continue;
            }
            parser.parse(o).ifPresent(q -> {
                Question first = seen.putIfAbsent(q.id(), q);
                if (first != null) {
                    f.problem(q.line(), "certification.content.duplicate-id", q.id(), first.source() + ":" + first.line());
                } else {
                    out.add(q);
                }
            });
        }
        return out;
    }

    static Optional<JsonValue> parse(String path, byte[] bytes, List<Problem> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(path, 0, campus.i18n.Msg.of("certification.content.not-utf8")));
            return Optional.empty();
        }
        try {
            AuthoredJson.Document doc = AuthoredJson.parse(text);
            if (!doc.duplicates().isEmpty()) {
                // an author who writes "answer" twice meant one of them: refuse the file, as for bad JSON
                AuthoredJson.Duplicate d = doc.duplicates().get(0);
                problems.add(new Problem(path, d.line(), campus.i18n.Msg.of("certification.content.malformed-json",
                        "duplicate key \"" + d.key() + "\"", d.column())));
                return Optional.empty();
            }
            return Optional.of(doc.root());
        } catch (AuthoredJson.SyntaxError e) {
            problems.add(new Problem(path, e.line(), campus.i18n.Msg.of("certification.content.malformed-json",
                    e.reason(), e.column())));
            return Optional.empty();
        }
    }

    private static Optional<Blueprint> blueprint(Fields f, JsonValue json, List<Question> questions,
                                                 boolean questionsComplete) {
        if (!(json instanceof JObject o)) {
            f.wrongKind("exam", json, "object");
            return Optional.empty();
        }
        int before = f.problemsView().size();
        f.allowOnly(o, EXAM_FIELDS);
        Optional<String> id = f.id(o, "id");
        Text title = f.text(o, "title", true).orElse(Text.same(""));
        Text description = f.text(o, "description", false).orElse(Text.same(""));
        double minutes = f.number(o, "timeLimitMinutes", true).orElse(0.0);
        if (o.get("timeLimitMinutes").isPresent() && !(minutes > 0 && minutes <= 24 * 60)) {
            f.problem(o.lineOf("timeLimitMinutes"), "certification.exam.bad-time", minutes);
        }
        PassMark pass = passMark(f, o);
        Blueprint.Explanations explanations = enumField(f, o, "explanations", Blueprint.Explanations.values(),
                Blueprint.Explanations::code, Blueprint.Explanations.PRACTICE_ONLY);
        Blueprint.OnTimeout onTimeout = enumField(f, o, "onTimeout", Blueprint.OnTimeout.values(),
                Blueprint.OnTimeout::code, Blueprint.OnTimeout.AUTO_SUBMIT);
        double grace = f.number(o, "graceSeconds", false).orElse(onTimeout == Blueprint.OnTimeout.GRACE ? 60.0 : 0.0);
        if (grace < 0 || grace > 3600) {
            f.problem(o.lineOf("graceSeconds"), "certification.exam.bad-grace", grace);
        }
        List<Section> sections = sections(f, o, questions);
        boolean broken = f.problemsView().size() > before && !onlyTranslations(f, before) || id.isEmpty();
        Map<String, Text> topicNames = topicNames(f, o, questions, questionsComplete);
        if (broken) {
            return Optional.empty();
        }
        return Optional.of(new Blueprint(id.get(), title, description, Duration.ofMillis(Math.round(minutes * 60_000)),
                pass, f.bool(o, "shuffleQuestions", true), f.bool(o, "shuffleOptions", true), explanations, onTimeout,
                Duration.ofMillis(Math.round(grace * 1000)), sections, topicNames, f.path()));
    }

    /**
     * {@code "topics": {"<topic id>": {"en": "...", "zh": "..."}}}: the names screens show for topic ids.
     * Every topic a question of the bank carries needs one (reported on the {@code topics} line, or the exam's
     * first line without it, naming the first question that uses it), each in both languages, and a name no
     * question uses is reported as a likely typo. That last check is skipped when question files could not be
     * read completely, as the missing questions might use it. Missing names do not stop the blueprint (like
     * missing translations), so screens fall back to the id; {@link #load} still refuses the exam.
     */
    private static Map<String, Text> topicNames(Fields f, JObject o, List<Question> questions, boolean questionsComplete) {
        Map<String, Text> names = new LinkedHashMap<>();
        Optional<JObject> topics = f.object(o, "topics", false);
        topics.ifPresent(t -> {
            for (String topic : t.members().keySet()) {
                f.text(t, topic, true).ifPresent(name -> names.put(topic, name));
            }
        });
        Map<String, Question> firstUse = new LinkedHashMap<>();
        for (Question q : questions) {
            for (String topic : q.topics()) {
                firstUse.putIfAbsent(topic, q);
            }
        }
        int line = topics.map(JObject::line).orElse(o.line());
        for (Map.Entry<String, Question> e : firstUse.entrySet()) {
            boolean declared = topics.map(t -> t.members().containsKey(e.getKey())).orElse(false);
            if (!declared) {
                Question q = e.getValue();
                f.problem(line, "certification.exam.topic-unnamed", e.getKey(), q.id(), q.source() + ":" + q.line());
            }
        }
        // Two topics shown under one name would be two indistinguishable bars on the result chart: a copy-paste slip.
        topics.ifPresent(t -> {
            for (campus.i18n.Lang lang : campus.i18n.Lang.values()) {
                Map<String, String> seen = new LinkedHashMap<>();
                for (Map.Entry<String, Text> e : names.entrySet()) {
                    String shown = e.getValue().in(lang).strip();
                    String key = shown.toLowerCase(java.util.Locale.ROOT);
                    String other = key.isEmpty() ? null : seen.putIfAbsent(key, e.getKey());
                    if (other != null) {
                        f.problem(t.lineOf(e.getKey()), "certification.exam.topic-same-name", e.getKey(), other, shown,
                                lang.code());
                    }
                }
            }
        });
        if (questionsComplete) {
            topics.ifPresent(t -> {
                for (String topic : t.members().keySet()) {
                    if (!firstUse.containsKey(topic)) {
                        f.problem(t.lineOf(topic), "certification.exam.topic-unused", topic);
                    }
                }
            });
        }
        return names;
    }

    private static boolean onlyTranslations(Fields f, int from) {
        List<Problem> ps = f.problemsView();
        return ps.subList(from, ps.size()).stream()
                .allMatch(p -> p.message().key().equals("certification.content.missing-translation"));
    }

    private static PassMark passMark(Fields f, JObject o) {
        Optional<JObject> p = f.object(o, "pass", true);
        if (p.isEmpty()) {
            return new PassMark(0, true);
        }
        f.allowOnly(p.get(), Set.of("points", "percent"));
        Optional<Double> points = f.number(p.get(), "points", false);
        Optional<Double> percent = f.number(p.get(), "percent", false);
        if (points.isPresent() == percent.isPresent()) {
            f.problem(p.get().line(), "certification.exam.bad-pass");
            return new PassMark(0, true);
        }
        if (percent.isPresent() && !(percent.get() > 0 && percent.get() <= 100) || points.isPresent() && points.get() <= 0) {
            f.problem(p.get().line(), "certification.exam.bad-pass");
        }
        return percent.map(v -> new PassMark(v, true)).orElseGet(() -> new PassMark(points.get(), false));
    }

    private static <E> E enumField(Fields f, JObject o, String key, E[] values, java.util.function.Function<E, String> code,
                                   E fallback) {
        Optional<String> s = f.string(o, key, false);
        if (s.isEmpty()) {
            return fallback;
        }
        for (E e : values) {
            if (code.apply(e).equals(s.get())) {
                return e;
            }
        }
        f.problem(o.lineOf(key), "certification.exam.unknown-value", key, s.get(),
                Arrays.stream(values).map(code).collect(Collectors.joining(", ")));
        return fallback;
    }

    private static List<Section> sections(Fields f, JObject o, List<Question> questions) {
        List<Section> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JObject s : f.objects(o, "sections", true)) {
            f.allowOnly(s, SECTION_FIELDS);
            Optional<String> id = f.id(s, "id");
            Text title = f.text(s, "title", true).orElse(Text.same(""));
            double count = f.number(s, "count", true).orElse(0.0);
            if (count < 1 || count != Math.rint(count)) {
                f.problem(s.lineOf("count"), "certification.exam.bad-count", count);
                continue;
            }
            OptionalDouble points = f.number(s, "points", false).map(OptionalDouble::of).orElse(OptionalDouble.empty());
            if (points.isPresent() && points.getAsDouble() <= 0) {
                f.problem(s.lineOf("points"), "certification.content.bad-points", points.getAsDouble());
            }
            Set<Difficulty> difficulties = new LinkedHashSet<>();
            for (String d : f.strings(s, "difficulties")) {
                Difficulty.fromCode(d).ifPresentOrElse(difficulties::add,
                        () -> f.problem(s.lineOf("difficulties"), "certification.content.unknown-difficulty", d));
            }
            Set<QuestionType> types = new LinkedHashSet<>();
            for (String t : f.strings(s, "types")) {
                QuestionType.fromCode(t).ifPresentOrElse(types::add,
                        () -> f.problem(s.lineOf("types"), "certification.content.unknown-type", t,
                                Arrays.stream(QuestionType.values()).map(QuestionType::code).collect(Collectors.joining(", "))));
            }
            if (id.isEmpty()) {
                continue;
            }
            if (!ids.add(id.get())) {
                f.problem(s.lineOf("id"), "certification.exam.duplicate-section", id.get());
                continue;
            }
            out.add(new Section(id.get(), title, (int) count, points, new LinkedHashSet<>(f.strings(s, "topics")),
                    difficulties, types, s.line()));
        }
        if (out.isEmpty() && f.problemsView().stream().noneMatch(p -> p.path().equals(f.path()))) {
            f.problem(o.lineOf("sections"), "certification.exam.no-sections");
        }
        checkDraws(f, out, questions);
        return out;
    }

    /**
     * A section draws from its pool minus what earlier sections took. Earlier section j can take
     * at most min(count_j, |pool_j ∩ pool_k|) of section k's pool, so this lower bound on what is
     * left is safe: if it covers count_k, every seed and history produces a full form.
     */
    private static void checkDraws(Fields f, List<Section> sections, List<Question> questions) {
        List<Set<String>> pools = new ArrayList<>();
        for (int k = 0; k < sections.size(); k++) {
            Section s = sections.get(k);
            Set<String> pool = s.pool(questions).stream().map(Question::id).collect(Collectors.toSet());
            pools.add(pool);
            if (pool.size() < s.count()) {
                f.problem(s.line(), "certification.exam.draw-short", s.id(), s.count(), pool.size());
                continue;
            }
            int left = pool.size();
            for (int j = 0; j < k; j++) {
                Set<String> shared = new HashSet<>(pools.get(j));
                shared.retainAll(pool);
                left -= Math.min(sections.get(j).count(), shared.size());
            }
            if (left < s.count()) {
                f.problem(s.line(), "certification.exam.draw-overlap", s.id(), s.count(), Math.max(0, left));
            }
        }
    }
}
