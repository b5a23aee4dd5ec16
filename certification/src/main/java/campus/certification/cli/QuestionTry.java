package campus.certification.cli;

import campus.certification.CertificationException;
import campus.certification.bank.BankFiles;
import campus.certification.bank.ExamLoader;
import campus.certification.grading.AnswerText;
import campus.certification.grading.Grader;
import campus.certification.grading.QuestionGrade;
import campus.certification.model.Question;
import campus.certification.model.Response;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code campus questions try <bank-dir> <question-id> [--choose TEXT]… [--answer TEXT] [--lang zh] [--json]}:
 * grades one answer to one question through the grader exams use and prints what a learner would be
 * told: the score, the feedback written for that answer and outcome, the right answer and the
 * explanation. {@code --choose} names an option (a matching pair as {@code left -> right}, ordering items
 * in order) by its text as shown; {@code --answer} is typed text. Exit 0 when graded, 1 when the bank
 * or question cannot be read, 2 on usage errors (an option that does not exist included).
 */
final class QuestionTry {

    private static final Set<String> TRANSLATION = Set.of("certification.content.missing-translation",
            "certification.content.no-topics");

    private QuestionTry() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err, Grader grader) {
        Args a = Args.parse(args, Set.of("choose", "answer"), Set.of("json"));
        Lang lang = a.lang();
        if (a.error != null || a.positional.size() != 3) {
            err.println(Msg.of("certification.cli.questions-usage").in(lang));
            return 2;
        }
        Path dir = Path.of(a.positional.get(1));
        String id = a.positional.get(2);
        List<Problem> problems = new ArrayList<>();
        List<Question> questions;
        try {
            if (!Files.isDirectory(dir)) {
                throw new IOException(Msg.of("certification.cli.not-a-folder").in(lang));
            }
            questions = ExamLoader.readQuestions(BankFiles.read(dir), problems);
        } catch (IOException e) {
            err.println(Msg.of("certification.cli.cannot-read", dir, String.valueOf(e.getMessage())).in(lang));
            return 1;
        }
        Optional<Question> found = questions.stream().filter(q -> q.id().equals(id)).findFirst();
        if (found.isEmpty()) {
            String known = questions.stream().map(Question::id).sorted().limit(20).collect(Collectors.joining(", "))
                    + (questions.size() > 20 ? ", …" : "");
            err.println(Msg.of("certification.cli.try-no-question", id, dir, known).in(lang));
            // a question with a real problem is not read at all: those problems may be why it is missing
            problems.stream().filter(p -> !TRANSLATION.contains(p.message().key())).forEach(p -> err.println(p.format(lang)));
            return 1;
        }
        Question q = found.get();
        Response response;
        try {
            response = TryResponse.of(q, a.all("choose"), a.option("answer"), lang);
        } catch (TryResponse.Refused e) {
            err.println(e.msg().in(lang));
            return 2;
        }
        QuestionGrade g;
        try {
            g = grader.grade(q, response, q.points());
        } catch (CertificationException e) {
            err.println(e.msg().in(lang));
            return 1;
        }
        List<String> feedback = new ArrayList<>();
        g.feedback().ifPresent(m -> feedback.add(m.in(lang)));
        g.answerFeedback().forEach(t -> feedback.add(t.in(lang)));
        String right = g.correct() ? "" : AnswerText.describe(q, lang);
        String explanation = q.explanation().in(lang);
        if (a.flag("json")) {
            JsonObject o = new JsonObject();
            o.addProperty("question", q.id());
            o.addProperty("fraction", g.fraction());
            o.addProperty("outcome", g.outcome().name().toLowerCase(Locale.ROOT));
            o.addProperty("points", g.earned());
            o.addProperty("max", g.max());
            o.addProperty("feedback", String.join("\n", feedback));
            o.addProperty("rightAnswer", right);
            o.addProperty("explanation", explanation);
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o));
            return 0;
        }
        String outcome = switch (g.outcome()) {
            case CORRECT -> "certification.cli.try-correct";
            case PARTIAL -> "certification.cli.try-partial";
            default -> "certification.cli.try-wrong";
        };
        out.println(Msg.of("certification.cli.try-score", number(g.fraction()), Msg.of(outcome).in(lang),
                number(g.earned()), number(g.max())).in(lang));
        if (!feedback.isEmpty()) {
            out.println(Msg.of("certification.cli.try-feedback").in(lang));
            feedback.forEach(f -> out.println("  " + f.replace("\n", "\n  ")));
        }
        if (!right.isEmpty()) {
            out.println(Msg.of("certification.cli.try-right-answer", right).in(lang));
        }
        if (!explanation.isBlank()) {
            out.println(Msg.of("certification.cli.try-explanation").in(lang));
            out.println("  " + explanation.replace("\n", "\n  "));
        }
        return 0;
    }

    /** 0.3333333, 1, 0.5: seven places at most, never rounded up to a whole mark by a message format. */
    static String number(double d) {
        return BigDecimal.valueOf(d).setScale(7, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
