package campus.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.progress.sync.Account;
import campus.progress.sync.AutoSync;
import campus.progress.sync.SignIn;
import campus.progress.sync.SyncHttp;
import campus.progress.sync.protocol.Accounts.PasswordChange;
import campus.progress.sync.protocol.Protocol;
import campus.server.ProgressServer;
import campus.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sync in a window, headless, against a real progress server: signed out, the sign-in dialog (Ctrl+Shift+S)
 * with a wrong and then the right password, queued events sent in the background, the state in both languages,
 * offline when the server goes away, sign-out.
 */
class SyncUiTest {

    static final String PASSWORD = "ana's long password";

    @TempDir
    Path tmp;

    private final FxRobot robot = new FxRobot();
    private ProgressServer server;
    private Stage stage;
    private SyncViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (stage != null) {
            fx(() -> {
                stage.close();
                return null;
            });
        }
        if (vm != null) {
            vm.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private String startServerWithLearner() throws Exception {
        ServerConfig c = new ServerConfig();
        c.port = 0;
        c.dataDir = Files.createDirectories(tmp.resolve("server"));
        server = ProgressServer.start(c);
        String once = Files.readAllLines(server.adminPasswordFile()).stream().filter(l -> l.startsWith("password: "))
                .findFirst().orElseThrow().substring("password: ".length());
        Account admin = SignIn.session(server.url(), "admin", once);
        new SyncHttp(server.url()).post(Protocol.PASSWORD, admin.token(), new PasswordChange(null, "admin password"), null);
        String code = SignIn.invite(admin, "learner", "ana").code();
        new SignIn(tmp.resolve("elsewhere")).signup(server.url(), code, "ana", PASSWORD, null);
        return server.url();
    }

    @Test
    void signInSyncGoOfflineAndSignOut() throws Exception {
        String url = startServerWithLearner();
        MemoryStore store = new MemoryStore();
        SimpleObjectProperty<Lang> lang = new SimpleObjectProperty<>(Lang.EN);
        vm = new SyncViewModel(new AutoSync(tmp.resolve("data"), () -> store, new AutoSync.Timing(50, 60_000, 100, 400),
                Clock.systemUTC()), Platform::runLater);
        Label[] status = new Label[1];
        fx(() -> {
            stage = new Stage();
            Runnable signIn = () -> SignInDialog.create(stage, vm, lang).show();
            status[0] = SyncStatusView.create(vm, lang, signIn);
            BorderPane root = new BorderPane();
            root.setTop(new MenuBar(SyncMenu.create(vm, lang, signIn, stage)));
            root.setBottom(status[0]);
            stage.setScene(new Scene(root, 700, 400));
            stage.show();
            vm.start();
            return null;
        });
        waitFor(() -> status[0].getText().equals("not signed in"));
        store.record("lab.attempt", "lab-1");
        store.record("lab.attempt", "lab-2");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#" + SignInDialog.SERVER_ID).tryQuery().isPresent());
        fx(() -> {
            robot.lookup("#" + SignInDialog.SERVER_ID).queryAs(TextField.class).setText(url);
            robot.lookup("#" + SignInDialog.USER_ID).queryAs(TextField.class).setText("ana");
            robot.lookup("#" + SignInDialog.PASSWORD_ID).queryAs(PasswordField.class).setText("not my password");
            return null;
        });
        robot.clickOn("#" + SignInDialog.BUTTON_ID);
        waitFor(() -> "Wrong user name or password.".equals(robot.lookup("#" + SignInDialog.MESSAGE_ID).queryAs(Label.class).getText()));
        assertTrue(fx(() -> dialogShowing()), "the dialog stays open with what was typed");
        assertEquals("not signed in", status[0].getText());

        fx(() -> {
            robot.lookup("#" + SignInDialog.PASSWORD_ID).queryAs(PasswordField.class).setText(PASSWORD);
            return null;
        });
        robot.clickOn("#" + SignInDialog.BUTTON_ID);
        waitFor(() -> !dialogShowing());
        waitFor(() -> status[0].getText().matches("last synced at \\d\\d:\\d\\d"));
        assertEquals(0, store.queued(url));
        assertEquals("Syncing as ana with " + url, status[0].getTooltip().getText());
        fx(() -> {
            lang.set(Lang.ZH);
            return null;
        });
        assertTrue(fx(() -> status[0].getText()).matches("上次同步于 \\d\\d:\\d\\d"), status[0].getText());
        fx(() -> {
            lang.set(Lang.EN);
            return null;
        });

        server.close();
        server = null;
        store.record("lab.attempt", "lab-3");
        waitFor(() -> status[0].getText().matches("offline · 1 queued · last synced at \\d\\d:\\d\\d"));
        assertTrue(fx(() -> status[0].getTooltip().getText()).startsWith("The server at " + url + " cannot be reached ("),
                status[0].getTooltip().getText());

        robot.clickOn("#menu-sync").clickOn("#" + SyncMenu.SIGN_OUT_ID);
        waitFor(() -> status[0].getText().equals("not signed in"));
    }

    private boolean dialogShowing() {
        return Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing()
                && w.getScene() != null && w.getScene().lookup("#" + SignInDialog.SERVER_ID) != null);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
