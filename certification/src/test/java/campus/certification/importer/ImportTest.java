package campus.certification.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.grading.Grader;
import campus.certification.model.AnswerKey;
import campus.certification.model.Question;
import campus.certification.model.QuestionType;
import campus.certification.model.Response;
import campus.certification.model.Scoring;
import campus.i18n.Lang;
import campus.i18n.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImportTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportTest.class.getResourceAsStream("/import/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Map<String, Question> byId(ImportReport r) {
        return r.questions().stream().collect(Collectors.toMap(Question::id, q -> q));
    }

    private static double grade(Question q, Response r) {
        return Grader.withoutSql().grade(q, r, 1).fraction();
    }

    @Test
    void gift() throws IOException {
        ImportReport r = new GiftImporter(null, Set.of()).read("teacher.gift", new String(resource("teacher.gift"), StandardCharsets.UTF_8));
        Map<String, Question> q = byId(r);
        assertEquals(Set.of("primary-key", "aggregates", "null-equals-null", "truthy", "keyword", "pi", "port-range",
                "match-clauses", "acid-zh"), q.keySet());

        Question pk = q.get("primary-key");
        assertEquals(QuestionType.SINGLE, pk.type());
        assertEquals("sql-basics", pk.primaryTopic());
        assertEquals("A **primary key** column may contain…", pk.prompt().en());
        assertEquals("", pk.prompt().zh());
        assertEquals("A primary key identifies each row: unique and never NULL.", pk.explanation().en());
        assertEquals(1, grade(pk, Response.Choice.of("a")));

        Question agg = q.get("aggregates");
        assertEquals(Scoring.WEIGHTED, ((AnswerKey.ChoiceKey) agg.key()).scoring());
        assertEquals(1, grade(agg, Response.Choice.of("a", "b")));
        assertEquals(0.5, grade(agg, Response.Choice.of("a")));
        assertEquals(0, grade(agg, Response.Choice.of("a", "b", "c")));

        assertEquals("NULL = NULL evaluates to true.", q.get("null-equals-null").prompt().en());
        assertEquals(new AnswerKey.TrueFalseKey(false, new Text("It is UNKNOWN.", ""), new Text("", "")),
                q.get("null-equals-null").key());
        assertEquals("The {braces} and ~tilde~ are escaped here.", q.get("truthy").prompt().en());
        assertEquals(new AnswerKey.TrueFalseKey(true), q.get("truthy").key());

        Question kw = q.get("keyword");
        assertEquals(QuestionType.SINGLE, kw.type());
        assertEquals("The keyword that removes duplicate rows is _____.", kw.prompt().en());
        assertEquals(0.5, grade(kw, Response.Choice.of("b")), "partial credit on a single-choice option, as in Moodle");
        assertEquals(List.of(), r.notes());

        assertEquals(1, grade(q.get("pi"), new Response.FillIn("3.145")));
        assertEquals(0, grade(q.get("pi"), new Response.FillIn("3.2")));
        assertEquals(1, grade(q.get("port-range"), new Response.FillIn("4.5")));
        assertEquals(0, grade(q.get("port-range"), new Response.FillIn("6")));

        AnswerKey.MatchingKey m = (AnswerKey.MatchingKey) q.get("match-clauses").key();
        assertEquals(3, m.pairs().size());
        assertEquals(1, m.distractors().size());

        Question zh = q.get("acid-zh");
        assertEquals("", zh.prompt().en());
        assertTrue(zh.prompt().zh().startsWith("事务的哪个特性"));
        assertEquals(List.of("事务", "databases"), zh.topics());

        List<String> skipped = r.skipped().stream().map(s -> s.where().in(Lang.EN) + " " + s.reason().key()).toList();
        assertEquals(List.of("line 36 certification.import.not-gradable", "line 38 certification.import.not-gradable",
                "line 44 certification.import.gift-unclosed"), skipped);
    }

    @Test
    void moodleXml() throws IOException {
        ImportReport r = new MoodleXmlImporter(null, Set.of("leftmost-prefix")).read("moodle.xml", resource("moodle.xml"));
        Map<String, Question> q = byId(r);
        assertEquals(Set.of("leftmost-prefix-2", "index-costs", "index-order", "structure", "fanout", "index-kinds",
                "lookup-steps"), q.keySet());
        Question lp = q.get("leftmost-prefix-2");
        assertEquals("indexes", lp.primaryTopic());
        assertEquals(2, lp.points());
        assertEquals("An index on `(a, b)` helps which filter?", lp.prompt().en());
        assertEquals("B-tree indexes are searched from the **leftmost** column.", lp.explanation().en());
        assertEquals(1, grade(lp, Response.Choice.of("a")));
        assertEquals(0.5, grade(q.get("index-costs"), Response.Choice.of("a")));
        assertEquals(0, grade(q.get("index-costs"), Response.Choice.of("a", "b", "c")));
        assertEquals(1, grade(q.get("index-order"), new Response.TrueFalse(false)));
        assertEquals(1, grade(q.get("structure"), new Response.FillIn("b")));
        assertEquals(0.5, grade(q.get("structure"), new Response.FillIn("B+")));
        assertEquals(1, grade(q.get("structure"), new Response.FillIn("balanced")), "Moodle's * wildcard is kept");
        assertEquals(1, grade(q.get("fanout"), new Response.FillIn("512")));
        assertEquals(1, ((AnswerKey.MatchingKey) q.get("index-kinds").key()).distractors().size());
        assertEquals(1, grade(q.get("lookup-steps"), new Response.Ordering(List.of("i1", "i2", "i3"))));
        List<String> skipped = r.skipped().stream().map(s -> s.reason().key()).toList();
        assertEquals(List.of("certification.import.cloze", "certification.import.not-gradable",
                "certification.import.unsupported-type"), skipped);
    }

    @Test
    void xmlWithADoctypeIsRefused() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><quiz>&x;</quiz>";
        ImportReport r = new MoodleXmlImporter(null, Set.of()).read("evil.xml", evil.getBytes(StandardCharsets.UTF_8));
        assertEquals(0, r.questions().size());
        assertEquals("certification.import.bad-xml", r.skipped().get(0).reason().key());
    }

    /** Moodle's HTML editor leaves {@code &nbsp;} at the ends of texts; a learner cannot see it, so it goes. */
    @Test
    void noBreakSpacesAtTheEndsOfXmlTextsAreTrimmed() {
        String xml = """
                <quiz><question type="multichoice"><name><text>nbsp</text></name>
                <questiontext format="html"><text><![CDATA[<p>Pick one:&nbsp;</p>]]></text></questiontext>
                <single>true</single>
                <answer fraction="100" format="html"><text><![CDATA[<p>Yes&nbsp;</p>]]></text></answer>
                <answer fraction="0" format="plain_text"><text>\u00a0No\u00a0way</text></answer>
                </question></quiz>""";
        Question q = new MoodleXmlImporter(null, Set.of()).read("nbsp.xml", xml.getBytes(StandardCharsets.UTF_8)).questions().get(0);
        assertEquals("Pick one:", q.prompt().en());
        assertEquals(List.of("Yes", "No\u00a0way"),
                ((AnswerKey.ChoiceKey) q.key()).options().stream().map(o -> o.text().en()).toList());
    }

    /** Moodle's grade pattern takes at most two digits before the point; "%100.00%" stays answer text. */
    @Test
    void aGradeMoodleDoesNotReadStaysAnswerTextWithANote() {
        ImportReport r = new GiftImporter(null, Set.of()).read("w.gift", "::w::Pick {=right ~%100.00%odd}\n\n::s::Say {=%100.00%x}\n");
        Question w = byId(r).get("w");
        assertEquals(List.of("right", "%100.00%odd"), ((AnswerKey.ChoiceKey) w.key()).options().stream().map(o -> o.text().en()).toList());
        assertEquals(0, grade(w, Response.Choice.of("b")));
        assertEquals(List.of(
                "line 1: \"%100.00%\" is not a grade Moodle reads (at most two digits before the point, as in %33.33333%): as in Moodle it stays part of the answer text, and the answer is worth 0 %",
                "line 3: \"%100.00%\" is not a grade Moodle reads (at most two digits before the point, as in %33.33333%): as in Moodle it stays part of the answer text, and the answer is worth 100 %"),
                r.notes().stream().map(n -> n.where().in(Lang.EN) + ": " + n.reason().in(Lang.EN)).toList());
    }
}
