package campus.i18n;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Every package of this module (its root package too) is a slice, and no two slices need each other. */
@AnalyzeClasses(packages = "campus.i18n", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("campus.(**)").should().beFreeOfCycles();
}
