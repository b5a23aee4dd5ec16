package campus.app.cli;

import campus.courses.ContentRoot;
import campus.courses.CourseLoader;
import campus.courses.Library;
import campus.i18n.Lang;
import campus.i18n.Problem;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code campus validate [--lang zh] [DIR…]}: every problem as {@code path:line: message}. */
final class ValidateCommand {

    private ValidateCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Lang lang = Lang.EN;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--lang") && i + 1 < args.size()) {
                lang = Lang.fromCode(args.get(++i)).orElse(Lang.EN);
            } else if (a.startsWith("--")) {
                err.println("campus validate: unknown option " + a);
                return 2;
            } else {
                dirs.add(Path.of(a));
            }
        }
        // big generated datasets are kept where the app keeps them, so validating again (or opening the labs) is quick
        campus.labs.sandbox.DatasetCache cache = campus.labs.sandbox.DatasetCache.in(
                campus.app.state.DataFolder.resolve(java.util.Optional.empty()).resolve("cache").resolve("datasets"));
        List<Problem> problems = dirs.isEmpty() ? ContentValidator.validateShipped(cache)
                : ContentValidator.validateFolders(dirs, cache);
        for (Problem p : problems) {
            out.println(p.format(lang));
        }
        Library lib = CourseLoader.load(dirs.isEmpty() ? List.of(ContentRoot.shipped()) : dirs.stream().map(ContentRoot::folder).toList());
        out.println(problems.isEmpty()
                ? "ok: " + lib.courses().size() + " course(s), no problems"
                : problems.size() + " problem(s) in " + lib.courses().size() + " course(s)");
        return problems.isEmpty() ? 0 : 1;
    }
}
