package campus.app.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedStateIsReadBack() throws Exception {
        StateStore store = new StateStore(dir.resolve("new-folder"));
        AppState s = new AppState(Lang.ZH, true, 125, "sql-fundamentals", "02-sort-and-page", 7, 10, 20, 1000, 700, true,
                List.of("/home/a/courses", "/tmp/其他 课程"));
        store.save(s);
        assertEquals(s, store.load());
    }

    @Test
    void savingLeavesNoTemporaryFiles() throws Exception {
        StateStore store = new StateStore(dir);
        store.save(AppState.defaults());
        store.save(AppState.defaults().withLang(Lang.ZH));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve(StateStore.FILE)), files.toList());
        }
    }

    @Test
    void missingFileGivesDefaults() {
        assertEquals(AppState.defaults(), new StateStore(dir).load());
    }

    @Test
    void corruptFileGivesDefaultsForWhatCannotBeRead() throws Exception {
        Files.writeString(dir.resolve(StateStore.FILE), "lang=klingon\nzoom=huge\nblock=-3\nwindow.x=NaN\ntheme=dark\n");
        AppState s = new StateStore(dir).load();
        assertEquals(Lang.EN, s.lang());
        assertEquals(100, s.zoom());
        assertEquals(0, s.block());
        assertTrue(s.dark());
        assertEquals(false, s.hasWindowBounds());
    }

    @Test
    void binaryGarbageGivesDefaults() throws Exception {
        Files.write(dir.resolve(StateStore.FILE), new byte[] {'a', '=', '\\', 'u', 'z', 'z', (byte) 0xff, (byte) 0xfe, 0});
        assertEquals(AppState.defaults(), new StateStore(dir).load());
        Files.writeString(dir.resolve(StateStore.FILE), "\\uZZZZ=1", StandardCharsets.UTF_8);
        assertEquals(AppState.defaults(), new StateStore(dir).load());
    }

    @Test
    void zoomIsKeptInRange() {
        assertEquals(AppState.MAX_ZOOM, AppState.defaults().withLook(false, 10_000).zoom());
        assertEquals(AppState.MIN_ZOOM, AppState.defaults().withLook(false, 1).zoom());
    }

    @Test
    void dataFolderOptionWinsThenPropertyThenXdgThenHome() {
        Map<String, String> xdg = Map.of("XDG_DATA_HOME", "/x");
        assertEquals(Path.of("/o"), DataFolder.resolve(Optional.of(Path.of("/o")), "/p", xdg, "/h"));
        assertEquals(Path.of("/p"), DataFolder.resolve(Optional.empty(), "/p", xdg, "/h"));
        assertEquals(Path.of("/x/campus"), DataFolder.resolve(Optional.empty(), null, xdg, "/h"));
        assertEquals(Path.of("/h/.campus"), DataFolder.resolve(Optional.empty(), "", Map.of(), "/h"));
    }
}
