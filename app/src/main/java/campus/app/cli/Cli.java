package campus.app.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The command-line tools behind {@code ./campus <subcommand>}. None of them starts JavaFX.
 * Exit status: 0 ok, 1 problems found or check failed, 2 usage error.
 */
public final class Cli {

    public static final Set<String> COMMANDS = Set.of("validate", "lab", "dataset", "exam", "questions", "server", "progress",
            "account", "sync", "help");

    private Cli() {
    }

    public static boolean isCommand(String arg) {
        return COMMANDS.contains(arg);
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !isCommand(args.get(0))) {
            usage(err);
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "validate":
                return ValidateCommand.run(rest, out, err);
            case "lab":
                return campus.labs.cli.LabCommand.run(rest, shippedCourseRoots(), campus.labs.sandbox.DatasetCache.in(
                        campus.app.state.DataFolder.resolve(java.util.Optional.empty()).resolve("cache").resolve("datasets")),
                        out, err);
            case "dataset":
                return campus.labs.cli.DatasetCommand.run(rest, shippedCourseRoots(), out, err);
            case "exam":
                try (var sql = campus.certification.sql.LabsSqlGrader.bundledDatasets()) {
                    return campus.certification.cli.ExamCommand.run(rest, out, err,
                            campus.certification.grading.Grader.withSql(sql));
                }
            case "questions":
                try (var sql = campus.certification.sql.LabsSqlGrader.bundledDatasets()) {
                    return campus.certification.cli.QuestionsCommand.run(rest, out, err,
                            campus.certification.grading.Grader.withSql(sql));
                }
            case "server":
                return campus.server.cli.ServerCommand.run(rest, out, err);
            case "progress":
                return ProgressCommand.run(rest, shippedCourseRoots(), out, err);
            case "account":
                return campus.progress.sync.cli.AccountCommand.run(rest, defaultData(), System.getenv(),
                        campus.progress.sync.cli.AccountCommand.Prompt.CONSOLE, out, err);
            case "sync":
                return campus.progress.sync.cli.SyncCommand.run(rest, defaultData(), campus.progress.store.ProgressStore::openForSync,
                        out, err);
            case "help":
                usage(out);
                return 0;
            default:
                err.println("campus: '" + args.get(0) + "' is not available in this build");
                return 2;
        }
    }

    private static java.nio.file.Path defaultData() {
        return campus.app.state.DataFolder.resolve(java.util.Optional.empty());
    }

    private static List<java.nio.file.Path> shippedCourseRoots() {
        return List.of(campus.courses.ContentRoot.shipped().path());
    }

    static void usage(PrintStream s) {
        s.println("usage: campus [--content DIR]… [--lang en|zh] [--data DIR]   start the app; --data: where progress,");
        s.println("                                          drafts and attempts are kept (default $XDG_DATA_HOME/campus or ~/.campus)");
        s.println("       campus validate [DIR…]            check course content (default: the shipped content)");
        s.println("       campus lab list [--content DIR]                          list the labs: id, course, lesson");
        s.println("       campus lab check [--content DIR] [--data DIR] <lab-id> <file.sql> [--json] [--lang zh]   check SQL against a lab");
        s.println("                                                                (--data: record the attempt in that learner's progress)");
        s.println("       campus dataset import <mysqldump.sql> <name> [--into DIR]  turn a MySQL dump into a lab dataset");
        s.println("       campus exam pack <bank-dir> --code <code> --out <file>   build an encrypted exam package");
        s.println("       campus exam verify <record> <bank-dir | package --code C> [--key install.pub]");
        s.println("                                                                check a signed attempt and re-grade it");
        s.println("       campus questions import <file> [--into DIR]              import Moodle GIFT or Moodle XML questions");
        s.println("       campus questions try <bank-dir> <question-id> [--choose TEXT]… [--answer TEXT] [--json]");
        s.println("                                                                grade one answer, show its score and feedback");
        s.println("       campus server [--port N] [--host H] [--data DIR] [--db JDBC-URL]   run the progress server");
        s.println("                                                                (campus server --help: all options)");
        s.println("       campus progress [--data DIR] [--json]                     the learner's progress: courses, lessons done,");
        s.println("                                                                labs passed with best score, quizzes, exams");
        s.println("       campus account invite --server URL --user NAME [--role learner|instructor] [--as INVITER]");
        s.println("       campus account signup --server URL --invite CODE --user NAME [--data DIR]");
        s.println("       campus account login --server URL --user NAME [--data DIR]   sign in (password: CAMPUS_PASSWORD or a prompt)");
        s.println("       campus account logout [--data DIR]");
        s.println("       campus sync [--data DIR]                                 sync progress now, print what was sent and received");
        s.println("       campus help                       this text");
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(Arrays.asList(args), out, err));
    }
}
