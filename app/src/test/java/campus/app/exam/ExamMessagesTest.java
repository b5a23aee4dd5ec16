package campus.app.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.i18n.Lang;
import campus.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The exam and quiz block of the app bundle: every key in both languages, valid, and used. */
class ExamMessagesTest {

    @Test
    void everyExamAndQuizKeyIsInBothLanguagesAndUsed() throws IOException {
        ResourceBundle en = Messages.load("campus.app.messages", Lang.EN).orElseThrow();
        ResourceBundle zh = Messages.load("campus.app.messages", Lang.ZH).orElseThrow();
        TreeSet<String> keys = new TreeSet<>();
        Stream.concat(en.keySet().stream(), zh.keySet().stream())
                .filter(k -> k.startsWith("app.exam.") || k.startsWith("app.quiz.")).forEach(keys::add);
        String sources;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java/campus/app"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        List<String> problems = new ArrayList<>();
        for (String k : keys) {
            for (ResourceBundle b : List.of(en, zh)) {
                if (!b.containsKey(k) || b.getString(k).isBlank()) {
                    problems.add(k + " missing in " + b.getLocale());
                } else {
                    new MessageFormat(b.getString(k));
                }
            }
            if (!k.startsWith("app.exam.reason-") && !sources.contains("\"" + k + "\"")) {
                problems.add(k + " unused");
            }
        }
        assertEquals(List.of(), problems);
    }
}
