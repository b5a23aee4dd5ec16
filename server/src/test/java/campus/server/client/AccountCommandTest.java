package campus.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.AccountFile;
import campus.progress.sync.cli.AccountCommand;
import campus.progress.sync.cli.SyncCommand;
import campus.server.testing.DeviceStore;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code campus account …} and {@code campus sync} against the real server, as a script in a classroom runs them. */
class AccountCommandTest {

    @TempDir
    Path tmp;

    record Result(int status, String out, String err) {
    }

    static Result account(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AccountCommand.run(List.of(args), Path.of("/nonexistent-default"), env, q -> null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result sync(DeviceStore store, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SyncCommand.run(List.of(args), Path.of("/nonexistent-default"), dir -> new SyncClientTest.Delegating(store),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anInstructorInvitesALearnerWhoSignsUpSyncsAndSignsOut() throws Exception {
        try (TestDatabase db = TestDatabase.create("h2"); TestServer server = TestServer.start(db);
             DeviceStore laptop = DeviceStore.inMemory(); DeviceStore phone = DeviceStore.inMemory()) {
            server.adminToken();
            String url = server.url();
            Map<String, String> admin = Map.of("CAMPUS_PASSWORD", TestServer.ADMIN_PASSWORD);
            Map<String, String> ana = Map.of("CAMPUS_PASSWORD", "ana's long password");
            String teacherDir = tmp.resolve("teacher").toString();

            Result teacherInvite = account(admin, "invite", "--server", url, "--user", "teacher", "--role", "instructor", "--as", "admin");
            assertEquals(0, teacherInvite.status(), teacherInvite.err());
            String teacherCode = teacherInvite.out().trim();
            assertTrue(teacherCode.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), teacherCode);
            assertTrue(teacherInvite.err().startsWith("Invitation for teacher as instructor, valid until "), teacherInvite.err());
            Result signup = account(Map.of("CAMPUS_PASSWORD", "teacher's password"), "signup", "--server", url,
                    "--invite", teacherCode, "--user", "teacher", "--data", teacherDir);
            assertEquals(0, signup.status(), signup.err());
            assertEquals("Signed in to " + url + " as teacher (instructor); the sign-in is kept in "
                    + Path.of(teacherDir).resolve("sync/account.json") + ".\n", signup.out());

            Result invite = account(Map.of(), "invite", "--server", url + "/", "--user", "ana", "--data", teacherDir);
            assertEquals(0, invite.status(), invite.err());
            String code = invite.out().trim();

            String laptopDir = tmp.resolve("laptop").toString();
            String phoneDir = tmp.resolve("phone").toString();
            assertEquals(0, account(ana, "signup", "--server", url, "--invite", code, "--user", "ana", "--data", laptopDir).status());
            Result used = account(ana, "signup", "--server", url, "--invite", code, "--user", "ana", "--data", phoneDir);
            assertEquals(new Result(1, "", "campus account: This invitation code is unknown, already used, expired or meant"
                    + " for another user.\n"), used);
            assertEquals(0, account(ana, "login", "--server", url, "--user", "ana", "--data", phoneDir).status());

            laptop.recordMany(520);
            assertEquals(new Result(0, "Sent 520 events (0 already there), received 0 events, with " + url + ".\n", ""),
                    sync(laptop, "--data", laptopDir));
            assertEquals(new Result(0, "已发送 0 条事件（0 条已在服务器上），已接收 520 条事件，服务器 " + url + "。\n", ""),
                    sync(phone, "--data", phoneDir, "--lang", "zh"));
            assertEquals(laptop.all(), phone.all());
            assertTrue(new AccountFile(Path.of(phoneDir)).read().lastSyncedAt() != null);

            assertEquals(new Result(0, "Signed out of " + url + ".\n", ""), account(Map.of(), "logout", "--data", phoneDir));
            assertFalse(new AccountFile(Path.of(phoneDir)).read().signedIn());
            assertEquals(new Result(1, "", "campus sync: Not signed in to a progress server.\ncampus sync: Sign in with: campus"
                    + " account login --server URL --user NAME\n"), sync(phone, "--data", phoneDir));
            assertEquals(new Result(0, "Not signed in; nothing to do.\n", ""), account(Map.of(), "logout", "--data", phoneDir));
        }
    }

    @Test
    void mistakesAreNamed() throws Exception {
        try (TestDatabase db = TestDatabase.create("h2"); TestServer server = TestServer.start(db)) {
            server.adminToken();
            String url = server.url();
            String dir = tmp.toString();
            assertEquals(new Result(1, "", "campus account: No password: set CAMPUS_PASSWORD or run this in a terminal.\n"),
                    account(Map.of(), "login", "--server", url, "--user", "ana", "--data", dir));
            assertEquals(new Result(1, "", "campus account: Wrong user name or password.\n"),
                    account(Map.of("CAMPUS_PASSWORD", "nope nope nope"), "login", "--server", url, "--user", "ana", "--data", dir));
            assertEquals(new Result(1, "", "campus account: 用户名或密码错误。\n"),
                    account(Map.of("CAMPUS_PASSWORD", "nope nope nope"), "login", "--server", url, "--user", "ana", "--data", dir,
                            "--lang", "zh"));
            assertEquals(new Result(1, "", "campus account: Sign in to " + url + " as an instructor or admin first (campus account"
                    + " login --server URL --user NAME), or name one with --as NAME.\n"),
                    account(Map.of(), "invite", "--server", url, "--user", "ana", "--data", dir));
            assertEquals(new Result(1, "", "campus account: Not a server address: ftp://x (expected http://HOST:PORT or https://HOST).\n"),
                    account(Map.of("CAMPUS_PASSWORD", "x"), "login", "--server", "ftp://x", "--user", "ana", "--data", dir));
            Result unknown = account(Map.of(), "login", "--srever", url);
            assertEquals(2, unknown.status());
            assertTrue(unknown.err().startsWith("campus account: unknown option --srever\nusage: campus account invite"), unknown.err());
            List<String> noServer = new ArrayList<>(List.of("login", "--user", "ana"));
            assertEquals(2, account(Map.of(), noServer.toArray(String[]::new)).status());
        }
    }
}
