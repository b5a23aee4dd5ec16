package campus.labs.cli;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.labs.importer.ImportReport;
import campus.labs.importer.MysqlDumpImporter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code campus dataset import <mysqldump.sql> <name> [--into DIR] [--tables-only]}: writes {@code DIR/<name>.sql}
 * (default: the {@code datasets/} folder of the first default content root) and prints the import report. Files the
 * dump loads with {@code source} are read from beside it. {@code --tables-only} accepts a dump without any rows.
 * Exit codes: 0 imported, 1 the dump could not be imported, 2 usage error.
 */
public final class DatasetCommand {

    private DatasetCommand() {
    }

    public static int run(List<String> args, List<Path> defaultContentRoots, PrintStream out, PrintStream err) {
        Lang lang = Lang.EN;
        Path into = null;
        boolean tablesOnly = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--tables-only")) {
                tablesOnly = true;
            } else if ((a.equals("--into") || a.equals("--lang")) && i + 1 < args.size()) {
                String v = args.get(++i);
                if (a.equals("--into")) {
                    into = Path.of(v);
                } else {
                    Optional<Lang> l = Lang.fromCode(v);
                    if (l.isEmpty()) {
                        return usage(err, lang);
                    }
                    lang = l.get();
                }
            } else if (a.startsWith("--")) {
                return usage(err, lang);
            } else {
                rest.add(a);
            }
        }
        if (rest.size() != 3 || !rest.get(0).equals("import")) {
            return usage(err, lang);
        }
        String name = rest.get(2);
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            err.println(Msg.of("labs.import.badName", name).in(lang));
            return 2;
        }
        if (into == null) {
            if (defaultContentRoots.isEmpty()) {
                return usage(err, lang);
            }
            into = defaultContentRoots.get(0).resolve("datasets");
        }
        ImportReport report;
        try {
            report = MysqlDumpImporter.convert(Path.of(rest.get(1)), name, tablesOnly);
        } catch (IOException | RuntimeException e) {
            err.println(Msg.of("labs.cli.cannotRead", rest.get(1), String.valueOf(e.getMessage())).in(lang));
            return 1;
        }
        for (Msg m : report.lines()) {
            out.println(m.in(lang));
        }
        if (!report.ok()) {
            for (Msg m : report.errors()) {
                err.println(m.in(lang));
            }
            return 1;
        }
        try {
            Files.createDirectories(into);
            Path target = into.resolve(name + ".sql");
            Files.writeString(target, report.script(), StandardCharsets.UTF_8);
            out.println(Msg.of("labs.import.written", name, target.toString()).in(lang));
            return 0;
        } catch (IOException e) {
            err.println(Msg.of("labs.cli.cannotWrite", into.toString(), String.valueOf(e.getMessage())).in(lang));
            return 1;
        }
    }

    private static int usage(PrintStream err, Lang lang) {
        err.println(Msg.of("labs.cli.datasetUsage").in(lang));
        return 2;
    }
}
