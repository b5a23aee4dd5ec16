package campus.certification.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.TestSupport;
import campus.certification.bank.LoadedExam;
import campus.certification.model.Question;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormGeneratorTest {

    private static LoadedExam pcta() throws IOException {
        return TestSupport.load("pcta-sample");
    }

    @Test
    void sameBankAndSeedGiveTheSameForm() throws IOException {
        LoadedExam e = pcta();
        ExamForm a = FormGenerator.generate(e.bank(), e.blueprint(), 42, Set.of());
        ExamForm b = FormGenerator.generate(pcta().bank(), e.blueprint(), 42, Set.of());
        assertEquals(a, b);
    }

    @Test
    void differentSeedsGiveDifferentForms() throws IOException {
        LoadedExam e = pcta();
        Set<List<String>> forms = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            forms.add(FormGenerator.generate(e.bank(), e.blueprint(), seed, Set.of()).questionIds());
        }
        assertTrue(forms.size() > 15, "20 seeds gave only " + forms.size() + " forms");
    }

    @Test
    void formFollowsTheBlueprint() throws IOException {
        LoadedExam e = pcta();
        for (long seed = 0; seed < 50; seed++) {
            ExamForm f = FormGenerator.generate(e.bank(), e.blueprint(), seed, Set.of());
            assertEquals(11, f.items().size());
            assertEquals(11, new HashSet<>(f.questionIds()).size());
            assertEquals(6, f.items().stream().filter(i -> i.sectionId().equals("single")).count());
            for (FormItem i : f.items()) {
                Question q = e.bank().get(i.questionId());
                assertEquals(i.sectionId(), q.type().code());
                assertEquals(2, i.points());
                assertEquals(4, new HashSet<>(i.order()).size());
            }
            assertEquals(22, f.maxPoints());
        }
    }

    @Test
    void optionsAndQuestionsAreShuffled() throws IOException {
        LoadedExam e = pcta();
        ExamForm f = FormGenerator.generate(e.bank(), e.blueprint(), 7, Set.of());
        assertTrue(f.items().stream().anyMatch(i -> !i.order().equals(List.of("a", "b", "c", "d"))));
        assertNotEquals(f.items().stream().map(FormItem::sectionId).sorted().toList(),
                f.items().stream().map(FormItem::sectionId).toList());
    }

    @Test
    void noRepeatsAcrossAttemptsWhileTheBankAllows() throws IOException {
        LoadedExam e = pcta();
        ExamForm first = FormGenerator.generate(e.bank(), e.blueprint(), 1, Set.of());
        ExamForm second = FormGenerator.generate(e.bank(), e.blueprint(), 2, new HashSet<>(first.questionIds()));
        Set<String> overlap = new HashSet<>(first.questionIds());
        overlap.retainAll(second.questionIds());
        // 10 single-choice questions, 6 drawn each time: at least 2 repeat, and only as many as needed.
        long singleRepeats = overlap.stream().filter(id -> e.bank().get(id).type().code().equals("single")).count();
        long multiRepeats = overlap.size() - singleRepeats;
        assertEquals(2, singleRepeats);
        assertEquals(2, multiRepeats);
        assertEquals(second, FormGenerator.generate(e.bank(), e.blueprint(), 2, new HashSet<>(first.questionIds())));
    }

    @Test
    void orderingItemsNeverStartInTheirAnswerOrder() throws IOException {
        LoadedExam e = TestSupport.load("all-types");
        for (long seed = 0; seed < 200; seed++) {
            List<String> order = FormGenerator.order(e.bank().get("o1"), true, FormGenerator.random(seed, "x"));
            assertNotEquals(List.of("i1", "i2", "i3", "i4"), order);
        }
    }
}
