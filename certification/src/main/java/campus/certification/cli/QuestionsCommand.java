package campus.certification.cli;

import campus.certification.bank.BankFiles;
import campus.certification.bank.ExamLoader;
import campus.certification.grading.Grader;
import campus.certification.importer.GiftImporter;
import campus.certification.importer.ImportReport;
import campus.certification.importer.MoodleXmlImporter;
import campus.certification.importer.QuestionJson;
import campus.certification.model.Question;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Text;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code campus questions import <file> [--into DIR] [--source-lang en|zh]}: reads a GIFT or Moodle XML
 * file into {@code DIR/questions/<topic>.json} (DIR defaults to the current folder), embedded files into
 * {@code DIR/media/}. The text goes into the source language (detected per question unless
 * {@code --source-lang}); the other language is left empty for a translator, and {@code campus validate}
 * lists each gap. {@code campus questions try …} grades one answer ({@link QuestionTry}).
 */
public final class QuestionsCommand {

    private QuestionsCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, Grader.withoutSql());
    }

    /** With the app's SQL grader, so {@code try} can grade SQL questions too. */
    public static int run(List<String> args, PrintStream out, PrintStream err, Grader grader) {
        if (!args.isEmpty() && args.get(0).equals("try")) {
            return QuestionTry.run(args, out, err, grader);
        }
        Args a = Args.parse(args, Set.of("into", "source-lang"));
        Lang lang = a.lang();
        if (a.error != null || a.positional.size() != 2 || !a.positional.get(0).equals("import")) {
            err.println(Msg.of("certification.cli.questions-usage").in(lang));
            return 2;
        }
        Lang source = null;
        if (a.option("source-lang").isPresent()) {
            source = Lang.fromCode(a.option("source-lang").get()).orElse(null);
            if (source == null) {
                err.println(Msg.of("certification.cli.questions-usage").in(lang));
                return 2;
            }
        }
        Path file = Path.of(a.positional.get(1));
        Path into = Path.of(a.option("into").orElse("."));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println(Msg.of("certification.cli.cannot-read", file, String.valueOf(e.getMessage())).in(lang));
            return 1;
        }
        try {
            Set<String> existing = ExamLoader.readQuestions(BankFiles.read(into), new ArrayList<>()).stream()
                    .map(Question::id).collect(Collectors.toSet());
            ImportReport report = isXml(file, bytes)
                    ? new MoodleXmlImporter(source, existing).read(file.toString(), bytes)
                    : new GiftImporter(source, existing).read(file.toString(), new String(bytes, StandardCharsets.UTF_8));
            for (ImportReport.Entry s : report.skipped()) {
                err.println(Msg.of("certification.cli.skipped", file, s.where().in(lang), s.reason().in(lang)).in(lang));
            }
            for (ImportReport.Entry n : report.notes()) {
                out.println(Msg.of("certification.cli.note", file, n.where().in(lang), n.reason().in(lang)).in(lang));
            }
            writeQuestions(report, into, out, lang);
            writeMedia(report, into, out, lang);
            if (!report.topics().isEmpty()) {
                out.println(Msg.of("certification.cli.topics-to-name").in(lang));
                out.println(topicsJson(report.topics()));
            }
            out.println(Msg.of("certification.cli.import-summary", report.questions().size(), report.skipped().size()).in(lang));
            return report.questions().isEmpty() ? 1 : 0;
        } catch (IOException e) {
            err.println(Msg.of("certification.cli.cannot-write", into, String.valueOf(e.getMessage())).in(lang));
            return 1;
        }
    }

    private static void writeQuestions(ImportReport report, Path into, PrintStream out, Lang lang) throws IOException {
        Map<String, List<Question>> byTopic = new LinkedHashMap<>();
        report.questions().forEach(q -> byTopic.computeIfAbsent(q.primaryTopic(), t -> new ArrayList<>()).add(q));
        Path dir = into.resolve(BankFiles.QUESTIONS_DIR);
        Files.createDirectories(dir);
        for (Map.Entry<String, List<Question>> e : byTopic.entrySet()) {
            Path target = dir.resolve(e.getKey() + ".json");
            for (int n = 2; Files.exists(target); n++) {
                target = dir.resolve(e.getKey() + "-" + n + ".json");
            }
            Files.writeString(target, QuestionJson.write(e.getValue()), StandardCharsets.UTF_8);
            out.println(Msg.of("certification.cli.imported", e.getValue().size(), target).in(lang));
        }
    }

    /** Embedded files beside the questions; an existing file is never overwritten. */
    private static void writeMedia(ImportReport report, Path into, PrintStream out, Lang lang) throws IOException {
        for (ImportReport.MediaFile m : report.media()) {
            Path target = into.resolve(m.path()).normalize();
            if (!target.startsWith(into.normalize())) {
                continue;
            }
            if (Files.exists(target)) {
                if (!Arrays.equals(Files.readAllBytes(target), m.bytes())) {
                    out.println(Msg.of("certification.cli.media-exists", target).in(lang));
                }
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, m.bytes());
        }
    }

    /** The {@code "topics"} entries for exam.json, each name in the language the category was written in. */
    static String topicsJson(Map<String, Text> topics) {
        JsonObject o = new JsonObject();
        topics.forEach((id, name) -> {
            JsonObject n = new JsonObject();
            n.addProperty("en", name.en());
            n.addProperty("zh", name.zh());
            o.add(id, n);
        });
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }

    private static boolean isXml(Path file, byte[] bytes) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")) {
            return true;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        return head.startsWith("<?xml") || head.startsWith("<quiz");
    }
}
