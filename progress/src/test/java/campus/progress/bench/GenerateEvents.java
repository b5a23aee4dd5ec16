package campus.progress.bench;

import campus.progress.store.ProgressStore;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a learner's history of {@code count} events over {@code days} days, on the real lessons, labs and quiz
 * questions of a content folder, as the {@code events.jsonl} of an earlier Campus, then opens the progress store so
 * it moves them in (timed). Seeded: the same arguments give the same history.
 *
 * <pre>GenerateEvents &lt;content-dir&gt; &lt;data-dir&gt; &lt;count&gt; [days] [seed] [reach]
 * GenerateEvents --reopen &lt;data-dir&gt;</pre>
 * {@code reach}: how far through the lessons the learner gets, as a fraction (default 1.1: all of them).
 */
public final class GenerateEvents {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    public static void main(String[] args) throws IOException {
        if (args[0].equals("--reopen")) {
            long t0 = System.nanoTime();
            try (ProgressStore store = ProgressStore.open(Path.of(args[1]))) {
                System.out.println("events=" + store.count() + " open-ms=" + (System.nanoTime() - t0) / 1_000_000);
            }
            return;
        }
        Path content = Path.of(args[0]);
        Path data = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        int days = args.length > 3 ? Integer.parseInt(args[3]) : 180;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        double reach = args.length > 5 ? Double.parseDouble(args[5]) : 1.1;
        List<String> lessons = new ArrayList<>();
        Map<String, List<String>> labsByLesson = new LinkedHashMap<>();
        List<String[]> questions = new ArrayList<>();
        try (Stream<Path> s = Files.walk(content, 4)) {
            for (Path p : s.sorted().toList()) {
                Path rel = content.relativize(p);
                if (rel.getNameCount() == 2 && Files.exists(p.resolve("lesson.en.md"))) {
                    lessons.add(rel.getName(0) + "/" + rel.getName(1));
                } else if (rel.getNameCount() == 4 && rel.getName(2).toString().equals("labs") && p.toString().endsWith(".json")) {
                    String lesson = rel.getName(0) + "/" + rel.getName(1);
                    String id = JsonParser.parseString(Files.readString(p)).getAsJsonObject().get("id").getAsString();
                    labsByLesson.computeIfAbsent(lesson, k -> new ArrayList<>()).add(id);
                } else if (rel.getNameCount() == 4 && rel.getName(2).toString().equals("quizzes") && p.toString().endsWith(".json")) {
                    JsonObject quiz = JsonParser.parseString(Files.readString(p)).getAsJsonObject();
                    for (JsonElement q : quiz.getAsJsonArray("questions")) {
                        questions.add(new String[] {quiz.get("id").getAsString(), q.getAsJsonObject().get("id").getAsString()});
                    }
                }
            }
        }
        Random r = new Random(seed);
        Instant end = Instant.now();
        Instant start = end.minus(Duration.ofDays(days));
        Files.createDirectories(data);
        Path file = data.resolve("events.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            // Times at random over the span, in order; about one day in five without any learning.
            long span = end.toEpochMilli() - start.toEpochMilli();
            long[] times = new long[count];
            for (int i = 0; i < count; i++) {
                long ms = (long) (r.nextDouble() * span);
                long day = ms / 86_400_000L;
                if (Math.floorMod(day * 7919 + seed, 5) == 0) {
                    ms = Math.min(span - 1, ms + 86_400_000L);
                }
                times[i] = ms;
            }
            java.util.Arrays.sort(times);
            for (int i = 0; i < count; i++) {
                double t = (double) i / count;
                Instant at = start.plusMillis(times[i]);
                String lesson = lessons.get(Math.min(lessons.size() - 1, (int) (t * lessons.size() * reach)));
                List<String> labs = labsByLesson.getOrDefault(lesson, List.of());
                int k = r.nextInt(100);
                Map<String, Object> d = new TreeMap<>();
                String kind;
                String subject;
                if (k < 30 || labs.isEmpty() && k < 60) {
                    kind = k % 5 == 0 ? "lesson.completed" : "lesson.opened";
                    subject = lesson;
                } else if (k < 70) {
                    kind = "lab.attempt";
                    subject = labs.isEmpty() ? "first-select" : labs.get(r.nextInt(labs.size()));
                    boolean passed = r.nextInt(100) < 45;
                    d.put("passed", passed);
                    d.put("score", passed ? 10 : 0);
                    d.put("durationMs", 5 + r.nextInt(200));
                    d.put("sql", "SELECT title, price FROM books WHERE price < " + r.nextInt(50) + " ORDER BY price;");
                } else if (k < 72) {
                    kind = "lab.solution-revealed";
                    subject = labs.isEmpty() ? "first-select" : labs.get(0);
                    d.put("failedAttempts", 3);
                    d.put("requested", true);
                } else if (k < 97 && !questions.isEmpty()) {
                    String[] q = questions.get(r.nextInt(questions.size()));
                    kind = "quiz.answer";
                    subject = q[1];
                    boolean correct = r.nextInt(100) < 70;
                    d.put("quizId", q[0]);
                    d.put("correct", correct);
                    d.put("score", correct ? 1.0 : 0.0);
                    d.put("response", "b");
                    d.put("try", 1);
                } else if (k < 98) {
                    kind = "exam.result";
                    subject = "pcta-practice";
                    double score = 8 + r.nextInt(13);
                    d.put("score", score);
                    d.put("max", 20.0);
                    d.put("passed", score >= 14);
                    d.put("counted", true);
                    d.put("mode", "practice");
                    d.put("attemptId", UUID.randomUUID().toString());
                    d.put("reason", "candidate");
                } else {
                    kind = "preference.changed";
                    subject = "zoom";
                    d.put("value", String.valueOf(100 + 10 * r.nextInt(3)));
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", UUID.nameUUIDFromBytes((seed + ":" + i).getBytes(StandardCharsets.UTF_8)).toString());
                line.put("kind", kind);
                line.put("subject", subject);
                line.put("occurredAt", at.toString());
                line.put("data", d);
                w.write(GSON.toJson(line));
                w.write('\n');
            }
        }
        long t0 = System.nanoTime();
        try (ProgressStore store = ProgressStore.open(data)) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            store.notices().forEach(n -> System.out.println(n.in(campus.i18n.Lang.EN)));
            System.out.println("events=" + store.count() + " migrate-ms=" + ms);
        }
    }
}
