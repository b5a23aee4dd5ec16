package campus.certification.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.bank.BankFiles;
import campus.certification.bank.ExamLoader;
import campus.certification.importer.GradingRulesTest.Cli;
import campus.certification.model.Question;
import campus.i18n.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is dropped without a line: every question an import refuses and everything a kept question
 * loses is reported with its line, exactly, in English and in Chinese, through the command an author runs.
 */
class ImportReportTest {

    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = ImportReportTest.class.getResourceAsStream("/import/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    /** Report lines without the file name each starts with. */
    private static List<String> lines(String output, Path file) {
        return output.lines().filter(l -> l.startsWith(file.toString()))
                .map(l -> l.substring(file.toString().length())).toList();
    }

    private static final String GRADES = "(100 %, 90 %, 83.33333 %, 80 %, 75 %, 70 %, 66.66667 %, 60 %, 50 %, 40 %, 33.33333 %, "
            + "30 %, 25 %, 20 %, 16.66667 %, 14.28571 %, 12.5 %, 11.11111 %, 10 %, 5 %, none, and the same below zero)";
    private static final String GRADES_ZH = "（100 %、90 %、83.33333 %、80 %、75 %、70 %、66.66667 %、60 %、50 %、40 %、33.33333 %、"
            + "30 %、25 %、20 %、16.66667 %、14.28571 %、12.5 %、11.11111 %、10 %、5 %、0，以及对应的负值）";

    @Test
    void giftRefusalsAndNotesEachHaveTheirLineInEnglish() throws IOException {
        Path file = copy("report.gift");
        Cli r = Cli.run("import", file.toString(), "--into", dir.resolve("bank").toString());
        assertEquals(0, r.status());
        assertEquals(List.of(
                ": line 4: not imported: Moodle refuses this question: the grades 33 %, 33 %, 34 % are not on Moodle's list " + GRADES,
                ": line 6: not imported: The positive grades add up to 75 %, so nobody could earn full marks (Moodle warns too: they should add up to 100 %)",
                ": line 10: not imported: A question of Moodle type \"multichoice\" needs at least 2 answer(s); Moodle refuses it too",
                ": line 12: not imported: Each matching answer needs \"->\" between its two sides: \"b\"",
                ": line 14: not imported: Moodle type \"essay\" is not a question Campus can grade: there is no answer to compare with",
                ": line 16: not imported: Moodle type \"description\" is not a question Campus can grade: there is no answer to compare with",
                ": line 18: not imported: GIFT ordering questions (an answer block starting with \">\") are not supported",
                ": line 22: not imported: The answer block \"{\" is never closed with \"}\""), lines(r.err(), file));
        assertEquals(List.of(
                ": line 8: \"=%50%A\": after \"=\" Moodle ignores a grade (the answer is worth 100 %) and shows it as part of the answer text; for partial credit write \"~%50%…\"",
                ": line 24: An empty answer was left out, as Moodle does",
                ": line 26: Negative grades (-50 %) count as 0: a Campus question never scores below zero, while Moodle can take marks away",
                ": line 28: \"~3\" in a numerical question is not a value: as in Moodle, every answer not listed before it gets its feedback",
                ": line 36: The text shows https://example.org/tree.png, which stays a link; exam and quiz screens do not show images yet"),
                lines(r.out(), file));
        assertTrue(r.out().endsWith("Imported 8 question(s); 8 could not be imported.\n"), r.out());
    }

    @Test
    void giftReportInChinese() throws IOException {
        Path file = copy("report.gift");
        Cli r = Cli.run("import", file.toString(), "--into", dir.resolve("bank").toString(), "--lang", "zh");
        assertEquals(List.of(
                "：第 4 行：未导入：Moodle 会拒绝此题：分值 33 %, 33 %, 34 % 不在 Moodle 允许的列表中" + GRADES_ZH,
                "：第 6 行：未导入：正分值之和为 75 %，任何人都无法得到满分（Moodle 也会警告：应当加起来等于 100 %）",
                "：第 10 行：未导入：Moodle 题型“multichoice”的题目至少需要 2 个答案；Moodle 同样会拒绝",
                "：第 12 行：未导入：每个配对答案的两边之间都需要“->”：“b”",
                "：第 14 行：未导入：Moodle 题型“essay”不是 Campus 可以评分的题目：没有可供比对的答案",
                "：第 16 行：未导入：Moodle 题型“description”不是 Campus 可以评分的题目：没有可供比对的答案",
                "：第 18 行：未导入：不支持 GIFT 排序题（答案块以“>”开头）",
                "：第 22 行：未导入：答案块的“{”没有用“}”闭合"), lines(r.err(), file));
        assertEquals("：第 24 行：与 Moodle 相同，已略去一个空答案", lines(r.out(), file).get(1));
        assertTrue(r.out().endsWith("已导入 8 道题；8 道无法导入。\n"), r.out());
    }

    @Test
    void giftTextsCategoriesEscapesAndFormatsComeThroughAsWritten() throws IOException {
        Path file = copy("report.gift");
        Path bank = dir.resolve("bank");
        Cli r = Cli.run("import", file.toString(), "--into", bank.toString());
        assertTrue(Files.isRegularFile(bank.resolve("questions/索引.json")), "a Chinese category names its file and topic");
        assertTrue(r.out().contains("\"索引\": {\n    \"en\": \"\",\n    \"zh\": \"索引\"\n  }"), r.out());
        List<Question> qs = ExamLoader.readQuestions(BankFiles.read(bank), new ArrayList<>());
        Question esc = qs.stream().filter(q -> q.id().equals("esc-aped")).findFirst().orElseThrow();
        assertEquals(List.of("索引", "数据库"), esc.topics());
        assertEquals("Use {braces}, ~tilde, = equals, # hash and a colon: here.", esc.prompt().en());
        Question fmt = qs.stream().filter(q -> q.id().equals("formats")).findFirst().orElseThrow();
        assertEquals("Which is **bold**?", fmt.prompt().en());
        assertEquals("*Markdown* general feedback", fmt.explanation().en());
        Question zh = qs.stream().filter(q -> q.prompt().zh().startsWith("哪种索引")).findFirst().orElseThrow();
        assertEquals("", zh.prompt().en());
    }

    @Test
    void moodleXmlRefusalsNotesAndMediaEachHaveTheirLine() throws IOException {
        Path file = copy("moodle-rules.xml");
        Path bank = dir.resolve("bank");
        Cli r = Cli.run("import", file.toString(), "--into", bank.toString());
        assertEquals(0, r.status());
        assertEquals(List.of(
                ": question 3 \"Question with invalid grades : x > 1 & x < 2\" (line 29): not imported: Moodle refuses this question: the grades 33 % are not on Moodle's list " + GRADES,
                ": question 4 \"Three quarters\" (line 39): not imported: The positive grades add up to 75 %, so nobody could earn full marks (Moodle warns too: they should add up to 100 %)",
                ": question 9 \"Scaled units\" (line 76): not imported: Units that change the grade (several units, a multiplier or a unit penalty: s, ms) are not supported",
                ": question 13 \"Order longest subset\" (line 115): not imported: Ordering grading \"LONGEST_ORDERED_SUBSET\" is not supported (Campus grades ALL_OR_NOTHING, ABSOLUTE_POSITION and RELATIVE_NEXT_EXCLUDE_LAST)",
                ": question 14 \"Order subset\" (line 123): not imported: Moodle shows a random 3 of the 4 items; Campus always shows them all",
                ": question 16 \"Cloze one\" (line 148): not imported: Cloze (embedded answers) questions are not supported; split them into separate questions",
                ": question 17 \"Essay\" (line 152): not imported: Moodle type \"essay\" is not a question Campus can grade: there is no answer to compare with",
                ": question 18 \"Intro\" (line 156): not imported: Moodle type \"description\" is not a question Campus can grade: there is no answer to compare with",
                ": question 19 \"Calc\" (line 160): not imported: Question type \"calculated\" is not supported"), lines(r.err(), file));
        assertEquals(List.of(
                ": question 6 \"Old true false\" (line 53): The answers are not named \"true\" and \"false\": as Moodle does, the first was taken as true and the second as false",
                ": question 8 \"Fanout\" (line 67): The unit \"entries\" was not kept: learners type the number alone",
                ": question 10 \"Shared right\" (line 82): 2 hint(s) for Moodle's interactive mode were not kept",
                ": question 15 \"Picture\" (line 137): tree shape.png was saved as media/idx-picture-1/tree shape.png; exam and quiz screens do not show images or media yet",
                ": question 15 \"Picture\" (line 137): notes.txt was saved as media/idx-picture-1/notes.txt; exam and quiz screens do not show images or media yet",
                ": question 15 \"Picture\" (line 137): The text refers to the file gone.png, which the XML does not contain",
                ": question 15 \"Picture\" (line 137): Tags were not kept: indexes, week 3"), lines(r.out(), file));

        assertArrayEquals(Base64.getDecoder().decode("QiB0cmVl"), Files.readAllBytes(bank.resolve("media/idx-picture-1/notes.txt")));
        byte[] png = Files.readAllBytes(bank.resolve("media/idx-picture-1/tree shape.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        Question picture = ExamLoader.readQuestions(BankFiles.read(bank), new ArrayList<>()).stream()
                .filter(q -> q.id().equals("idx-picture-1")).findFirst().orElseThrow();
        assertEquals("Which index does ![the tree](media/idx-picture-1/tree%20shape.png) show? "
                + "See [the notes](media/idx-picture-1/notes.txt) and ![](gone.png).", picture.prompt().en());
        assertEquals(List.of("索引", "数据库"), picture.topics());
    }

    @Test
    void moodleXmlReportInChinese() throws IOException {
        Path file = copy("moodle-rules.xml");
        Cli r = Cli.run("import", file.toString(), "--into", dir.resolve("bank").toString(), "--lang", "zh");
        List<String> err = lines(r.err(), file);
        assertEquals("：第 17 题“Essay”（第 152 行）：未导入：Moodle 题型“essay”不是 Campus 可以评分的题目：没有可供比对的答案", err.get(6));
        assertEquals("：第 14 题“Order subset”（第 123 行）：未导入：Moodle 会随机显示 4 项中的 3 项；Campus 总是全部显示", err.get(4));
        assertEquals("：第 8 题“Fanout”（第 67 行）：未保留单位“entries”：学习者只需输入数字", lines(r.out(), file).get(1));
    }

    /**
     * Weights of 33.33333 % written by the importer, read back by the bank loader: the only problems are
     * the translations an author still has to write, so "validate" no longer rejects such a bank.
     */
    @Test
    void anImportedBankReadsBackWithOnlyTranslationsMissing() throws IOException {
        Path bank = dir.resolve("bank");
        Cli.run("import", copy("moodle-rules.gift").toString(), "--into", bank.toString());
        Cli.run("import", copy("moodle-rules.xml").toString(), "--into", bank.toString());
        List<Problem> problems = new ArrayList<>();
        List<Question> questions = ExamLoader.readQuestions(BankFiles.read(bank), problems);
        assertEquals(26, questions.size());
        Set<String> kinds = problems.stream().map(p -> p.message().key()).collect(Collectors.toSet());
        assertEquals(Set.of("certification.content.missing-translation"), kinds);
        assertTrue(questions.stream().anyMatch(q -> q.id().equals("thirds-2")), "ids stay unique across imports");
    }
}
