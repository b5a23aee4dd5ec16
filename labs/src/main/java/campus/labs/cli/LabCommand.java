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
import campus.progress.store.ProgressStore;
import campus.progress.store.StoreUnavailableException;
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
 * {@code campus lab list [--content DIR]} and {@code campus lab check [--content DIR] <lab-id> <file.sql>… [--json]}
 * (several files: successive attempts of one learner in one session; {@code --json}: one object per file per line).
 * {@code --content} (repeatable) replaces the default content roots; {@code --lang zh} prints Chinese;
 * {@code --data DIR} records each attempt in that learner's progress store, as the app does (without it nothing is recorded).
 * Exit codes: 0 success or pass, 1 check failed or problems found, 2 usage error.
 */
public final class LabCommand {

    private LabCommand() {
    }

    public static int run(List<String> args, List<Path> defaultContentRoots, PrintStream out, PrintStream err) {
        return run(args, defaultContentRoots, null, out, err);
    }

    /** Same, with generated datasets kept in {@code cache} (null: generated in memory), as the app keeps them. */
    public static int run(List<String> args, List<Path> defaultContentRoots, campus.labs.sandbox.DatasetCache cache,
                          PrintStream out, PrintStream err) {
        List<Path> roots = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        boolean json = false;
        Lang lang = Lang.EN;
        Path data = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--content") || a.equals("--lang") || a.equals("--data")) {
                if (i + 1 >= args.size()) {
                    return usage(err, lang);
                }
                String v = args.get(++i);
                if (a.equals("--content")) {
                    roots.add(Path.of(v));
                } else if (a.equals("--data")) {
                    data = Path.of(v);
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
                if (rest.size() != 1 || json || data != null) {
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
                if (rest.size() < 3) {
                    return usage(err, lang);
                }
                return check(catalog, cache, rest.get(1), rest.subList(2, rest.size()).stream().map(Path::of).toList(),
                        json, lang, data, out, err);
            default:
                return usage(err, lang);
        }
    }

    /**
     * Checks each file as one attempt of one learner in one session, in order, exactly as the lab pane checks
     * successive attempts: a {@code state} lab is put back between them as in the app. All files are read first, so a
     * missing file stops before any check. With a data folder each attempt is recorded in that learner's progress.
     * Exit code 0 only when every attempt passed and, with a data folder, was recorded.
     */
    private static int check(LabCatalog catalog, campus.labs.sandbox.DatasetCache cache, String id, List<Path> files,
            boolean json, Lang lang, Path data, PrintStream out, PrintStream err) {
        Optional<Lab> lab = catalog.find(id);
        if (lab.isEmpty()) {
            err.println(Msg.of("labs.cli.unknownLab", id).in(lang));
            catalog.problems().forEach(p -> err.println(p.format(lang)));
            return 1;
        }
        List<String> attempts = new ArrayList<>();
        for (Path file : files) {
            try {
                attempts.add(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                err.println(Msg.of("labs.cli.cannotRead", file.toString(), String.valueOf(e.getMessage())).in(lang));
                return 2;
            }
        }
        ProgressStore store = null;
        if (data != null) {
            try {
                store = ProgressStore.open(data);
            } catch (StoreUnavailableException e) {
                err.println(e.msg().in(lang));
                return 1;
            }
            store.notices().forEach(n -> err.println(n.in(lang)));
        }
        boolean allPassed = true;
        try (LabSession s = LabSession.open(lab.get(), catalog.datasets(), cache, SandboxLimits.DEFAULT,
                store == null ? LearningEventSink.NONE : store, campus.labs.dataset.LoadProgress.NONE)) {
            for (int k = 0; k < attempts.size(); k++) {
                Verdict v = s.check(attempts.get(k));
                allPassed &= v.passed();
                if (json) {
                    JsonObject o = new JsonObject();
                    o.addProperty("file", files.get(k).toString());
                    o.addProperty("attempt", k + 1);
                    o.addProperty("passed", v.passed());
                    o.addProperty("score", v.score());
                    JsonArray m = new JsonArray();
                    v.messages().forEach(x -> m.add(x.in(lang)));
                    o.add("messages", m);
                    out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(o));
                } else {
                    if (attempts.size() > 1) {
                        out.println(Msg.of("labs.cli.attempt", k + 1, files.get(k).toString()).in(lang));
                    }
                    out.println(Msg.of(v.passed() ? "labs.cli.passed" : "labs.cli.failed", id, v.score(), v.maxScore()).in(lang));
                    v.messages().forEach(x -> out.println("  " + x.in(lang)));
                }
            }
        } catch (LabSession.LabUnavailableException e) {
            err.println(e.msg().in(lang));
            return 1;
        } finally {
            if (store != null) {
                store.close();   // after the session: the attempts it recorded are stored first
            }
        }
        if (store != null && store.problem().isPresent()) {
            // Checked, but not recorded (a full disk): said, and not a success.
            err.println(store.problem().get().in(lang));
            return 1;
        }
        return allPassed ? 0 : 1;
    }

    private static int usage(PrintStream err, Lang lang) {
        err.println(Msg.of("labs.cli.labUsage").in(lang));
        return 2;
    }
}
