package campus.certification.cli;

import campus.certification.CertificationException;
import campus.certification.bank.BankFiles;
import campus.certification.bank.ContentException;
import campus.certification.bank.ExamLoader;
import campus.certification.bank.LoadedExam;
import campus.certification.grading.Grader;
import campus.certification.integrity.ExamPackage;
import campus.certification.integrity.InstallKey;
import campus.certification.integrity.Keyring;
import campus.certification.verify.RecordVerifier;
import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.i18n.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code campus exam pack <bank-dir> --code <code> --out <file>} and
 * {@code campus exam verify <record> <bank-dir | package --code <code>> [--key <install.pub>]}.
 * Exit 0 ok, 1 failure (bad bank, wrong code, record that does not check out), 2 usage.
 */
public final class ExamCommand {

    private ExamCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, Grader.withoutSql());
    }

    /** With the app's SQL grader, for banks that hold SQL questions. */
    public static int run(List<String> args, PrintStream out, PrintStream err, Grader grader) {
        Args a = Args.parse(args, Set.of("code", "out", "key", "keyring", "iterations"));
        Lang lang = a.lang();
        if (a.error != null || a.positional.isEmpty()) {
            err.println(Msg.of("certification.cli.exam-usage").in(lang));
            return 2;
        }
        try {
            switch (a.positional.get(0)) {
                case "pack":
                    return pack(a, out, err, lang);
                case "verify":
                    return verify(a, out, err, lang, grader);
                default:
                    err.println(Msg.of("certification.cli.exam-usage").in(lang));
                    return 2;
            }
        } catch (ContentException e) {
            for (Problem p : e.problems()) {
                err.println(p.format(lang));
            }
            err.println(e.msg().in(lang));
            return 1;
        } catch (CertificationException e) {
            err.println(e.msg().in(lang));
            return 1;
        }
    }

    private static int pack(Args a, PrintStream out, PrintStream err, Lang lang) {
        if (a.positional.size() != 2 || a.option("code").isEmpty() || a.option("out").isEmpty()) {
            err.println(Msg.of("certification.cli.exam-usage").in(lang));
            return 2;
        }
        int iterations;
        try {
            iterations = Integer.parseInt(a.option("iterations").orElse(String.valueOf(ExamPackage.DEFAULT_ITERATIONS)));
        } catch (NumberFormatException e) {
            err.println(Msg.of("certification.cli.exam-usage").in(lang));
            return 2;
        }
        Path bank = Path.of(a.positional.get(1));
        Path target = Path.of(a.option("out").get());
        try {
            byte[] pkg = ExamPackage.pack(bank, a.option("code").get(), iterations);
            Path tmp = target.toAbsolutePath().resolveSibling(target.getFileName() + ".tmp");
            Files.write(tmp, pkg);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            out.println(Msg.of("certification.cli.packed", bank, target, pkg.length).in(lang));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(Msg.of("certification.cli.exam-usage").in(lang));
            return 2;
        } catch (IOException e) {
            err.println(Msg.of("certification.cli.cannot-write", target, String.valueOf(e.getMessage())).in(lang));
            return 1;
        }
    }

    private static int verify(Args a, PrintStream out, PrintStream err, Lang lang, Grader grader) {
        if (a.positional.size() != 3) {
            err.println(Msg.of("certification.cli.exam-usage").in(lang));
            return 2;
        }
        Path recordFile = Path.of(a.positional.get(1));
        Path bank = Path.of(a.positional.get(2));
        String record;
        LoadedExam exam;
        Set<PublicKey> trusted = new LinkedHashSet<>();
        try {
            record = Files.readString(recordFile, StandardCharsets.UTF_8);
            if (Files.isDirectory(bank)) {
                exam = ExamLoader.load(BankFiles.read(bank), Optional.empty());
            } else if (a.option("code").isPresent()) {
                exam = ExamPackage.open(bank, a.option("code").get());
            } else {
                err.println(Msg.of("certification.cli.exam-usage").in(lang));
                return 2;
            }
            for (String key : a.all("key")) {
                trusted.add(InstallKey.readPublic(Path.of(key)));
            }
            for (String keyring : a.all("keyring")) {
                trusted.addAll(Keyring.read(Path.of(keyring)));
            }
        } catch (IOException e) {
            err.println(Msg.of("certification.cli.cannot-read", recordFile, String.valueOf(e.getMessage())).in(lang));
            return 1;
        }
        RecordVerifier.Report r = RecordVerifier.verify(record, exam, grader, trusted);
        if (!r.signatureValid()) {
            r.findings().forEach(f -> err.println(f.in(lang)));
            err.println(Msg.of("certification.cli.verify-failed", recordFile).in(lang));
            return 1;
        }
        out.println(Msg.of("certification.cli.signed-by", r.signer()).in(lang));
        r.attempt().ifPresent(at -> out.println(Msg.of("certification.cli.attempt", at.attemptId(), at.examId(),
                at.candidate(), at.mode().code(), String.valueOf(at.startedAt()), String.valueOf(at.submittedAt())).in(lang)));
        r.regraded().ifPresent(g -> out.println(Msg.of("certification.cli.regraded", g.score(), g.max(),
                g.passed() ? 1 : 0).in(lang)));
        r.attempt().ifPresent(at -> at.anomalies().forEach(c -> out.println(c.message().in(lang))));
        r.attempt().ifPresent(at -> at.leaves().forEach(l -> out.println((l.awayMs() < 0
                ? Msg.of("certification.window.left-open", String.valueOf(l.at()), l.elapsedMs() / 1000)
                : Msg.of("certification.window.left", String.valueOf(l.at()), l.elapsedMs() / 1000, (l.awayMs() + 500) / 1000))
                .in(lang))));
        r.time().forEach(t -> out.println(t.in(lang)));
        r.findings().forEach(f -> err.println(f.in(lang)));
        if (r.verified()) {
            out.println(Msg.of("certification.cli.verified", recordFile).in(lang));
            return 0;
        }
        if (r.ok()) {
            out.println(Msg.of("certification.cli.unverified", recordFile, r.signer()).in(lang));
            return 1;
        }
        err.println(Msg.of("certification.cli.verify-failed", recordFile).in(lang));
        return 1;
    }
}
