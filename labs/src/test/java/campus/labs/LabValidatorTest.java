package campus.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.i18n.Lang;
import campus.i18n.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabValidatorTest {

    @Test
    void everyReferenceSolutionInTheTestContentPassesItsOwnLab() {
        List<Problem> problems = LabValidator.validate(List.of(TestContent.root()));
        assertEquals(List.of(), problems.stream().map(p -> p.format(Lang.EN)).toList());
        assertEquals(6, TestContent.catalog().labs().size());
    }
}
