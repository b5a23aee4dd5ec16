package campus.progress.sync.cli;

import campus.i18n.Lang;
import campus.i18n.Messages;
import campus.progress.sync.Account;
import campus.progress.sync.AccountFile;
import campus.progress.sync.SyncFailure;
import campus.progress.sync.SyncHttp;
import campus.progress.sync.SyncRun;
import campus.progress.sync.SyncStore;
import campus.progress.sync.protocol.Protocol;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code campus sync [--data DIR]}: syncs the data folder's progress with the server it is signed in to, now, and
 * prints what was sent and received. Exit status 0 synced, 1 not (with the reason; nothing is lost), 2 usage.
 */
public final class SyncCommand {

    /** Where the command gets the folder's store: {@code ProgressStore.openForSync}. */
    @FunctionalInterface
    public interface Stores {
        SyncStore open(Path dataDir) throws SyncFailure;
    }

    private SyncCommand() {
    }

    public static int run(List<String> args, Path defaultData, Stores stores, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args, defaultData, List.of("--data", "--lang"));
        } catch (IllegalArgumentException e) {
            err.println("campus sync: " + e.getMessage());
            err.println(Messages.of(Lang.EN).get("sync.cli.syncUsage"));
            return 2;
        }
        Messages m = Messages.of(o.lang());
        if (!o.rest().isEmpty()) {
            err.println(m.get("sync.cli.syncUsage"));
            return 2;
        }
        AccountFile file = new AccountFile(o.data());
        SyncStore store = null;
        Account a = null;
        try {
            a = file.read();
            if (a == null || !a.signedIn()) {
                err.println("campus sync: " + m.get("sync.error.signedOut"));
                err.println("campus sync: " + m.get("sync.cli.howToSignIn"));
                return 1;
            }
            store = stores.open(o.data());
            SyncRun.Report r = new SyncRun(new SyncHttp(a.server()), a.token(), store).run();
            file.write(a.syncedAt(Instant.now().toString()));
            out.println(m.get("sync.cli.synced", r.sent(), r.duplicates(), r.received(), a.server()));
            if (Math.abs(r.skewMs()) > Protocol.SKEW_TOLERANCE_MS) {
                err.println("campus sync: " + m.get("sync.cli.clockOff", Math.abs(Math.round(r.skewMs() / 60_000.0))));
            }
            return 0;
        } catch (SyncFailure f) {
            err.println("campus sync: " + f.msg().in(o.lang()));
            if (store != null) {
                try {
                    long queued = store.queued(a.server());
                    if (queued > 0) {
                        err.println("campus sync: " + m.get("sync.cli.stillQueued", queued));
                    }
                } catch (RuntimeException ignored) {
                    // the store is what failed; its message is above
                }
            }
            return 1;
        } finally {
            if (store instanceof AutoCloseable) {
                try {
                    ((AutoCloseable) store).close();
                } catch (Exception ignored) {
                    // the store has committed what it holds; closing is all that is left
                }
            }
        }
    }
}
