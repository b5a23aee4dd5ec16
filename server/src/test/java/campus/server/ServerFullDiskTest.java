package campus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.progress.sync.Account;
import campus.progress.sync.SignIn;
import campus.progress.sync.SyncFailure;
import campus.progress.sync.SyncHttp;
import campus.progress.sync.SyncRun;
import campus.progress.sync.protocol.Accounts.PasswordChange;
import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.WireEvent;
import campus.server.auth.AdminBootstrap;
import campus.server.testing.DeviceStore;
import campus.progress.testing.FullDisk;
import campus.server.testing.ServerProcess;
import campus.server.testing.TestClient;
import campus.server.testing.TestClient.Reply;
import campus.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code campus server --data DIR} with its embedded database on a real full disk (a small tmpfs filled to the last
 * byte): a push that cannot be stored is not acknowledged but answered 503 with a JSON error saying the server's
 * storage is full; the server stays up, its health says the same, its log says what happened; once there is room
 * again the device's next sync stores every event exactly once, without a restart. Only the HTTP API is used.
 */
class ServerFullDiskTest {

    static final String PASSWORD = "ana's long password";
    static final String FULL = "the server's storage is full; nothing of this request was stored, try again later";

    @TempDir
    Path tmp;

    @Test
    void aPushOnAFullDiskIsRefusedWith503AndTheNextSyncStoresEverythingOnce() throws Exception {
        try (FullDisk disk = FullDisk.mount(tmp.resolve("disk"), 24); DeviceStore laptop = DeviceStore.inMemory()) {
            Path data = disk.dir().resolve("server");
            try (ServerProcess server = ServerProcess.start(data)) {
                TestClient c = new TestClient(server.url());
                String admin = c.login(AdminBootstrap.USER, TestServer.oneTimePassword(data.resolve(AdminBootstrap.FILE))).token();
                TestClient.expect(c.post(Protocol.PASSWORD, admin, new PasswordChange(null, "admin password!")), 204);
                c.newAccount(admin, "learner", "ana", PASSWORD);
                Account a = new SignIn(tmp.resolve("laptop")).login(server.url(), "ana", PASSWORD, laptop.deviceId());
                laptop.recordMany(300);
                assertEquals(300, sync(a, laptop).sent());

                disk.fill();
                laptop.recordMany(700);
                SyncFailure f = assertThrows(SyncFailure.class, () -> sync(a, laptop), server::output);
                assertEquals(SyncFailure.Kind.UNAVAILABLE, f.kind(), f.msg().in(Lang.EN));
                assertEquals("The server at " + server.url() + " has no room to store your progress (its disk is full);"
                        + " nothing was lost, your progress stays on this device and is sent when the server has room again.",
                        f.msg().in(Lang.EN));
                assertEquals("服务器 " + server.url() + " 没有空间保存你的进度（它的磁盘已满）；没有丢失任何数据，"
                        + "你的进度留在这台设备上，服务器有空间后就会发送。", f.msg().in(Lang.ZH));
                assertEquals(300, laptop.ackedSeq(a.server()), "nothing acknowledged that was not stored");

                Reply push = c.push(a.token(), laptop.deviceId(), laptop.ownEventsAfter(300, 10));
                assertEquals(503, push.status(), push.body());
                assertEquals(new ApiError(ApiError.STORAGE_FULL, FULL, 503, null, null, null, 30), push.error());
                assertEquals("30", push.header("Retry-After"));
                Reply health = c.get(Protocol.HEALTH, null);
                assertEquals(503, health.status(), health.body());
                assertEquals(new ApiError(ApiError.STORAGE_FULL, FULL, 503, null, null, null, 30), health.error());
                // A client's mistake is still its own, whatever the disk.
                assertEquals(400, c.postRaw(Protocol.PUSH, a.token(), "{").status());
                String log = server.output();
                assertTrue(log.contains(" WARN Api - storage full on POST " + Protocol.PUSH + ": "), log);
                assertTrue(log.contains("; answered 503, nothing of the request was stored"), log);
                assertTrue(!log.contains("\tat "), "no stack trace for a full disk:\n" + log);

                disk.free();
                SyncRun.Report r = sync(a, laptop);
                assertEquals(700, r.sent() + r.duplicates(), r.toString());
                assertEquals(1_000, laptop.ackedSeq(a.server()));
                assertEquals(200, c.get(Protocol.HEALTH, null).status());
                Map<Long, String> held = KillRestartTest.pullAll(c, a.token());
                assertEquals(1_000, held.size());
                for (WireEvent e : laptop.ownEventsAfter(0, 2_000)) {
                    assertEquals(e.id(), held.get(e.seq()), "seq " + e.seq());
                }
            }
        }
    }

    static SyncRun.Report sync(Account a, DeviceStore store) throws SyncFailure {
        return new SyncRun(new SyncHttp(a.server()), a.token(), store).run();
    }
}
