package campus.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.app.CampusParts;
import campus.app.LaunchOptions;
import campus.app.Preload;
import campus.i18n.Lang;
import campus.progress.LearningEvent;
import campus.progress.store.ProgressStore;
import campus.progress.sync.Account;
import campus.progress.sync.SignIn;
import campus.progress.sync.SyncHttp;
import campus.progress.sync.SyncRun;
import campus.progress.sync.protocol.Accounts.PasswordChange;
import campus.progress.sync.protocol.Protocol;
import campus.server.ProgressServer;
import campus.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window started on a data folder whose progress store is damaged, headless: the damaged file is kept as a
 * backup, the window says so (in English and in Chinese) and stays usable, and a learner signed in to a progress
 * server gets their progress back with the next sync.
 */
class DamagedStoreUiTest {

    static final String PASSWORD = "ana's long password";
    static final byte[] GARBAGE = "this is not a database, it was a progress store once\n".getBytes();

    @TempDir
    Path data;
    @TempDir
    Path content;
    @TempDir
    Path serverData;

    private Stage stage;
    private CampusWindow window;
    private ProgressServer server;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s && w != stage && w.isShowing()) {
                    s.close(); // the message, if a test left it open
                }
            }
            if (stage != null) {
                stage.close();
            }
            return null;
        });
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theWindowSaysWhatHappenedKeepsABackupStaysUsableAndGetsTheProgressBackFromTheServer() throws Exception {
        // Before: a store with two events, synced to the server, and the learner signed in on this data folder.
        String url = startServerWithLearner();
        String oldDevice;
        Account ana = new SignIn(data).login(url, "ana", PASSWORD, null);
        try (ProgressStore s = ProgressStore.open(data)) {
            s.record(LearningEvent.now(LearningEvent.LESSON_COMPLETED, "ptest/02-two", Map.of()));
            s.record(LearningEvent.now(LearningEvent.LAB_ATTEMPT, "ptest-lab-1", Map.of("passed", true, "score", 10)));
            s.flush();
            assertEquals(2, new SyncRun(new SyncHttp(url), ana.token(), s).run().sent());
            oldDevice = s.deviceId();
        }
        Path file = damage();

        open(Optional.of(Lang.EN));
        String said = waitForMessage();
        Path backup = onlyBackup();
        assertEquals("Your progress store could not be read (" + reason(said) + "). It is kept as " + backup
                + ", and Campus started a new, empty one. Signed in to a progress server, your progress comes back"
                + " with the next sync.", said);
        assertTrue(java.util.Arrays.equals(GARBAGE, Files.readAllBytes(backup)), "the backup is the damaged file as it was");
        assertTrue(Files.exists(file), "a new store in its place");
        closeMessage();

        // Rebuilt from the server: the lesson read and the lab passed come back with the sync the window starts.
        waitFor(() -> window.view().progress().snapshot().lessonRead("ptest", "02-two")
                && window.view().progress().snapshot().labPassed("ptest-lab-1"));
        assertTrue(!window.events().deviceId().equals(oldDevice), "the new store is a new device");
        // Usable: what the learner does now is recorded (the new device counting from 1) and sent.
        window.events().record(LearningEvent.now(LearningEvent.LAB_ATTEMPT, "ptest-lab-2", Map.of("passed", true, "score", 10)));
        waitFor(() -> window.view().progress().snapshot().labPassed("ptest-lab-2"));
        window.events().flush();
        assertEquals(1, window.events().ownEventsAfter(0, 10).get(0).seq(), "the new store's device starts at 1");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.events().queued(url) == 0); // off the UI thread: SQL
        assertEquals("ptest", fx(() -> window.viewModel().selectedCourseProperty().get().id()));
    }

    @Test
    void inChineseTheMessageIsInChineseAndTheWindowStaysUsable() throws Exception {
        damage();
        open(Optional.of(Lang.ZH));
        String said = waitForMessage();
        Path backup = onlyBackup();
        assertEquals("无法读取你的进度库（" + reason(said) + "）。它已保留为 " + backup
                + "，Campus 已新建一个空的进度库。登录进度服务器后，下次同步会取回你的进度。", said);
        assertTrue(java.util.Arrays.equals(GARBAGE, Files.readAllBytes(backup)));
        closeMessage();
        window.events().record(LearningEvent.now(LearningEvent.LAB_ATTEMPT, "ptest-lab-1", Map.of("passed", true, "score", 10)));
        waitFor(() -> window.view().progress().snapshot().labPassed("ptest-lab-1"));
        window.events().flush();
        assertEquals(1, window.events().ownEventsAfter(0, 10).get(0).seq(), "the new store's device starts at 1");
    }

    /** Writes garbage where the store's file is; its path. */
    private Path damage() throws Exception {
        Path file;
        try (ProgressStore s = ProgressStore.open(data)) {
            file = s.file();
        }
        Files.write(file, GARBAGE);
        return file;
    }

    private Path onlyBackup() throws Exception {
        try (Stream<Path> l = Files.list(data.resolve("progress"))) {
            List<Path> backups = l.filter(p -> p.getFileName().toString().startsWith("store-damaged-")).toList();
            assertEquals(1, backups.size(), () -> "one backup: " + backups);
            return backups.get(0);
        }
    }

    /** The reason in the message, between its first brackets (H2's words, not the test's to fix). */
    private static String reason(String said) {
        int open = said.indexOf('（') >= 0 ? said.indexOf('（') : said.indexOf('(');
        int close = said.indexOf('（') >= 0 ? said.indexOf("）。") : said.indexOf("). ");
        assertTrue(open > 0 && close > open + 1, "a reason: " + said);
        return said.substring(open + 1, close);
    }

    private void open(Optional<Lang> lang) throws Exception {
        campus.app.progress.ProgressContent.write(content);
        Preload preload = Preload.start(new LaunchOptions(List.of(content), lang, Optional.of(data)));
        fx(() -> {
            stage = new Stage();
            window = CampusParts.open(stage, preload, url -> { });
            return null;
        });
        waitFor(() -> window.viewModel().lessonProperty().get() != null && !window.viewModel().loadingProperty().get()
                && window.view().isComplete());
    }

    /** The text of the message the window shows over itself. */
    private String waitForMessage() throws Exception {
        waitFor(() -> message().isPresent());
        return fx(() -> message().orElseThrow().getContentText());
    }

    private Optional<DialogPane> message() {
        return Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane).map(w -> (DialogPane) w.getScene().getRoot()).findFirst();
    }

    private void closeMessage() throws Exception {
        fx(() -> {
            DialogPane pane = message().orElseThrow();
            ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire();
            return null;
        });
        waitFor(() -> message().isEmpty());
    }

    private String startServerWithLearner() throws Exception {
        ServerConfig c = new ServerConfig();
        c.port = 0;
        c.dataDir = serverData;
        server = ProgressServer.start(c);
        String once = Files.readAllLines(server.adminPasswordFile()).stream().filter(l -> l.startsWith("password: "))
                .findFirst().orElseThrow().substring("password: ".length());
        Account admin = SignIn.session(server.url(), "admin", once);
        new SyncHttp(server.url()).post(Protocol.PASSWORD, admin.token(), new PasswordChange(null, "admin password"), null);
        String code = SignIn.invite(admin, "learner", "ana").code();
        new SignIn(serverData.resolve("elsewhere")).signup(server.url(), code, "ana", PASSWORD, null);
        return server.url();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
