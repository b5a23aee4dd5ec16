package campus.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of the app module, checked on its compiled classes: no cycles, and every arrow points
 * down the layers below (the app's entry points and composition root on top, the thread policy and
 * the start-up trace at the bottom). A package not in {@link #LAYERS} fails the test until it is
 * given a place.
 */
class AppPackagesTest {

    /** Top to bottom; a package may use packages of the layers below its own, never its own layer or one above. */
    static final List<List<String>> LAYERS = List.of(
            List.of("campus.app"),                                   // entry points, the composition root, the seam to bench
            List.of("campus.app.bench", "campus.app.cli"),           // start-up measuring; the command-line tools
            List.of("campus.app.shell"),                             // the main window
            List.of("campus.app.exam", "campus.app.sync"),           // windows and controls the shell opens
            List.of("campus.app.lab"),                               // the lab embedded in lessons
            List.of("campus.app.quiz", "campus.app.progress"),       // quizzes (and their SQL answer box); progress model
            List.of("campus.app.render", "campus.app.embed"),        // lesson rendering; the host of what lessons embed
            List.of("campus.app.sql", "campus.app.state"),           // SQL highlighting; the saved app state
            List.of("campus.app.concurrent", "campus.app.trace", "campus.app.theme"));   // threads, start-up trace, theme

    static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("campus.app");
    }

    /** Each package of the app is a slice, the root package {@code campus.app} too. */
    static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (!p.equals("campus.app") && !p.startsWith("campus.app.")) {
                return SliceIdentifier.ignore();
            }
            String[] parts = p.split("\\.");
            return SliceIdentifier.of(parts.length <= 2 ? "campus.app" : "campus.app." + parts[2]);
        }

        @Override
        public String getDescription() {
            return "the packages of campus.app";
        }
    };

    @Test
    void packagesHaveNoCycles() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(app);
    }

    @Test
    void everyPackageHasALayer() {
        classes().that().resideInAPackage("campus.app..").should(new ArchCondition<>("reside in a package of a layer") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (layer(topPackage(c)) < 0) {
                    events.add(SimpleConditionEvent.violated(c, topPackage(c) + " has no layer in AppPackagesTest.LAYERS ("
                            + c.getName() + ")"));
                }
            }
        }).check(app);
    }

    @Test
    void arrowsPointDown() {
        arrowsPointDown(app);
    }

    @Test
    void anArrowUpIsCaught() {
        JavaClasses up = new ClassFileImporter().importClasses(campus.app.trace.UpArrowFixture.class, campus.app.CampusParts.class);
        assertThrows(AssertionError.class, () -> arrowsPointDown(up));
    }

    @Test
    void onlyOneSeamSeesTheStartUpBenchmarks() {
        onlyOneSeamSeesTheStartUpBenchmarks(app);
    }

    /** The rule is known to bite: a part that marks a step of the start-up trace itself is caught. */
    @Test
    void aPartNamingTheStartUpTraceIsCaught() {
        JavaClasses marking = new ClassFileImporter().importClasses(MarksTheTraceItself.class);
        assertThrows(AssertionError.class, () -> onlyOneSeamSeesTheStartUpBenchmarks(marking));
    }

    /**
     * Start-up measuring code ({@code campus.app.bench}) and the start-up trace it listens to stay out of the app's
     * classes except at one seam, {@code campus.app.Measuring}: the parts report the moments of their start-up as
     * {@link campus.app.trace.Milestones} handed down to them.
     */
    private static void onlyOneSeamSeesTheStartUpBenchmarks(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("campus.app.bench..")
                .and().doNotHaveFullyQualifiedName("campus.app.Measuring")
                .should().dependOnClassesThat().resideInAPackage("campus.app.bench..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(campus.app.trace.StartupTrace.class.getName())
                .because("start-up measuring code stays out of the app's classes except at one seam (campus.app.Measuring)")
                .check(classes);
    }

    static final class MarksTheTraceItself {
        void shown() {
            campus.app.trace.StartupTrace.mark("window shown");
        }
    }

    private static void arrowsPointDown(JavaClasses classes) {
        classes().that().resideInAPackage("campus.app..").should(new ArchCondition<>("use only packages of the layers below") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                int from = layer(topPackage(c));
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    String to = topPackage(target);
                    if (to == null || to.equals(topPackage(c))) {
                        continue;
                    }
                    if (layer(to) <= from) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription() + ": " + topPackage(c)
                                + " may use only the layers below it"));
                    }
                }
            }
        }).check(classes);
    }

    /** The package of the app {@code c} belongs to ({@code campus.app} or {@code campus.app.x}), null outside the app. */
    static String topPackage(JavaClass c) {
        String p = c.getPackageName();
        if (c.isArray()) {
            return topPackage(c.getBaseComponentType());
        }
        if (!p.equals("campus.app") && !p.startsWith("campus.app.")) {
            return null;
        }
        String[] parts = p.split("\\.");
        return parts.length <= 2 ? "campus.app" : "campus.app." + parts[2];
    }

    static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }
}
