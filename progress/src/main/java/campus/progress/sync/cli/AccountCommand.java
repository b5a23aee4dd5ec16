package campus.progress.sync.cli;

import campus.i18n.Lang;
import campus.i18n.Messages;
import campus.progress.sync.Account;
import campus.progress.sync.SignIn;
import campus.progress.sync.SyncFailure;
import campus.progress.sync.SyncHttp;
import campus.progress.sync.protocol.Accounts;
import campus.progress.sync.protocol.Accounts.Invitation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code campus account invite|signup|login|logout}: a data folder's sign-in to a progress server, from a terminal.
 * The password comes from {@code CAMPUS_PASSWORD} or a prompt, never from the command line (it would show in the
 * process list and the shell's history). Exit status 0 done, 1 refused or failed (with the reason), 2 usage.
 */
public final class AccountCommand {

    /** Asks for a password where there is a terminal; null where there is none. */
    @FunctionalInterface
    public interface Prompt {
        String password(String question);

        Prompt CONSOLE = question -> {
            java.io.Console c = System.console();
            if (c == null) {
                return null;
            }
            char[] p = c.readPassword("%s", question);
            return p == null ? null : new String(p);
        };
    }

    public static final String PASSWORD_ENV = "CAMPUS_PASSWORD";

    private AccountCommand() {
    }

    public static int run(List<String> args, Path defaultData, Map<String, String> env, Prompt prompt, PrintStream out,
                          PrintStream err) {
        Options o;
        try {
            o = Options.parse(args, defaultData, List.of("--server", "--user", "--invite", "--role", "--as", "--data", "--lang"));
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage(), Lang.EN);
        }
        Messages m = Messages.of(o.lang());
        if (o.rest().size() != 1) {
            return usage(err, null, o.lang());
        }
        SignIn signIn = new SignIn(o.data());
        try {
            switch (o.rest().get(0)) {
                case "invite": {
                    if (o.get("--server") == null || o.get("--user") == null) {
                        return usage(err, null, o.lang());
                    }
                    String role = o.get("--role") == null ? Accounts.LEARNER : o.get("--role");
                    if (!List.of(Accounts.LEARNER, Accounts.INSTRUCTOR, Accounts.ADMIN).contains(role)) {
                        return usage(err, "--role: learner, instructor or admin, not " + role, o.lang());
                    }
                    String server = SyncHttp.normalize(o.get("--server"));
                    Account inviter = inviter(o, server, signIn, env, prompt, m, err);
                    if (inviter == null) {
                        return 1;
                    }
                    Invitation inv;
                    try {
                        inv = SignIn.invite(inviter, role, o.get("--user"));
                    } finally {
                        if (o.get("--as") != null) {
                            SignIn.revoke(inviter);
                        }
                    }
                    out.println(inv.code());
                    err.println(m.get("sync.cli.invited", inv.user() == null ? "-" : inv.user(), inv.role(), inv.expiresAt()));
                    return 0;
                }
                case "signup":
                case "login": {
                    boolean signup = o.rest().get(0).equals("signup");
                    if (o.get("--server") == null || o.get("--user") == null || (signup != (o.get("--invite") != null))) {
                        return usage(err, null, o.lang());
                    }
                    String server = SyncHttp.normalize(o.get("--server"));
                    String password = password(env, prompt, o.get("--user"), server, m, err);
                    if (password == null) {
                        return 1;
                    }
                    Account a = signup ? signIn.signup(server, o.get("--invite"), o.get("--user"), password, null)
                            : signIn.login(server, o.get("--user"), password, null);
                    out.println(m.get("sync.cli.signedIn", a.server(), a.user(), a.role(), signIn.file().path()));
                    return 0;
                }
                case "logout": {
                    Account a = signIn.file().read();
                    if (a == null || !a.signedIn()) {
                        out.println(m.get("sync.cli.notSignedIn"));
                        return 0;
                    }
                    out.println(signIn.logout() ? m.get("sync.cli.signedOut", a.server())
                            : m.get("sync.cli.signedOutHere", a.server(), a.expiresAt()));
                    return 0;
                }
                default:
                    return usage(err, null, o.lang());
            }
        } catch (SyncFailure f) {
            err.println("campus account: " + f.msg().in(o.lang()));
            return 1;
        }
    }

    /** The inviting account: {@code --as NAME} signs in for this one request, else the folder's own sign-in. */
    private static Account inviter(Options o, String server, SignIn signIn, Map<String, String> env, Prompt prompt,
                                   Messages m, PrintStream err) throws SyncFailure {
        if (o.get("--as") != null) {
            String password = password(env, prompt, o.get("--as"), server, m, err);
            return password == null ? null : SignIn.session(server, o.get("--as"), password);
        }
        Account a = signIn.file().read();
        if (a == null || !a.signedIn() || !a.server().equals(server)) {
            err.println("campus account: " + m.get("sync.cli.inviterNeeded", server));
            return null;
        }
        return a;
    }

    static String password(Map<String, String> env, Prompt prompt, String user, String server, Messages m, PrintStream err) {
        String p = env.get(PASSWORD_ENV);
        if (p == null || p.isEmpty()) {
            p = prompt.password(m.get("sync.cli.passwordPrompt", user, server));
        }
        if (p == null || p.isEmpty()) {
            err.println("campus account: " + m.get("sync.cli.noPassword", PASSWORD_ENV));
            return null;
        }
        return p;
    }

    private static int usage(PrintStream err, String problem, Lang lang) {
        if (problem != null) {
            err.println("campus account: " + problem);
        }
        err.println(Messages.of(lang).get("sync.cli.accountUsage"));
        return 2;
    }
}
