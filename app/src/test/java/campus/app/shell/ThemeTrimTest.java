package campus.app.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.theme.Theme;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.css.CompoundSelector;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.SimpleSelector;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trimmed AtlantaFX theme (src/build/java/ThemeTrim.java) against AtlantaFX's own: only the
 * selectors of the listed controls are gone, everything else is there in the same order with the same
 * declarations, and the app uses none of the listed controls or style classes.
 */
class ThemeTrimTest {

    static Set<String> unused() throws IOException {
        return list("src/build/theme-unused.txt");
    }

    static Set<String> charts() throws IOException {
        return list("src/build/theme-charts.txt");
    }

    private static Set<String> list(String file) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
            String l = line.replaceAll("#.*", "").strip();
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    /** The style classes of a selector's leftmost part. */
    static List<String> leftmostClasses(Selector s) {
        SimpleSelector first = s instanceof CompoundSelector c ? c.getSelectors().get(0) : (SimpleSelector) s;
        return first.getStyleClasses();
    }

    /** The style classes a selector names in all its parts. */
    static List<String> classes(Selector s) {
        List<SimpleSelector> parts = s instanceof CompoundSelector c ? c.getSelectors() : List.of((SimpleSelector) s);
        return parts.stream().flatMap(p -> p.getStyleClasses().stream()).collect(Collectors.toList());
    }

