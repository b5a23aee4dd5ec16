package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Text;
import campus.labs.check.CheckOptions;
import campus.labs.sandbox.SandboxLimits;
import campus.progress.LearningEventSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages built from parts (a lab's SQL error inside a sentence) are said wholly in the reader's language. */
class NestedMessagesTest {

    private static Lab lab(CheckKind kind, String solution, CheckOptions options) {
        Lab base = TestContent.lab("bike-average-fare");
        return new Lab("nested", new Text("t", "t"), new Text("t", "t"), base.dataset(), base.scale(), kind, options, 1,
                List.of(), RevealRule.DEFAULT, "", solution, base.courseId(), base.lesson(), base.file());
    }

    @Test
    void aBrokenReferenceSolutionIsReportedInTheReadersLanguage() {
        LabSession.LabUnavailableException e = assertThrows(LabSession.LabUnavailableException.class,
                () -> LabSession.open(lab(CheckKind.RESULT, "SELEC 1", CheckOptions.DEFAULT), TestContent.catalog().datasets(),
                        SandboxLimits.DEFAULT, LearningEventSink.NONE));
        assertEquals("The reference solution of lab nested does not run: Syntax error near SELEC (line 1, column 1).",
                e.msg().in(Lang.EN));
        assertEquals("实验 nested 的参考答案无法运行：语法错误，位于 SELEC 附近（第 1 行，第 1 列）。", e.msg().in(Lang.ZH));
    }

    @Test
    void aReferenceSolutionWithoutAResultIsReportedInTheReadersLanguage() {
        LabSession.LabUnavailableException e = assertThrows(LabSession.LabUnavailableException.class,
                () -> LabSession.open(lab(CheckKind.RESULT, "CREATE TABLE x (a INT)", CheckOptions.DEFAULT),
                        TestContent.catalog().datasets(), SandboxLimits.DEFAULT, LearningEventSink.NONE));
        assertEquals("实验 nested 的参考答案无法运行：参考答案没有返回结果。", e.msg().in(Lang.ZH));
    }

    @Test
    void aStateLabWhoseCheckCannotReadTheTableSaysSoInTheReadersLanguage() throws Exception {
        CheckOptions options = new CheckOptions(false, false, null, List.of("scratch"), List.of());
        try (LabSession s = LabSession.open(lab(CheckKind.STATE, "CREATE TABLE scratch (a INT)", options),
                TestContent.catalog().datasets(), SandboxLimits.DEFAULT, LearningEventSink.NONE)) {
            Verdict v = s.check("SELECT 1");
            Msg first = v.messages().get(0);
            assertEquals("Could not read the result of your changes: Line 1, column 15: There is no table or view scratch.",
                    first.in(Lang.EN));
            assertEquals("无法读取你的修改结果：第 1 行，第 15 列：表或视图 scratch 不存在。", first.in(Lang.ZH));
        }
    }
}
