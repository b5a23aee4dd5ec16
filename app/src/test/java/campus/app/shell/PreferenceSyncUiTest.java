package campus.app.shell;

import static campus.app.shell.DamagedStoreUiTest.fx;
import static campus.app.shell.DamagedStoreUiTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import campus.app.CampusParts;
import campus.app.LaunchOptions;
import campus.app.Preload;
import campus.i18n.Lang;
import campus.progress.LearningEvent;
import campus.progress.derived.ProgressSnapshot;
import campus.progress.store.StoredEvent;
import campus.progress.sync.Account;
import campus.progress.sync.SignIn;
import campus.progress.sync.SyncHttp;
import campus.progress.sync.protocol.Accounts.PasswordChange;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PushRequest;
import campus.progress.sync.protocol.PushResponse;
import campus.progress.sync.protocol.WireEvent;
import campus.server.ProgressServer;
import campus.server.ServerConfig;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Preferences across devices in the window, headless, against a real progress server on loopback: a preference
 * another device of the learner's set later than this one is taken over when it arrives by sync (and not recorded
 * again as this device's); one set earlier than this device's own does not win.
 */
class PreferenceSyncUiTest {

    static final String PASSWORD = "ana's long password";

    @TempDir
    Path data;
    @TempDir
    Path content;
    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final String phone = UUID.randomUUID().toString();
    private long phoneSeq;
    private Stage stage;
    private CampusWindow window;
    private ProgressServer server;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            fx(() -> {
                stage.close();
                return null;
            });
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLaterPreferenceFromAnotherDeviceIsTakenOverAndAnEarlierOneIsNot() throws Exception {
        String url = startServerWithLearner();
        new SignIn(data).login(url, "ana", PASSWORD, null);
        Account phoneSession = SignIn.session(url, "ana", PASSWORD);
        open();
        assertEquals(Lang.EN, fx(() -> window.viewModel().langProperty().get()));
        assertEquals("Sync", syncMenuText());

        // This device: Chinese, now.
        fx(() -> {
            window.viewModel().toggleLang();
            return null;
        });
        waitFor(() -> preference("language").filter(p -> p.value().equals("zh")).isPresent());
        ProgressSnapshot.Preference mine = preference("language").orElseThrow();
        assertEquals(window.events().deviceId(), mine.device());
        assertEquals("同步", syncMenuText());

        // The phone set English a minute before: it arrives, and loses.
        WireEvent earlier = phonePreference("language", "en", mine.hlcMs() - 60_000, phoneSession);
        syncNowAndWaitFor(earlier);
        assertEquals(Lang.ZH, fx(() -> window.viewModel().langProperty().get()), "an earlier preference does not win");
        assertEquals("同步", syncMenuText());
        assertEquals(mine.id(), preference("language").orElseThrow().id());

        // The phone sets English and the dark theme later: both are taken over.
        assertFalse(fx(() -> window.viewModel().darkProperty().get()));
        long later = Math.max(System.currentTimeMillis(), mine.hlcMs()) + 1_000;
        phonePreference("theme", "dark", later, phoneSession);
        WireEvent english = phonePreference("language", "en", later, phoneSession);
        syncNowAndWaitFor(english);
        waitFor(() -> window.viewModel().langProperty().get() == Lang.EN && window.viewModel().darkProperty().get());
        assertEquals("Sync", syncMenuText());
        // … as the phone's, not recorded again as this device's (which would send them back as new events).
        window.events().flush();
        List<String> ownPreferences = window.events().eventsAfter(0, 10_000).stream()
                .filter(e -> e.kind().equals(LearningEvent.PREFERENCE_CHANGED) && e.device().equals(window.events().deviceId()))
                .map(e -> e.subject() + "=" + e.data()).toList();
        assertEquals(List.of("language={\"value\":\"zh\"}"), ownPreferences);
    }

    private Optional<ProgressSnapshot.Preference> preference(String key) throws Exception {
        return fx(() -> Optional.ofNullable(window.view().progress().snapshot().preferences().get(key)));
    }

    /** A preference event of the phone's with stamp {@code hlcMs}, pushed to the server as the phone's sync would. */
    private WireEvent phonePreference(String key, String value, long hlcMs, Account session) throws Exception {
        JsonObject data = new JsonObject();
        data.addProperty("value", value);
        WireEvent e = new WireEvent(UUID.randomUUID().toString(), phone, ++phoneSeq, hlcMs, 0,
                LearningEvent.PREFERENCE_CHANGED, key, Instant.ofEpochMilli(hlcMs).toString(), data, null);
        PushResponse r = new SyncHttp(server.url()).post(Protocol.PUSH, session.token(), new PushRequest(phone, List.of(e)),
                PushResponse.class);
        assertEquals(1, r.stored());
        return e;
    }

    /** "Sync now" from the window's menu; waits until {@code e} is in the store and the window has derived it. */
    private void syncNowAndWaitFor(WireEvent e) throws Exception {
        robot.clickOn("#menu-sync").clickOn("#menu-sync-now");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stored(e.id()) != null); // off the UI thread: SQL
        long pos = stored(e.id()).pos();
        waitFor(() -> window.view().progress().snapshot().lastPos() >= pos);
    }

    private StoredEvent stored(String id) {
        window.events().flush();
        return window.events().eventsAfter(0, 10_000).stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    private String syncMenuText() throws Exception {
        return fx(() -> robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(m -> "menu-sync".equals(m.getId())).map(Menu::getText).findFirst().orElseThrow());
    }

    private void open() throws Exception {
        campus.app.progress.ProgressContent.write(content);
        Preload preload = Preload.start(new LaunchOptions(List.of(content), Optional.of(Lang.EN), Optional.of(data)));
        fx(() -> {
            stage = new Stage();
            window = CampusParts.open(stage, preload, url -> { });
            return null;
        });
        waitFor(() -> window.viewModel().lessonProperty().get() != null && !window.viewModel().loadingProperty().get()
                && window.view().isComplete());
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
}
