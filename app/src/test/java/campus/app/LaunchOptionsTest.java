package campus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import campus.i18n.Lang;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void contentIsRepeatableAndLangAndDataAreRead() {
        LaunchOptions o = LaunchOptions.parse(List.of("--content", "a", "--content=b", "--lang", "zh", "--data", "d"));
        assertEquals(List.of(Path.of("a").toAbsolutePath(), Path.of("b").toAbsolutePath()), o.contentDirs());
        assertEquals(Optional.of(Lang.ZH), o.lang());
        assertEquals(Optional.of(Path.of("d").toAbsolutePath()), o.dataDir());
    }

    @Test
    void noArgumentsMeansShippedContentOnly() {
        LaunchOptions o = LaunchOptions.parse(List.of());
        assertEquals(List.of(), o.contentDirs());
        assertEquals(Optional.empty(), o.lang());
    }

    /** What a double-click on an exam package runs: {@code campus /path/to/x.campusexam}. */
    @Test
    void anExamPackageIsTheOneArgumentThatIsNoOption(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        LaunchOptions o = LaunchOptions.parse(List.of("final.campusexam", "--lang", "zh"));
        assertEquals(Optional.of(Path.of("final.campusexam").toAbsolutePath()), o.examPackage());
        assertEquals(Optional.of(Lang.ZH), o.lang());
        Path other = java.nio.file.Files.writeString(tmp.resolve("renamed.bin"), "x");
        assertEquals(Optional.of(other), LaunchOptions.parse(List.of(other.toString())).examPackage(), "an existing file");
        assertEquals(Optional.empty(), LaunchOptions.parse(List.of("--data", "d")).examPackage());
        assertEquals("unknown option valdate",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("valdate"))).getMessage());
        assertEquals("one exam package at a time, not " + Path.of("a.campusexam").toAbsolutePath() + " and b.campusexam",
                assertThrows(IllegalArgumentException.class,
                        () -> LaunchOptions.parse(List.of("a.campusexam", "b.campusexam"))).getMessage());
    }

    @Test
    void mistakesAreExplained() {
        assertEquals("unknown option --colour",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--colour"))).getMessage());
        assertEquals("--content needs a value",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--content"))).getMessage());
        assertEquals("--lang must be en or zh, not fr",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--lang", "fr"))).getMessage());
    }
}
