package campus.certification.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.certification.importer.GradingRulesTest.Cli;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Question files teachers really publish (GIFT exported from Moodle, CC BY 4.0, see
 * {@code import/real/NOTICE}), imported through the command an author runs and graded through
 * {@code questions try --json}. The expected numbers were counted by hand from each file, question by
 * question, and the test recounts the questions independently: in these files every question starts
 * with its {@code ::name::} at the start of a line, so those lines are the questions there are.
 */
class RealFilesTest {

    @TempDir
    Path dir;

    private record Imported(Cli cli, Path file, Path bank, JsonArray questions) {
    }

    private Imported importReal(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = RealFilesTest.class.getResourceAsStream("/import/real/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        Path bank = dir.resolve(name + ".bank");
        Cli r = Cli.run("import", file.toString(), "--into", bank.toString());
        assertEquals(0, r.status(), r.err());
        JsonArray questions = new JsonArray();
        Path written = bank.resolve("questions/imported.json");
        if (Files.exists(written)) {
            questions = JsonParser.parseString(Files.readString(written)).getAsJsonArray();
        }
        return new Imported(r, file, bank, questions);
    }

    /** The questions in the file, counted without the importer: lines that start a {@code ::name::}. */
    private static long questionsInFile(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("::")).count();
    }

    private static Map<String, Integer> types(JsonArray questions) {
        Map<String, Integer> out = new TreeMap<>();
        for (JsonElement q : questions) {
            out.merge(q.getAsJsonObject().get("type").getAsString(), 1, Integer::sum);
        }
        return out;
    }

    /** Report lines about this file (each starts with its path), without the path. */
    private static List<String> lines(String output, Path file) {
        return output.lines().filter(l -> l.startsWith(file.toString())).map(l -> l.substring(file.toString().length())).toList();
    }

    /** The questions not imported, on the error stream. */
    private static List<String> refused(Imported r) {
        return lines(r.cli().err(), r.file());
    }

    /** What imported questions lost or how they differ from Moodle. */
    private static List<String> notes(Imported r) {
        return lines(r.cli().out(), r.file());
    }

