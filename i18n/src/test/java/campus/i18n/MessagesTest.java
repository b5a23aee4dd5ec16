package campus.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void keyPrefixSelectsTheModuleBundle() {
        assertEquals("campus.labs.messages", Messages.bundleNameFor("labs.guard.refused"));
    }

    @Test
    void formatsArgumentsInEachLanguage() {
        assertEquals("Hello, Ada!", Msg.of("i18ntest.greeting", "Ada").in(Lang.EN));
        assertEquals("你好，Ada！", Msg.of("i18ntest.greeting", "Ada").in(Lang.ZH));
    }

    @Test
    void aNestedMessageIsSaidInTheLanguageOfTheSentenceAroundIt() {
        Msg inner = Msg.of("i18ntest.greeting", "Ada");
        assertEquals("Hello, Hello, Ada!!", Msg.of("i18ntest.greeting", inner).in(Lang.EN));
        assertEquals("你好，你好，Ada！！", Msg.of("i18ntest.greeting", inner).in(Lang.ZH));
    }

    @Test
    void missingChineseFallsBackToEnglishAndMissingKeyIsVisible() {
        assertEquals("Only in English", Messages.of(Lang.ZH).get("i18ntest.only.en"));
        assertEquals("!i18ntest.nope!", Messages.of(Lang.ZH).get("i18ntest.nope"));
    }

    @Test
    void bundleCheckNamesMissingAndUnusedKeys() {
        List<String> problems = BundleCheck.problems("campus.i18ntest.messages",
                List.of(Path.of("src/test/java")), Set.of());
        assertTrue(problems.contains("i18ntest.only.en: missing in zh"), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.startsWith("i18ntest.greeting: unused")), problems.toString());
    }

    @Test
    void quotingWorksTheSameWithAndWithoutArguments() {
        assertEquals("Write '{ … }' here", Messages.of(Lang.EN).get("i18ntest.quoted"));
        assertEquals("It's Ada", Messages.of(Lang.EN).get("i18ntest.apostrophe", "Ada"));
    }

    @Test
    void textFallsBackToTheOtherLanguage() {
        assertEquals("Title", new Text("Title", " ").in(Lang.ZH));
        assertEquals("标题", new Text("Title", "标题").in(Lang.ZH));
    }

    @Test
    void langCodesAreLenient() {
        assertEquals(Lang.ZH, Lang.fromCode("zh-CN").orElseThrow());
        assertEquals(Lang.EN, Lang.fromCode("EN").orElseThrow());
        assertTrue(Lang.fromCode("fr").isEmpty());
    }
}
