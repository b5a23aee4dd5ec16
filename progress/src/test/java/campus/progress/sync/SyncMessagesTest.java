package campus.progress.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.i18n.BundleCheck;
import campus.i18n.Lang;
import campus.progress.sync.SyncState.Phase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncMessagesTest {

    @Test
    void everyKeyInBothLanguagesAndUsed() {
        assertEquals(List.of(), BundleCheck.problems("campus.sync.messages", List.of(Path.of("src/main/java")), Set.of()));
    }

    @Test
    void theStatusLineSaysWhatIsQueuedAndWhenItLastSynced() {
        Instant at = Instant.parse("2026-12-05T14:05:00Z");
        SyncState idle = new SyncState(Phase.IDLE, 3, at, null, 0, "http://h:1", "ana");
        assertEquals("3 queued · last synced at 14:05", idle.text(Lang.EN, ZoneOffset.UTC));
        assertEquals("3 条待发送 · 上次同步于 14:05", idle.text(Lang.ZH, ZoneOffset.UTC));
        assertEquals("not synced yet", new SyncState(Phase.IDLE, 0, null, null, 0, "http://h:1", "ana").text(Lang.EN, ZoneOffset.UTC));
        assertEquals("syncing…", idle.with(Phase.SYNCING, null).text(Lang.EN, ZoneOffset.UTC));
        assertEquals("offline · 3 queued · last synced at 14:05",
                idle.with(Phase.OFFLINE, campus.i18n.Msg.of("sync.error.offline", "http://h:1", "Connection refused"))
                        .text(Lang.EN, ZoneOffset.UTC));
        SyncState error = idle.with(Phase.ERROR, campus.i18n.Msg.of("sync.error.badCredentials"));
        assertEquals("error: Wrong user name or password. · 3 queued · last synced at 14:05", error.text(Lang.EN, ZoneOffset.UTC));
        assertEquals("错误：用户名或密码错误。 · 3 条待发送 · 上次同步于 14:05", error.text(Lang.ZH, ZoneOffset.UTC));
        assertEquals("Syncing as ana with http://h:1", idle.detail(Lang.EN));
        assertEquals("not signed in", SyncState.signedOut(0).text(Lang.EN, ZoneOffset.UTC));
        assertEquals("未登录", SyncState.signedOut(0).text(Lang.ZH, ZoneOffset.UTC));
    }
}