    @ParameterizedTest(name = "{0}: {1} questions, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            fair-skills-principles.gift | 10 | {fill-in=1, matching=1, multiple=5, single=1, true-false=2}
            continuous-improvement.gift | 10 | {fill-in=1, multiple=2, single=2, true-false=5}
            content-design.gift         | 10 | {multiple=4, single=3, true-false=3}
            """)
    void everyQuestionIsImportedWithItsType(String name, int count, String types) throws IOException {
        Imported r = importReal(name);
        assertEquals(count, questionsInFile(r.file()));
        assertEquals(count, r.questions().size());
        assertEquals(types, types(r.questions()).toString());
        assertEquals(List.of(), refused(r));
        assertEquals(List.of(), notes(r));
        assertEquals("Imported " + count + " question(s); 0 could not be imported.", r.cli().out().lines()
                .reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void theQuestionsMoodleRefusesAreReportedWithTheirLinesAndWhy() throws IOException {
        // Lines 2 and 9 weight their right answer "%100.00%": Moodle reads a grade of at most two digits
        // before the point, takes "%100.00%" as answer text worth 0 % and refuses both questions (no answer
        // earns anything). The two true/false questions on lines 16 and 18 import.
        Imported r = importReal("conceptualisation.gift");
        assertEquals(4, questionsInFile(r.file()));
        assertEquals("{true-false=2}", types(r.questions()).toString());
        String reason = ": not imported: The positive grades add up to 0 %, so nobody could earn full marks "
                + "(Moodle warns too: they should add up to 100 %). \"%100.00%\" is not a grade Moodle reads (at most "
                + "two digits before the point, as in %33.33333%): as in Moodle it stays part of the answer text, and "
                + "the answer is worth 0 %";
        assertEquals(List.of(": line 2" + reason, ": line 9" + reason), refused(r));
        assertEquals(List.of(), notes(r));
        assertEquals(4, r.questions().size() + refused(r).size());

        Cli zh = Cli.run("import", r.file().toString(), "--into", dir.resolve("zh").toString(), "--lang", "zh");
        String reasonZh = "：未导入：正分值之和为 0 %，任何人都无法得到满分（Moodle 也会警告：应当加起来等于 100 %）。"
                + "“%100.00%”不是 Moodle 能读出的分值（小数点前最多两位数字，如 %33.33333%）：与 Moodle 一样，"
                + "它留作答案文字的一部分，该答案得 0 %";
        assertEquals(List.of("：第 2 行" + reasonZh, "：第 9 行" + reasonZh), lines(zh.err(), r.file()));
    }

    @Test
    void optionTextsLoseTheNoBreakSpacesAMoodleExportLeavesAtTheirEnds() throws IOException {
        // content-design.gift line 29 ends its first MkDocs option, and line 20 a prompt, with U+00A0.
        Imported r = importReal("content-design.gift");
        for (JsonElement q : r.questions()) {
            String json = q.toString();
            assertEquals(false, json.contains("\u00a0\"") || json.contains("\"\u00a0"), json);
        }
        JsonObject wrong = tryIt(r, "mkdocs", "choose=MkDocs is an alternative to GitHub and provides hosting for Git repositories");
        assertEquals(0.0, wrong.get("fraction").getAsDouble(), 0.0);
    }

    /**
     * Grades whose Moodle value follows from the file's weights: a multiple-answer question gives the sum of the
     * chosen answers' grades (at most 100 %), so the three 33.33333 % answers, the six 16.66667 % answers and the
     * seven 14.28571 % answers are each full marks together; a matching question gives the share of its stems
     * matched; a single-answer question the chosen answer's grade; a short answer ignores case.
     */
    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            fair-skills-principles.gift | fair-instructional-designer-skills | choose=Versioning;choose=Co-creation;choose=Learning experience design | 1
            fair-skills-principles.gift | fair-instructional-designer-skills | choose=Versioning;choose=Co-creation                                 | 0.6666666
            fair-skills-principles.gift | fair-instructional-designer-skills | choose=Versioning;choose=Licensing                                   | 0.3333333
            fair-skills-principles.gift | learning-object                    | choose=learning outcome;choose=lesson plan;choose=content;choose=activity;choose=>assessment;choose=facilitation guide | 1
            fair-skills-principles.gift | fair-principles                    | choose=Findable -> clear authentication and authorization procedures should be defined and outlined;choose=Reusable -> a clear usage license | 0.5
            fair-skills-principles.gift | fair                               | answer=findability                                                    | 1
            fair-skills-principles.gift | fair                               | answer=Fair                                                           | 0
            fair-skills-principles.gift | aggregation                        | choose=true                                                           | 1
            continuous-improvement.gift | feedback-sources                   | choose=feedback form;choose=external QA recommendations;choose=self-reflection;choose=reported issues;choose=gathered comments;choose=mail contact;choose=team discussions | 1
            continuous-improvement.gift | platform                           | choose=In the GitHub repo                                             | 0.5
            continuous-improvement.gift | platform                           | choose=In the GitHub repo and the learning platform                   | 1
            continuous-improvement.gift | version                            | answer=major.minor.patch                                              | 1
            continuous-improvement.gift | improvement                        | choose=true                                                           | 0
            content-design.gift         | mkdocs                             | choose=MkDocs is a framework for transforming Markdown intermediary files into HTML documents part of a Git book | 1
            content-design.gift         | git-clone-vs-fork                  | choose=To clone a repository means to download a local copy            | 0.5
            """)
    void gradesAsTheFileWeightsSay(String name, String id, String given, double fraction) throws IOException {
        JsonObject r = tryIt(importReal(name), id, given);
        assertEquals(fraction, r.get("fraction").getAsDouble(), 1e-6, r.toString());
        assertEquals(fraction == 1 ? "correct" : fraction == 0 ? "wrong" : "partial", r.get("outcome").getAsString());
    }

    private static JsonObject tryIt(Imported imported, String id, String given) {
        List<String> args = new ArrayList<>(List.of("try", imported.bank().toString(), id, "--json"));
        for (String g : given.split(";")) {
            int eq = g.indexOf('=');
            args.add("--" + g.substring(0, eq));
            args.add(g.substring(eq + 1));
        }
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }
}
