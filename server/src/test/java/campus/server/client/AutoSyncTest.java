package campus.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.progress.sync.AutoSync;
import campus.progress.sync.SyncState;
import campus.i18n.Msg;
import campus.progress.sync.SyncFailure;
import campus.server.testing.DeviceStore;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background sync's states: signed out, a store that cannot be opened, queued events sent soon after recording. */
class AutoSyncTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingStoreIsAnErrorOnlyOnceSignedIn() throws Exception {
        try (TestDatabase db = TestDatabase.create("h2"); TestServer server = TestServer.start(db)) {
            SyncClientTest.invite(server, "ana");
            Path data = tmp.resolve("data");
            AutoSync.StoreSource locked = () -> {
                throw new SyncFailure(SyncFailure.Kind.LOCAL, Msg.of("sync.error.store", "the store is locked by another process"));
            };
            try (AutoSync sync = new AutoSync(data, locked, new AutoSync.Timing(20, 60_000, 50, 200), Clock.systemUTC())) {
                sync.start();
                waitFor(() -> sync.state().phase() == SyncState.Phase.SIGNED_OUT);
                sync.signIn(server.url(), "ana", SyncClientTest.PASSWORD).get(30, TimeUnit.SECONDS);
                waitFor(() -> sync.state().phase() == SyncState.Phase.ERROR);
                assertEquals("error: The local progress store could not be read or written (the store is locked by another"
                        + " process); nothing was lost, the sync is tried again later. · not synced yet",
                        sync.state().text(Lang.EN, ZoneOffset.UTC));
                sync.signOut().get(30, TimeUnit.SECONDS);
                assertEquals("not signed in", sync.state().text(Lang.EN, ZoneOffset.UTC));
                assertEquals(server.url(), sync.state().server(), "offered again at the next sign-in");
            }
        }
    }

    @Test
    void recordedEventsAreSentSoonAndARestartContinuesFromTheAccountFile() throws Exception {
        try (TestDatabase db = TestDatabase.create("h2"); TestServer server = TestServer.start(db);
             DeviceStore laptop = DeviceStore.inMemory()) {
            SyncClientTest.invite(server, "ana");
            Path data = tmp.resolve("data");
            AutoSync.Timing fast = new AutoSync.Timing(20, 60_000, 50, 200);
            try (AutoSync sync = new AutoSync(data, () -> laptop, fast, Clock.systemUTC())) {
                sync.start();
                sync.signIn(server.url(), "ana", SyncClientTest.PASSWORD).get(30, TimeUnit.SECONDS);
                waitFor(() -> sync.state().lastSynced() != null);
                laptop.recordMany(3);
                waitFor(() -> laptop.ackedSeq(server.url()) == 3 && sync.state().queued() == 0
                        && sync.state().phase() == SyncState.Phase.IDLE);
            }
            laptop.recordMany(2);
            try (AutoSync again = new AutoSync(data, () -> laptop, fast, Clock.systemUTC())) {
                again.start(); // signed in from the account file, syncs at once
                waitFor(() -> laptop.ackedSeq(server.url()) == 5);
                assertTrue(again.state().lastSynced() != null);
            }
        }
    }

    static void waitFor(Callable<Boolean> c) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!c.call()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not in 30 s");
            }
            Thread.sleep(10);
        }
    }
}
