package campus.certification.cli;

import campus.certification.bank.BankFiles;
import campus.certification.bank.ExamLoader;
import campus.certification.importer.GiftImporter;
import campus.certification.importer.ImportReport;
import campus.certification.importer.MoodleXmlImporter;
import campus.certification.importer.QuestionJson;
import campus.certification.model.Question;
import campus.i18n.Lang;
import campus.i18n.Msg;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code campus questions import <file> [--into DIR] [--lang en|zh] [--source-lang en|zh]}: reads a GIFT or
 * Moodle XML file into {@code DIR/questions/<topic>.json} (DIR defaults to the current folder).
 * The text goes into the source language (detected per question unless {@code --source-lang});
 * the other language is left empty for a translator, and {@code campus validate} lists each gap.
 */
public final class QuestionsCommand {

    private QuestionsCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
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
                err.println(Msg.of("certification.cli.skipped", file, s.where(), s.reason().in(lang)).in(lang));
            }
            for (ImportReport.Entry n : report.notes()) {
                out.println(Msg.of("certification.cli.note", file, n.where(), n.reason().in(lang)).in(lang));
            }
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
            out.println(Msg.of("certification.cli.import-summary", report.questions().size(), report.skipped().size()).in(lang));
            return report.questions().isEmpty() ? 1 : 0;
        } catch (IOException e) {
            err.println(Msg.of("certification.cli.cannot-write", into, String.valueOf(e.getMessage())).in(lang));
            return 1;
        }
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
