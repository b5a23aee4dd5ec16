package campus.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.progress.sync.Account;
import campus.progress.sync.SignIn;
import campus.progress.sync.SyncFailure;
import campus.progress.sync.SyncHttp;
import campus.progress.sync.SyncRun;
import campus.progress.sync.SyncState;
import campus.progress.sync.SyncStore;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.WireEvent;
import campus.server.testing.DeviceStore;
import campus.server.testing.ServerView;
import campus.server.testing.TestClient;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sync client against the real server: sign-in, chunked push, paged pull, convergence, and what goes wrong. */
class SyncClientTest {

    static final String PASSWORD = "ana's long password";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void twoDevicesOfOneLearnerConvergeInChunksAndPages(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestServer server = TestServer.start(db);
             DeviceStore laptop = DeviceStore.inMemory(); DeviceStore phone = DeviceStore.inMemory()) {
            invite(server, "ana");
            Account a = new SignIn(tmp.resolve("laptop")).login(server.url(), "ana", PASSWORD, laptop.deviceId());
            Account p = new SignIn(tmp.resolve("phone")).login(server.url() + "/", "ana", PASSWORD, phone.deviceId());
            assertEquals(server.url(), p.server());
            laptop.recordMany(1_234);
            phone.recordMany(7);

            assertEquals(new SyncRun.Report(1_234, 0, 0, 0), noSkew(run(a, laptop)));
            assertEquals(0, laptop.queued(a.server()));
            assertEquals(1_234, laptop.ackedSeq(a.server()));
            assertEquals(new SyncRun.Report(7, 0, 1_234, 0), noSkew(run(p, phone)));
            assertEquals(new SyncRun.Report(0, 0, 7, 0), noSkew(run(a, laptop)));
            assertEquals(laptop.all(), phone.all());
            assertEquals(1_241, laptop.all().size());
            assertEquals(Map.of(laptop.deviceId(), 1_234L), phone.pullCursor(p.server()));

            assertEquals(new SyncRun.Report(0, 0, 0, 0), noSkew(run(a, laptop)), "a second run has nothing to do");
        }
    }

    @Test
    void aStoreThatLostItsAcknowledgementResendsAndTheServerCountsDuplicates() throws Exception {
        try (TestDatabase db = TestDatabase.create("h2"); TestServer server = TestServer.start(db);
             DeviceStore laptop = DeviceStore.inMemory()) {
            invite(server, "ana");
            Account a = new SignIn(tmp).login(server.url(), "ana", PASSWORD, laptop.deviceId());
            laptop.recordMany(600);
            SyncStore forgetful = new Forgetful(laptop);
            assertEquals(new SyncRun.Report(600, 0, 0, 0), noSkew(new SyncRun(new SyncHttp(a.server()), a.token(), forgetful).run()));
            laptop.recordMany(5);
            // The acknowledgement was never kept: the first chunk goes again, is stored once, and its answer
            // (acknowledged up to 600) skips the rest of what the server holds.
            assertEquals(new SyncRun.Report(5, 500, 0, 0), noSkew(new SyncRun(new SyncHttp(a.server()), a.token(), forgetful).run()));
            assertEquals(605, ServerView.events(server.url(), "ana", PASSWORD).size());
        }
    }

    @Test
    void aFullDiskWhileStoringAPageLosesNothingAndTheNextRunCatchesUp() throws Exception {
        try (TestDatabase db = TestDatabase.create("h2"); TestServer server = TestServer.start(db);
             DeviceStore laptop = DeviceStore.inMemory(); DeviceStore phone = DeviceStore.inMemory()) {
            invite(server, "ana");
            Account a = new SignIn(tmp.resolve("a")).login(server.url(), "ana", PASSWORD, laptop.deviceId());
            Account p = new SignIn(tmp.resolve("p")).login(server.url(), "ana", PASSWORD, phone.deviceId());
            laptop.recordMany(1_100);
            run(a, laptop);
            DiskFull full = new DiskFull(phone);
            SyncFailure f = assertThrows(SyncFailure.class, () -> new SyncRun(new SyncHttp(p.server()), p.token(), full).run());
            assertEquals(SyncFailure.Kind.LOCAL, f.kind());
            assertEquals("The disk is full (No space left on device); nothing was lost. Free some space and the sync continues.",
                    f.msg().in(Lang.EN));
            assertEquals("磁盘已满（No space left on device）；没有丢失任何数据。腾出空间后同步会继续。", f.msg().in(Lang.ZH));
            assertEquals(500, phone.all().size(), "the first page was stored with its cursor, the second not at all");
            assertEquals(Map.of(laptop.deviceId(), 500L), phone.pullCursor(p.server()));
            assertEquals(new SyncRun.Report(0, 0, 600, 0), noSkew(run(p, phone)));
            assertEquals(laptop.all(), phone.all());
        }
    }

    @Test
    void wrongPasswordRevokedAndExpiredTokensSayWhatToDo() throws Exception {
        Clock[] now = {Clock.systemUTC()};
        try (TestDatabase db = TestDatabase.create("h2");
             TestServer server = TestServer.start(db, c -> c.clock = new Clock() {
                 @Override
                 public ZoneOffset getZone() {
                     return ZoneOffset.UTC;
                 }

                 @Override
                 public Clock withZone(java.time.ZoneId zone) {
                     return this;
                 }

                 @Override
                 public Instant instant() {
                     return now[0].instant();
                 }
             });
             DeviceStore laptop = DeviceStore.inMemory()) {
            invite(server, "ana");
            SignIn signIn = new SignIn(tmp);
            SyncFailure wrong = assertThrows(SyncFailure.class, () -> signIn.login(server.url(), "ana", "not the password", null));
            assertEquals(SyncFailure.Kind.AUTH, wrong.kind());
            assertEquals("Wrong user name or password.", wrong.msg().in(Lang.EN));
            assertEquals("用户名或密码错误。", wrong.msg().in(Lang.ZH));
            assertNull(signIn.file().read(), "nothing kept from a failed sign-in");

            Account a = signIn.login(server.url(), "ana", PASSWORD, laptop.deviceId());
            TestClient.expect(server.client().post(Protocol.LOGOUT, a.token(), null), 204);
            laptop.recordMany(3);
            SyncFailure revoked = assertThrows(SyncFailure.class, () -> run(a, laptop));
            assertEquals(SyncFailure.Kind.AUTH, revoked.kind());
            assertEquals("Your sign-in to " + server.url() + " was revoked (signed out elsewhere or the password changed);"
                    + " sign in again.", revoked.msg().in(Lang.EN));
            assertEquals(3, laptop.queued(a.server()), "still queued");

            Account b = signIn.login(server.url(), "ana", PASSWORD, laptop.deviceId());
            now[0] = Clock.offset(Clock.systemUTC(), Duration.ofDays(31));
            SyncFailure expired = assertThrows(SyncFailure.class, () -> run(b, laptop));
            assertEquals("Your sign-in to " + server.url() + " has expired; sign in again.", expired.msg().in(Lang.EN));
            assertEquals("你在 " + server.url() + " 的登录已过期；请重新登录。", expired.msg().in(Lang.ZH));
        }
    }

    @Test
    void aServerWhoseClockIsOffIsMeasuredAndShownButNothingIsRefused() throws Exception {
        try (TestDatabase db = TestDatabase.create("h2");
             TestServer server = TestServer.start(db, c -> c.clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(12)));
             DeviceStore laptop = DeviceStore.inMemory()) {
            invite(server, "ana");
            Account a = new SignIn(tmp).login(server.url(), "ana", PASSWORD, laptop.deviceId());
            laptop.recordMany(2);
            SyncRun.Report r = run(a, laptop);
            assertEquals(2, r.sent());
            assertTrue(Math.abs(r.skewMs() - 12 * 60_000) < 5_000, "measured " + r.skewMs());
            SyncState s = new SyncState(SyncState.Phase.IDLE, 0, Instant.parse("2026-12-05T08:30:00Z"), null, r.skewMs(),
                    a.server(), "ana");
            assertEquals("last synced at 08:30 · your clock is off by 12 min", s.text(Lang.EN, ZoneOffset.UTC));
            assertEquals("上次同步于 08:30 · 你的时钟相差 12 分钟", s.text(Lang.ZH, ZoneOffset.UTC));
        }
    }

    @Test
    void aFolderThatSyncedAsOneLearnerRefusesAnother() throws Exception {
        try (TestDatabase db = TestDatabase.create("h2"); TestServer server = TestServer.start(db);
             DeviceStore laptop = DeviceStore.inMemory()) {
            invite(server, "ana");
            invite(server, "bob");
            SignIn signIn = new SignIn(tmp);
            Account a = signIn.login(server.url(), "ana", PASSWORD, laptop.deviceId());
            run(a, laptop);
            signIn.file().write(a.syncedAt("2026-12-05T08:00:00Z"));
            assertTrue(signIn.logout());
            assertFalse(signIn.file().read().signedIn());
            SyncFailure f = assertThrows(SyncFailure.class, () -> signIn.login(server.url(), "bob", PASSWORD, laptop.deviceId()));
            assertEquals("This data folder syncs as 'ana' with " + server.url() + "; use another data folder (--data) for 'bob'.",
                    f.msg().in(Lang.EN));
            assertEquals("ana", signIn.file().read().user());
            assertNotNull(signIn.login(server.url(), "ana", PASSWORD, laptop.deviceId()).token(), "the same learner may");
        }
    }

    @Test
    void theAccountFileIsTheOwnersOnly() throws Exception {
        try (TestDatabase db = TestDatabase.create("h2"); TestServer server = TestServer.start(db)) {
            invite(server, "ana");
            SignIn signIn = new SignIn(tmp);
            signIn.login(server.url(), "ana", PASSWORD, null);
            Path file = tmp.resolve("sync/account.json");
            assertEquals(file, signIn.file().path());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
            assertTrue(Files.readString(file).contains("\"token\""));
            assertFalse(Files.exists(tmp.resolve("sync/account.json.tmp")));
        }
    }

    static void invite(TestServer server, String user) throws Exception {
        server.client().newAccount(server.adminToken(), "learner", user, PASSWORD);
    }

    static SyncRun.Report run(Account a, SyncStore store) throws SyncFailure {
        return new SyncRun(new SyncHttp(a.server()), a.token(), store).run();
    }

    /** Loopback: the clocks are one; what is left of a measured skew is the round trip's noise. */
    static SyncRun.Report noSkew(SyncRun.Report r) {
        assertTrue(Math.abs(r.skewMs()) < 2_000, "skew " + r.skewMs());
        return new SyncRun.Report(r.sent(), r.duplicates(), r.received(), 0);
    }

    /** A store that never keeps an acknowledgement, as one whose write of it was lost. */
    static final class Forgetful extends Delegating {
        Forgetful(SyncStore s) {
            super(s);
        }

        @Override
        public void saveAcked(String server, long ackedSeq) {
        }

        @Override
        public long ackedSeq(String server) {
            return 0;
        }
    }

    /** A store whose disk fills up after its first page of received events. */
    static final class DiskFull extends Delegating {
        private int pages;

        DiskFull(SyncStore s) {
            super(s);
        }

        @Override
        public int storeReceived(String server, List<WireEvent> events, Map<String, Long> cursor) {
            if (pages++ > 0) {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
            return super.storeReceived(server, events, cursor);
        }
    }

    static class Delegating implements SyncStore {
        private final SyncStore s;

        Delegating(SyncStore s) {
            this.s = s;
        }

        @Override
        public String deviceId() {
            return s.deviceId();
        }

        @Override
        public long ackedSeq(String server) {
            return s.ackedSeq(server);
        }

        @Override
        public List<WireEvent> ownEventsAfter(long afterSeq, int max) {
            return s.ownEventsAfter(afterSeq, max);
        }

        @Override
        public void saveAcked(String server, long ackedSeq) {
            s.saveAcked(server, ackedSeq);
        }

        @Override
        public long queued(String server) {
            return s.queued(server);
        }

        @Override
        public Map<String, Long> pullCursor(String server) {
            return s.pullCursor(server);
        }

        @Override
        public int storeReceived(String server, List<WireEvent> events, Map<String, Long> cursor) {
            return s.storeReceived(server, events, cursor);
        }

        @Override
        public void onRecorded(Runnable listener) {
            s.onRecorded(listener);
        }
    }
}
