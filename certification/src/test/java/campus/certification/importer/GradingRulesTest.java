package campus.certification.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.certification.cli.QuestionsCommand;
import campus.certification.grading.Grader;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The grading truth table of imported questions, one row per rule Moodle applies, run as an author
 * would: {@code questions import} of a GIFT and a Moodle XML file, then {@code questions try --json} on
 * the bank it wrote, so the bank format, the reader and the grader exams use are all in the path.
 */
class GradingRulesTest {

    @TempDir
    static Path dir;

    static Path banks(String kind) {
        return dir.resolve(kind);
    }

    @BeforeAll
    static void importBoth() throws IOException {
        for (String name : List.of("moodle-rules.gift", "moodle-rules.xml")) {
            Path file = dir.resolve(name);
            try (InputStream in = GradingRulesTest.class.getResourceAsStream("/import/" + name)) {
                Files.write(file, in.readAllBytes());
            }
            String kind = name.substring(name.lastIndexOf('.') + 1);
            Cli r = Cli.run("import", file.toString(), "--into", banks(kind).toString());
            assertEquals(0, r.status, r.err);
        }
    }

    record Cli(int status, String out, String err) {
        static Cli run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = QuestionsCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Grader.withoutSql());
            return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** @param given {@code choose=TEXT;answer=TEXT;…} in order */
    static JsonObject tryIt(String kind, String id, String given) {
        List<String> args = new ArrayList<>(List.of("try", banks(kind).toString(), id, "--json"));
        for (String g : given.split(";")) {
            int eq = g.indexOf('=');
            args.add("--" + g.substring(0, eq));
            args.add(g.substring(eq + 1));
        }
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status, r.err);
        return JsonParser.parseString(r.out).getAsJsonObject();
    }

    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            gift | two-right               | choose=SELECT                                      | 1         | NONE
            gift | two-right               | choose=WITH                                        | 1         | NONE
            gift | two-right               | choose=BANANA                                      | 0         | Not SQL at all.
            gift | thirds                  | choose=COUNT;choose=SUM;choose=AVG                 | 1         | Yes, COUNT.\\nYes, SUM.\\nYes, AVG.
            gift | thirds                  | choose=COUNT;choose=SUM                            | 0.6666666 | Yes, COUNT.\\nYes, SUM.
            gift | thirds                  | choose=COUNT;choose=SUM;choose=AVG;choose=UPPER    | 0         | Yes, COUNT.\\nYes, SUM.\\nYes, AVG.\\nNo: UPPER works on one row.
            gift | over-full               | choose=A primary key is unique                     | 0.5       | NONE
            gift | over-full               | choose=A primary key is unique;choose=A table has at most one primary key | 1 | NONE
            gift | single-partial          | choose=DISTINCT                                    | 1         | Right.
            gift | single-partial          | choose=UNIQUE                                      | 0.5       | Close: UNIQUE is a constraint.
            gift | single-partial          | choose=GROUP                                       | 0         | NONE
            gift | single-negative         | choose=WHERE                                       | 0         | WHERE filters rows, before grouping.
            gift | single-negative         | choose=HAVING                                      | 1         | NONE
            gift | arrow-option            | choose=a -> b                                      | 1         | Yes.
            gift | arrow-option            | choose=a <- b                                      | 0         | NONE
            gift | numerical-tilde         | answer=1                                           | 1         | One row.
            gift | numerical-tilde         | answer=4                                           | 0         | That is its value, not the row count.
            gift | numerical-tilde         | answer=7                                           | 0         | That is its value, not the row count.
            gift | numerical-feedback-only | answer=2                                           | 1         | NONE
            gift | numerical-feedback-only | answer=3                                           | 0         | Count the expressions between SELECT and the end.
            gift | numerical-partial       | answer=3.14                                        | 1         | Exact.
            gift | numerical-partial       | answer=3.142                                       | 1         | Exact.
            gift | numerical-partial       | answer=3.12                                        | 0.5       | Nearly.
            gift | numerical-partial       | answer=3.7                                         | 0.25      | In the right range.
            gift | numerical-partial       | answer=2                                           | 0         | NONE
            gift | numerical-range         | answer=1                                           | 1         | NONE
            gift | numerical-range         | answer=4.5                                         | 1         | NONE
            gift | numerical-range         | answer=5.5                                         | 0         | NONE
            gift | numerical-tolerance     | answer=2.5                                         | 1         | NONE
            gift | numerical-tolerance     | answer=3.6                                         | 0         | NONE
            gift | one-answer              | answer=order  by                                   | 1         | NONE
            gift | short-weighted          | answer=frog                                        | 1         | Good!
            gift | short-weighted          | answer=Cat                                         | 0.5       | What is it with Moodlers and cats?
            gift | short-weighted          | answer=dog                                         | 0         | Completely wrong.
            gift | true-false-feedback     | choose=false                                       | 1         | Right: it is unknown.
            gift | true-false-feedback     | choose=true                                        | 0         | NULL = NULL is unknown, not true.
            gift | lowercase-true          | answer=TRUE                                        | 1         | NONE
            gift | shared-right            | choose=CREATE -> DDL;choose=ALTER -> DDL;choose=INSERT -> DML | 1 | NONE
            gift | shared-right            | choose=CREATE -> DDL;choose=ALTER -> DML;choose=INSERT -> DML | 0.6666667 | NONE
            gift | shared-right            | choose=CREATE -> DCL                               | 0         | NONE
            xml  | two-right               | choose=WITH                                        | 1         | Yes, a CTE.\\nYour answer is correct.
            xml  | two-right               | choose=BANANA                                      | 0         | Not SQL.\\nYour answer is incorrect.
            xml  | thirds                  | choose=COUNT;choose=SUM;choose=AVG                 | 1         | NONE
            xml  | thirds                  | choose=COUNT;choose=UPPER                          | 0         | UPPER works on one row.
            xml  | true-false-feedback     | choose=false                                       | 1         | Right: results stay the same.
            xml  | true-false-feedback     | choose=true                                        | 0         | No: an index changes speed, not results.
            xml  | old-true-false          | choose=true                                        | 1         | NONE
            xml  | case-and-wildcard       | answer=SELECT                                      | 1         | Right.
            xml  | case-and-wildcard       | answer=SELEC                                       | 0.5       | Write it out in full.
            xml  | case-and-wildcard       | answer=select                                      | 0         | Statements are written in capitals here.
            xml  | fanout                  | answer=512                                         | 1         | 8192 / 16.
            xml  | fanout                  | answer=510                                         | 0.5       | About right.
            xml  | fanout                  | answer=100                                         | 0         | Divide the page size by the entry size.
            xml  | shared-right            | choose=CREATE -> DDL;choose=ALTER -> DDL;choose=INSERT -> DML | 1 | All matched.
            xml  | shared-right            | choose=CREATE -> DDL                               | 0.3333333 | Some matched.
            xml  | shared-right            | choose=CREATE -> DCL                               | 0         | None matched.
            xml  | order-absolute          | choose=SELECT;choose=FROM;choose=WHERE;choose=ORDER BY | 1     | NONE
            xml  | order-absolute          | choose=FROM;choose=SELECT;choose=WHERE;choose=ORDER BY | 0.5   | NONE
            xml  | order-relative          | choose=SELECT;choose=FROM;choose=WHERE;choose=ORDER BY | 1     | NONE
            xml  | order-relative          | choose=ORDER BY;choose=SELECT;choose=FROM;choose=WHERE | 0.6666667 | NONE
            xml  | order-relative          | choose=FROM;choose=SELECT;choose=WHERE;choose=ORDER BY | 0.3333333 | NONE
            xml  | idx-picture-1           | choose=B 树                                         | 1         | NONE
            """)
    void gradesAsMoodleDoes(String kind, String id, String given, double fraction, String feedback) {
        JsonObject r = tryIt(kind, id, given);
        assertEquals(fraction, r.get("fraction").getAsDouble(), 1e-6, r.toString());
        assertEquals(feedback == null ? "" : feedback.replace("\\n", "\n"), r.get("feedback").getAsString());
    }

    @ParameterizedTest(name = "{0} {1}: weights within rounding of 100 % are full marks, reported as right")
    @CsvSource({"gift,thirds", "xml,thirds"})
    void thirdsAddUpToFullMarks(String kind, String id) {
        JsonObject r = tryIt(kind, id, "choose=COUNT;choose=SUM;choose=AVG");
        assertEquals(1.0, r.get("fraction").getAsDouble(), 0.0);
        assertEquals("correct", r.get("outcome").getAsString());
        assertEquals(1.0, r.get("points").getAsDouble(), 0.0);
    }
}