    private static Stylesheet load(String resource) throws IOException {
        URL url = ThemeTrimTest.class.getResource(resource);
        assertNotNull(url, resource + " is missing: the build step theme-trim did not run");
        return Stylesheet.loadBinary(url);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void onlyTheListedControlsLoseTheirRules(boolean dark) throws IOException {
        Set<String> unused = unused();
        Set<String> charts = charts();
        Stylesheet original = load(dark ? "/atlantafx/base/theme/primer-dark.bss" : "/atlantafx/base/theme/primer-light.bss");
        int[] dropped = new int[1];
        assertSameRules(original, load(dark ? Theme.TRIMMED_DARK : Theme.TRIMMED_LIGHT), s -> {
            boolean keep = classes(s).stream().noneMatch(c -> unused.contains(c) || charts.contains(c));
            dropped[0] += keep ? 0 : 1;
            return keep;
        });
        assertTrue(dropped[0] > 300, "the lists take " + dropped[0] + " selectors out");
        assertSameRules(original, load(dark ? Theme.CHARTS_DARK : Theme.CHARTS_LIGHT),
                s -> classes(s).stream().anyMatch(charts::contains) && classes(s).stream().noneMatch(unused::contains));
    }

    /** {@code actual} has the rules of {@code original} with the selectors {@code keep} accepts, in order. */
    private static void assertSameRules(Stylesheet original, Stylesheet actual, java.util.function.Predicate<Selector> keep) {
        List<String> expected = new ArrayList<>();
        for (Rule r : original.getRules()) {
            List<String> kept = r.getSelectors().stream().filter(keep).map(Selector::toString).collect(Collectors.toList());
            if (!kept.isEmpty()) {
                expected.add(kept + " " + declarations(r, original));
            }
        }
        List<String> rules = actual.getRules().stream().map(r -> r.getSelectors().stream().map(Selector::toString)
                .collect(Collectors.toList()) + " " + declarations(r, actual)).collect(Collectors.toList());
        for (int i = 0; i < Math.min(expected.size(), rules.size()); i++) {
            assertEquals(expected.get(i), rules.get(i), "rule " + i + " of " + actual.getUrl());
        }
        assertEquals(expected.size(), rules.size(), actual.getUrl());
        assertFalse(rules.isEmpty());
    }

    /** A rule's declarations, with the sheet's own address (which url() values carry) left out. */
    private static String declarations(Rule r, Stylesheet sheet) {
        return r.getDeclarations().toString().replace(sheet.getUrl(), "<sheet>");
    }

    @Test
    void everyControlTheAppShowsKeepsItsRules() throws IOException {
        Stylesheet trimmed = load(Theme.TRIMMED_LIGHT);
        Set<String> styled = new TreeSet<>();
        trimmed.getRules().forEach(r -> r.getSelectors().forEach(s -> styled.addAll(leftmostClasses(s))));
        for (String c : List.of("root", "button", "label", "hyperlink", "scroll-pane", "scroll-bar", "list-view",
                "tree-view", "table-view", "menu-bar", "menu-button", "menu-item", "context-menu", "tooltip",
                "text-input", "text-area", "check-box", "radio-button", "toggle-button", "combo-box-base",
                "combo-box-popup", "progress-indicator", "progress-bar", "spinner", "titled-pane", "split-pane",
                "tool-bar", "separator", "dialog-pane")) {
            assertTrue(styled.contains(c), c + " lost its rules");
        }
    }

    @Test
    void theAppUsesNoneOfTheDroppedControls() {
        JavaClasses app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(Path.of("target/classes"));
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.TabPane")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.SplitMenuButton")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.TreeTableView")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.DatePicker")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.ColorPicker")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.ChoiceBox")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.ChoiceDialog")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Slider")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Pagination")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Accordion")
                .orShould().dependOnClassesThat().resideInAPackage("javafx.scene.web..")
                .orShould().dependOnClassesThat().resideInAPackage("atlantafx.base.controls..")
                .because("src/build/theme-unused.txt drops their rules from the theme")
                .check(app);
    }

    private static final Pattern STRING = Pattern.compile("\"([a-z][a-z0-9-]*)\"");
    private static final Pattern CSS_CLASS = Pattern.compile("\\.([a-z][a-z0-9-]*)");

    @Test
    void theAppNamesNoneOfTheDroppedStyleClasses() throws IOException {
        Set<String> unused = unused();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".css")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = (f.toString().endsWith(".css") ? CSS_CLASS : STRING).matcher(
                        f.toString().endsWith(".css") ? text.replaceAll("(?s)/\\*.*?\\*/", "") : text);
                while (m.find()) {
                    if (unused.contains(m.group(1))) {
                        found.add(f + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), found, "style classes the trimmed theme no longer styles");
    }

    @Test
    void theListNamesOnlyClassesTheThemeHas() throws IOException {
        Stylesheet original = load("/atlantafx/base/theme/primer-light.bss");
        Set<String> named = new TreeSet<>();
        original.getRules().forEach(r -> r.getSelectors().forEach(s -> named.addAll(classes(s))));
        Set<String> stale = new TreeSet<>(unused());
        stale.addAll(charts());
        stale.removeAll(named);
        assertEquals(Set.of(), stale, "entries of theme-unused.txt or theme-charts.txt that take nothing out");
        assertFalse(unused().contains("root"));
    }

    /** The trimmed sheet lives elsewhere than AtlantaFX's: a relative url() would point to nothing. */
    @Test
    void noUrlDependsOnWhereTheSheetIs() throws IOException {
        String css = Files.readString(Path.of("target/classes" + Theme.TRIMMED_LIGHT.replace(".bss", ".css")));
        Matcher m = Pattern.compile("url\\(\\s*[\"']?([^\"')]*)").matcher(css);
        int urls = 0;
        while (m.find()) {
            urls++;
            assertTrue(m.group(1).startsWith("data:") || m.group(1).startsWith("/"), "relative url: " + m.group(1));
        }
        assertTrue(urls > 0);
    }

    @Test
    void theAppLoadsTheTrimmedTheme() {
        assertTrue(Theme.userAgentStylesheet(false).endsWith(Theme.TRIMMED_LIGHT));
        assertTrue(Theme.userAgentStylesheet(true).endsWith(Theme.TRIMMED_DARK));
    }

    @Test
    void aChartTakesTheChartRulesOfTheThemeInUse() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        String before = javafx.application.Application.getUserAgentStylesheet();
        try {
            javafx.application.Application.setUserAgentStylesheet(Theme.userAgentStylesheet(false));
            assertTrue(Theme.chartStylesheet().endsWith(Theme.CHARTS_LIGHT));
            javafx.application.Application.setUserAgentStylesheet(Theme.userAgentStylesheet(true));
            assertTrue(Theme.chartStylesheet().endsWith(Theme.CHARTS_DARK));
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheetBSS());
            assertEquals(null, Theme.chartStylesheet(), "AtlantaFX's whole theme has the chart rules");
        } finally {
            javafx.application.Application.setUserAgentStylesheet(before);
        }
    }
}
