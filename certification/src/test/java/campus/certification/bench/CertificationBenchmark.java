package campus.certification.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.TestSupport;
import campus.certification.attempt.ExamService;
import campus.certification.attempt.ExamSession;
import campus.certification.attempt.PresentedQuestion;
import campus.certification.bank.BankFiles;
import campus.certification.bank.ExamLoader;
import campus.certification.bank.ExamMode;
import campus.certification.bank.LoadedExam;
import campus.certification.form.ExamForm;
import campus.certification.form.FormGenerator;
import campus.certification.grading.Grader;
import campus.certification.model.Response;
import campus.certification.verify.RecordVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints grading and verification throughput. Runs only when asked (see certification/README.md):
 * {@code mvn -q -B -o -pl certification -am verify -Dtest=CertificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcampus.bench=true}
 */
@EnabledIfSystemProperty(named = "campus.bench", matches = "true")
class CertificationBenchmark {

    @TempDir
    Path tmp;

    /** A 70-question PCTP-shaped bank: 35 single + 35 multiple, generated from the shipped questions. */
    private LoadedExam pctp() throws IOException {
        Path dir = tmp.resolve("pctp");
        Files.createDirectories(dir.resolve("questions"));
        Path src = TestSupport.bankDir("pcta-sample").resolve("questions");
        for (String kind : List.of("single-choice", "multiple-choice")) {
            String text = Files.readString(src.resolve(kind + ".json"));
            StringBuilder all = new StringBuilder("[");
            for (int copy = 0; copy < 5; copy++) {
                String body = text.strip();
                body = body.substring(1, body.length() - 1).replaceAll("\"id\": \"([a-z0-9-]+-[a-z0-9-]+)\"", "\"id\": \"$1-c" + copy + "\"");
                all.append(copy == 0 ? "" : ",").append(body);
            }
            Files.writeString(dir.resolve("questions/" + kind + ".json"), all.append("]").toString());
        }
        Files.writeString(dir.resolve("exam.json"), """
                {"id": "pctp-bench", "title": {"en": "Bench", "zh": "基准"}, "timeLimitMinutes": 90, "pass": {"points": 42},
                 "topics": {"sql-basics": {"en": "SQL basics", "zh": "SQL 基础"}, "indexes": {"en": "Indexes", "zh": "索引"},
                            "transactions": {"en": "Transactions", "zh": "事务"}, "distributed-sql": {"en": "Distributed SQL", "zh": "分布式 SQL"}},
                 "sections": [{"id": "s", "title": {"en": "S", "zh": "单"}, "types": ["single"], "count": 35, "points": 1},
                              {"id": "m", "title": {"en": "M", "zh": "多"}, "types": ["multiple"], "count": 35, "points": 1}]}""");
        return ExamLoader.load(BankFiles.read(dir), Optional.empty());
    }

    @Test
    void gradeAndVerify() throws IOException {
        LoadedExam exam = pctp();
        Grader grader = Grader.withoutSql();
        ExamForm form = FormGenerator.generate(exam.bank(), exam.blueprint(), 42, Set.of());
        Map<String, Response> responses = new HashMap<>();
        for (var item : form.items()) {
            responses.put(item.questionId(), Response.Choice.of(item.order().get(0)));
        }
        int warm = 20_000;
        for (int i = 0; i < warm; i++) {
            grader.grade(exam.bank(), exam.blueprint(), form, responses);
        }
        int n = 50_000;
        long t0 = System.nanoTime();
        double sink = 0;
        for (int i = 0; i < n; i++) {
            sink += grader.grade(exam.bank(), exam.blueprint(), form, responses).score();
        }
        double perGradeMicros = (System.nanoTime() - t0) / 1e3 / n;
        System.out.printf("BENCH grade 70-question attempt: %.1f µs per attempt (%d attempts, checksum %.0f)%n",
                perGradeMicros, n, sink);

        ExamService service = ExamService.create(tmp.resolve("data"), "app", grader, e -> { }, new TestSupport.FakeClock());
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ExamSession s = service.start(exam, ExamMode.CERTIFICATION, "c" + i);
            for (PresentedQuestion p : s.questions()) {
                s.answer(p.questionId(), Response.Choice.of(p.parts().get(i % p.parts().size()).id()));
            }
            records.add(Files.readString(s.submit().record(), StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 1_000; i++) {
            RecordVerifier.verify(records.get(i % records.size()), exam, grader, java.util.Set.of());
        }
        int v = 10_000;
        long t1 = System.nanoTime();
        int ok = 0;
        for (int i = 0; i < v; i++) {
            ok += RecordVerifier.verify(records.get(i % records.size()), exam, grader, java.util.Set.of()).ok() ? 1 : 0;
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("BENCH verify + re-grade %d signed 70-question attempts: %.2f s, %.0f attempts/s (single thread)%n",
                v, seconds, v / seconds);
        assertTrue(ok == v, "every record verifies");
    }
}
