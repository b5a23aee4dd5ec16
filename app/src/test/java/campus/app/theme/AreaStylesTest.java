package campus.app.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The style-class constants of the shell, labs, exams and quizzes against the CSS the app ships: every
 * styled constant has a rule, every rule's class of the area is a styled constant (or begins with a styled
 * {@code _PREFIX}), no hook is styled after all, and the code of labs, exams and quizzes names its classes
 * and ids only through the constants.
 */
class AreaStylesTest {

    private static final List<String> SHIPPED_CSS = List.of(Theme.LESSON_CSS, Theme.SHELL_CSS, Theme.LAB_CSS,
            Theme.EXAM_CSS);

    @ParameterizedTest
    @CsvSource({"campus, ShellStyles", "lab, LabStyles", "exam, ExamStyles", "quiz, QuizStyles"})
    void everyStyledConstantHasARuleAndEveryRuleAConstant(String area, String holder) throws Exception {
        Class<?> styles = Class.forName("campus.app.theme." + holder);
        Set<String> styled = values(styles);
        Set<String> inCss = selectors('.', area);
        Set<String> unmatched = new TreeSet<>(inCss);
        unmatched.removeIf(c -> styled.contains(c) || styled.stream().anyMatch(p -> p.endsWith("-") && c.startsWith(p)));
        assertEquals(Set.of(), unmatched, "classes the shipped CSS styles that " + holder + " lacks");
        Set<String> unstyled = new TreeSet<>(styled);
        unstyled.removeIf(v -> v.endsWith("-") ? inCss.stream().anyMatch(c -> c.startsWith(v)) : inCss.contains(v));
        assertEquals(Set.of(), unstyled, holder + " constants that no rule of the shipped CSS styles");
    }

    @ParameterizedTest
    @CsvSource({"campus, ShellStyles", "lab, LabStyles", "exam, ExamStyles", "quiz, QuizStyles"})
    void hooksAreUnstyledAndIdsAreTheOnlyIdsTheCssNames(String area, String holder) throws Exception {
        Set<String> inCss = selectors('.', area);
        for (String hook : nested(holder, "Hook")) {
            assertTrue(inCss.stream().noneMatch(c -> hook.endsWith("-") ? c.startsWith(hook) : c.equals(hook)),
                    () -> hook + " has a rule: it belongs with the styled constants of " + holder);
        }
        Set<String> ids = nested(holder, "Id");
        for (String id : selectors('#', area)) {
            assertTrue(ids.contains(id) || ids.stream().anyMatch(p -> p.endsWith("-") && id.startsWith(p)),
                    () -> "#" + id + " is styled but is no id of " + holder);
        }
        for (String constant : union(values(Class.forName("campus.app.theme." + holder)), nested(holder, "Hook"), ids)) {
            assertTrue(constant.startsWith(area + "-"), () -> constant + " lacks the prefix " + area + "-");
        }
    }

    @ParameterizedTest
    @CsvSource({"lab", "exam", "quiz"})
    void theAreaNamesItsClassesAndIdsOnlyThroughTheConstants(String area) throws IOException {
        Pattern literal = Pattern.compile("\"(lab|exam|quiz)-[a-z0-9-]*\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/campus/app", area))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    // The exam launcher keeps its packages list in a folder of this name: a path, not a style.
                    if (!m.group().equals("\"exam-ui\"")) {
                        found.add(f.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** A string literal handed to a node's style classes: {@code getStyleClass().add("…")}, {@code addAll}, {@code remove}…. */
    static final Pattern STYLE_CLASS_LITERAL = Pattern.compile(
            "getStyleClass\\(\\)\\s*\\.\\s*(add|addAll|setAll|remove|removeAll|retainAll|contains)\\s*\\([^;]*?\"");

    /**
     * A string literal with the prefix of a theme area ({@code md-}, {@code lab-}, {@code exam-}, {@code quiz-}): a
     * style class or id by its name, wherever it is used. Not {@code campus-}: threads are named so too; a
     * {@code campus-} class is caught where it is handed to a node.
     */
    static final Pattern AREA_LITERAL = Pattern.compile("\"(md|lab|exam|quiz)-[a-z0-9-]*\"");

    /** Literals that look like style classes but are not, each with the reason. */
    static final Map<String, String> NOT_STYLES = Map.of(
            "exam/ExamLauncherViewModel.java: \"exam-ui\"", "the folder the exam launcher keeps its packages list in");

    /**
     * Outside the theme package, no code of the app names a style class by a literal: every class a node gets, adds or
     * loses comes from a constant of the theme package (or of the AtlantaFX theme), whatever its prefix.
     */
    @Test
    void noCodeOutsideTheThemeNamesAStyleClassByALiteral() throws IOException {
        Path main = Path.of("src/main/java/campus/app");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = main.relativize(f).toString().replace('\\', '/');
                if (name.startsWith("theme/")) {
                    continue;
                }
                found.addAll(literals(name, Files.readString(f)));
            }
        }
        assertEquals(List.of(), found);
    }

    /** The rule is known to bite: a literal class of any prefix, or none, is caught. */
    @Test
    void theLiteralRuleCatchesClassesOfEveryPrefix() {
        String code = """
                holder.getStyleClass().add("campus-quiz-holder");
                b.getStyleClass().addAll(Styles.FLAT, "flat");
                b.getStyleClass().remove("danger");
                String hook = "md-anything";
                b.getStyleClass().add(ShellStyles.Hook.QUIZ_HOLDER);
                """;
        assertEquals(List.of("x.java: getStyleClass().add(\"", "x.java: getStyleClass().addAll(Styles.FLAT, \"",
                "x.java: getStyleClass().remove(\"", "x.java: \"md-anything\""),
                literals("x.java", code));
    }

    private static List<String> literals(String file, String code) {
        List<String> found = new ArrayList<>();
        for (Pattern p : List.of(STYLE_CLASS_LITERAL, AREA_LITERAL)) {
            Matcher m = p.matcher(code);
            while (m.find()) {
                String hit = file + ": " + m.group();
                if (!NOT_STYLES.containsKey(hit)) {
                    found.add(hit);
                }
            }
        }
        return found;
    }

    /** The constants of a nested group; none when the area has no such group (the shell sets no ids here). */
    private static Set<String> nested(String holder, String group) throws ReflectiveOperationException {
        for (Class<?> c : Class.forName("campus.app.theme." + holder).getDeclaredClasses()) {
            if (c.getSimpleName().equals(group)) {
                return values(c);
            }
        }
        return Set.of();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    private static Set<String> values(Class<?> holder) throws IllegalAccessException {
        Set<String> values = new TreeSet<>();
        for (Field f : holder.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && f.getType() == String.class) {
                values.add((String) f.get(null));
            }
        }
        return values;
    }

    /** The class ({@code .}) or id ({@code #}) names with the area's prefix that the shipped CSS files name. */
    private static Set<String> selectors(char kind, String area) throws IOException {
        Pattern p = Pattern.compile(Pattern.quote(String.valueOf(kind)) + "(" + area + "-[a-z0-9-]*[a-z0-9])");
        Set<String> names = new TreeSet<>();
        for (String css : SHIPPED_CSS) {
            String text;
            try (InputStream in = Theme.class.getResourceAsStream(css)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // Comments may name classes in prose; only rules count.
            Matcher m = p.matcher(text.replaceAll("(?s)/\\*.*?\\*/", ""));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
