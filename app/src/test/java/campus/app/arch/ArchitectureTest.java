package campus.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module rules of ARCHITECTURE.md, checked on the compiled classes of every module (app is built
 * last in the reactor, so all of them are there). The Maven enforcer checks the same at the
 * dependency level; this catches what slips through transitive dependencies.
 */
class ArchitectureTest {

    static final List<String> MODULES = List.of("i18n", "courses", "progress", "labs", "certification", "server", "app");

    /** Which modules each module may use, besides itself. */
    static final Map<String, List<String>> ALLOWED = Map.of(
            "i18n", List.of(),
            "courses", List.of("i18n"),
            "progress", List.of("i18n"),
            "labs", List.of("i18n", "progress"),
            "certification", List.of("i18n", "progress", "labs"),
            "server", List.of("i18n", "progress", "labs", "certification"),
            "app", List.of("i18n", "courses", "progress", "labs", "certification", "server"));

    static JavaClasses classes;

    @BeforeAll
    static void importAllModules() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> dirs = new ArrayList<>();
        for (String m : MODULES) {
            Path d = root.resolve(m).resolve("target/classes");
            if (Files.isDirectory(d)) {
                dirs.add(d);
            }
        }
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPaths(dirs);
    }

    @Test
    void everyModuleWasCompiledAndImported() {
        for (String m : List.of("i18n", "courses", "progress", "app")) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith("campus." + m)), m + " classes not found");
        }
    }

    @Test
    void onlyAppSeesUiLibraries() {
        onlyAppSeesUiLibraries(classes);
    }

    @Test
    void theUiRuleCatchesAViolation() {
        JavaClasses fixture = new ClassFileImporter().importClasses(campus.labs.archfixture.LabsClassUsingJavaFx.class);
        assertThrows(AssertionError.class, () -> onlyAppSeesUiLibraries(fixture));
    }

    private static void onlyAppSeesUiLibraries(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("campus.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..", "atlantafx..", "org.testfx..", "com.sun.javafx..")
                .because("only app/ may see JavaFX, RichTextFX and AtlantaFX, so other front ends can reuse the rest")
                .check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("campus.(*)..").should().beFreeOfCycles().check(classes);
    }

    static Stream<String> modules() {
        return MODULES.stream();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void moduleUsesOnlyAllowedModules(String module) {
        String[] forbidden = MODULES.stream()
                .filter(m -> !m.equals(module) && !ALLOWED.get(module).contains(m))
                .map(m -> "campus." + m + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage("campus." + module + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because(module + " may use only " + ALLOWED.get(module) + " (ARCHITECTURE.md)")
                .allowEmptyShould(true)
                .check(classes);
        assertTrue(Arrays.stream(forbidden).noneMatch(f -> f.equals("campus." + module + "..")));
    }
}
