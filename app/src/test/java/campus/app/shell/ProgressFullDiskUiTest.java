package campus.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.CampusParts;
import campus.app.LaunchOptions;
import campus.app.Preload;
import campus.progress.testing.FullDisk;
import campus.i18n.Lang;
import campus.progress.LearningEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's data folder on a real full disk (a small tmpfs filled to the last byte): a learning event the disk
 * refuses is said once, in the learner's language, and stored with the next one once there is room again.
 */
class ProgressFullDiskUiTest {

    @TempDir
    Path tmp;
    @TempDir
    Path content;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** The texts of the error dialogs now showing. */
    private List<String> errorsShown() throws Exception {
        return fx(() -> {
            List<String> texts = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane d) {
                    texts.add(d.getContentText());
                }
            }
            return texts;
        });
    }

    @Test
    void anEventTheFullDiskRefusesIsSaidOnceInChineseAndStoredWhenThereIsRoom() throws Exception {
        try (FullDisk disk = FullDisk.mount(tmp.resolve("disk"), 24)) {
            Path data = disk.dir().resolve("data");
            campus.app.progress.ProgressContent.write(content);
            Preload preload = Preload.start(new LaunchOptions(List.of(content), Optional.of(Lang.ZH), Optional.of(data)));
            Stage[] stage = new Stage[1];
            CampusWindow window = fx(() -> {
                stage[0] = new Stage();
                return CampusParts.open(stage[0], preload, url -> { });
            });
            try {
                window.events().ready().get(20, TimeUnit.SECONDS);
                window.events().record(LearningEvent.now(LearningEvent.LESSON_OPENED, "before", Map.of()));
                window.events().flush();

                disk.fill();
                window.events().record(LearningEvent.now(LearningEvent.LESSON_OPENED, "full-1", Map.of()));
                window.events().record(LearningEvent.now(LearningEvent.LESSON_OPENED, "full-2", Map.of()));
                window.events().flush();
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !errorsShown().isEmpty());
                WaitForAsyncUtils.waitForFxEvents();
                List<String> shown = errorsShown();
                assertEquals(1, shown.size(), "said once, not for each event: " + shown);
                assertTrue(shown.get(0).startsWith("磁盘已满：无法把你的进度保存到 " + window.events().file()), shown.get(0));

                disk.free();
                window.events().record(LearningEvent.now(LearningEvent.LESSON_OPENED, "after", Map.of()));
                window.events().flush();
                assertTrue(window.events().problem().isEmpty());
                List<String> mine = List.of("before", "full-1", "full-2", "after");
                assertEquals(mine, window.events().eventsAfter(0, 100).stream().map(e -> e.subject())
                        .filter(mine::contains).toList(), "each once, in the order recorded (the app records lessons opened too)");
            } finally {
                fx(() -> {
                    for (Window w : new ArrayList<>(Window.getWindows())) {
                        if (w != stage[0] && w instanceof Stage s && s.getScene() != null && s.getScene().getRoot() instanceof DialogPane) {
                            s.close();
                        }
                    }
                    stage[0].close();
                    return null;
                });
                window.events().close();
            }
        }
    }
}
