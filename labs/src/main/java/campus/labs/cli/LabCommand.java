package campus.labs.cli;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.labs.Lab;
import campus.labs.LabCatalog;
import campus.labs.LabSession;
import campus.labs.Verdict;
import campus.labs.sandbox.SandboxLimits;
import campus.progress.LearningEventSink;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code campus lab list [--content DIR]} and {@code campus lab check [--content DIR] <lab-id> <file.sql> [--json]}.
 * {@code --content} (repeatable) replaces the default content roots; {@code --lang zh} prints Chinese.
 * Exit codes: 0 success or pass, 1 check failed or problems found, 2 usage error.
 */
public final class LabCommand {

    private LabCommand() {
    }

    public static int run(List<String> args, List<Path> defaultContentRoots, PrintStream out, PrintStream err) {
        List<Path> roots = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        boolean json = false;
        Lang lang = Lang.EN;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--content") || a.equals("--lang")) {
                if (i + 1 >= args.size()) {
                    return usage(err, lang);
                }
                String v = args.get(++i);
                if (a.equals("--content")) {
                    roots.add(Path.of(v));
                } else {
                    Optional<Lang> l = Lang.fromCode(v);
                    if (l.isEmpty()) {
                        return usage(err, lang);
                    }
                    lang = l.get();
                }
            } else if (a.equals("--json")) {
                json = true;
            } else if (a.startsWith("--")) {
                return usage(err, lang);
            } else {
                rest.add(a);
            }
        }
        if (roots.isEmpty()) {
            roots.addAll(defaultContentRoots);
        }
        if (rest.isEmpty()) {
            return usage(err, lang);
        }
        LabCatalog catalog = LabCatalog.scan(roots);
        switch (rest.get(0)) {
            case "list":
                if (rest.size() != 1 || json) {
                    return usage(err, lang);
                }
                for (Lab l : catalog.labs()) {
                    out.println(l.id() + "\t" + l.courseId() + "\t" + l.lesson() + "\t" + l.title().in(lang));
                }
                for (Problem p : catalog.problems()) {
                    err.println(p.format(lang));
                }
                return catalog.problems().isEmpty() ? 0 : 1;
            case "check":
                if (rest.size() != 3) {
                    return usage(err, lang);
                }
                return check(catalog, rest.get(1), Path.of(rest.get(2)), json, lang, out, err);
            default:
                return usage(err, lang);
        }
    }

    private static int check(LabCatalog catalog, String id, Path file, boolean json, Lang lang, PrintStream out, PrintStream err) {
        Optional<Lab> lab = catalog.find(id);
        if (lab.isEmpty()) {
            err.println(Msg.of("labs.cli.unknownLab", id).in(lang));
            catalog.problems().forEach(p -> err.println(p.format(lang)));
            return 1;
        }
        String sql;
        try {
            sql = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println(Msg.of("labs.cli.cannotRead", file.toString(), String.valueOf(e.getMessage())).in(lang));
            return 2;
        }
        try (LabSession s = LabSession.open(lab.get(), catalog.datasets(), SandboxLimits.DEFAULT, LearningEventSink.NONE)) {
            Verdict v = s.check(sql);
            if (json) {
                JsonObject o = new JsonObject();
                o.addProperty("passed", v.passed());
                o.addProperty("score", v.score());
                JsonArray m = new JsonArray();
                v.messages().forEach(x -> m.add(x.in(lang)));
                o.add("messages", m);
                out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(o));
            } else {
                out.println(Msg.of(v.passed() ? "labs.cli.passed" : "labs.cli.failed", id, v.score(), v.maxScore()).in(lang));
                v.messages().forEach(x -> out.println("  " + x.in(lang)));
            }
            return v.passed() ? 0 : 1;
        } catch (LabSession.LabUnavailableException e) {
            err.println(e.msg().in(lang));
            return 1;
        }
    }

    private static int usage(PrintStream err, Lang lang) {
        err.println(Msg.of("labs.cli.labUsage").in(lang));
        return 2;
    }
}
