package campus.certification.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.CertificationException;
import campus.certification.Sha256;
import campus.certification.TestSupport;
import campus.certification.bank.BankFiles;
import campus.certification.bank.LoadedExam;
import campus.i18n.Lang;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamPackageTest {

    /** Tests use a low iteration count for speed; the format stores it, so opening needs no change. */
    static final int FAST = ExamPackage.MIN_ITERATIONS;
    static final String CODE = "K7Q2-9XWD-M3PT";

    @TempDir
    Path tmp;

    private Path packed() throws IOException {
        Path f = tmp.resolve("exam.cxp");
        Files.write(f, ExamPackage.pack(TestSupport.bankDir("all-types"), CODE, FAST));
        return f;
    }

    private static String failure(Runnable r) {
        return assertThrows(CertificationException.class, r::run).msg().key();
    }

    @Test
    void roundTripGivesTheSameBank() throws IOException {
        LoadedExam opened = ExamPackage.open(packed(), "k7q2 9xwd m3pt");
        LoadedExam plain = TestSupport.load("all-types");
        assertEquals(plain.bankSha256(), opened.bankSha256());
        assertEquals(plain.bank().size(), opened.bank().size());
        assertEquals(Sha256.of(tmp.resolve("exam.cxp")), opened.packageSha256().orElseThrow());
    }

    @Test
    void thePackageHidesTheQuestions() throws IOException {
        String bytes = new String(Files.readAllBytes(packed()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(!bytes.contains("Pick A and C") && !bytes.contains("customers"));
    }

    @Test
    void wrongCodeIsRefusedClearly() throws IOException {
        Path f = packed();
        assertEquals("certification.package.wrong-code", failure(() -> ExamPackage.open(f, "K7Q2-9XWD-M3PX")));
    }

    @Test
    void truncatedPackages() throws IOException {
        byte[] all = Files.readAllBytes(packed());
        for (int len : new int[] {10, ExamPackage.HEADER - 1, ExamPackage.HEADER + 5}) {
            Path f = tmp.resolve("t" + len);
            Files.write(f, Arrays.copyOf(all, len));
            assertEquals("certification.package.truncated", failure(() -> ExamPackage.open(f, CODE)), "length " + len);
        }
        Path f = tmp.resolve("cut");
        Files.write(f, Arrays.copyOf(all, all.length - 1));
        assertEquals("certification.package.corrupt", failure(() -> ExamPackage.open(f, CODE)));
    }

    @Test
    void everyChangedByteIsDetected() throws IOException {
        byte[] all = Files.readAllBytes(packed());
        int[] positions = {9, 14, 30, 50, ExamPackage.HEADER - 1, ExamPackage.HEADER, all.length / 2, all.length - 1};
        for (int pos : positions) {
            byte[] bad = all.clone();
            bad[pos] ^= 0x01;
            Path f = tmp.resolve("bad" + pos);
            Files.write(f, bad);
            String key = failure(() -> ExamPackage.open(f, CODE));
            assertTrue(Set.of("certification.package.corrupt", "certification.package.wrong-code", "certification.package.version")
                    .contains(key), pos + ": " + key);
        }
    }

    @Test
    void notAPackage() throws IOException {
        Path f = tmp.resolve("x.cxp");
        Files.writeString(f, "{\"id\": \"hello\"}");
        assertEquals("certification.package.not-a-package", failure(() -> ExamPackage.open(f, CODE)));
    }

    /** A file opened from outside the app (double-clicked) is checked before the code is asked for. */
    @Test
    void checkTellsWhatItCanWithoutTheCode() throws IOException {
        ExamPackage.check(packed());
        Path json = tmp.resolve("x.campusexam");
        Files.writeString(json, "{\"id\": \"hello\"}");
        CertificationException e = assertThrows(CertificationException.class, () -> ExamPackage.check(json));
        assertEquals("x.campusexam is not a Campus exam package", e.msg().in(Lang.EN));
        assertEquals("x.campusexam 不是 Campus 考试包", e.msg().in(Lang.ZH));
        Path cut = tmp.resolve("cut.campusexam");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(packed()), ExamPackage.HEADER + 5));
        e = assertThrows(CertificationException.class, () -> ExamPackage.check(cut));
        assertEquals("cut.campusexam is incomplete (truncated). Ask the proctor for a fresh copy.", e.msg().in(Lang.EN));
        assertEquals("cut.campusexam 不完整（被截断）。请向监考老师索取新的副本。", e.msg().in(Lang.ZH));
        Path empty = tmp.resolve("empty.campusexam");
        Files.write(empty, new byte[0]);
        assertEquals("certification.package.not-a-package", failure(() -> ExamPackage.check(empty)));
        Path missing = tmp.resolve("gone.campusexam");
        e = assertThrows(CertificationException.class, () -> ExamPackage.check(missing));
        assertEquals("Cannot read the exam package " + missing + ": " + missing, e.msg().in(Lang.EN));
        assertEquals("无法读取考试包 " + missing + "：" + missing, e.msg().in(Lang.ZH));
        assertEquals("certification.package.unreadable", failure(() -> ExamPackage.check(tmp)));
    }

    @Test
    void shortCodesAreRefusedWhenPacking() throws IOException {
        BankFiles files = BankFiles.read(TestSupport.bankDir("all-types"));
        assertEquals("certification.package.code-too-short", failure(() -> ExamPackage.pack(files, "12-34", FAST)));
    }

    @Test
    void generatedCodesAreLongEnough() {
        assertEquals(12, UnlockCode.normalise(UnlockCode.generate()).length());
    }

    private static final class Set {
        static java.util.Set<String> of(String... s) {
            return java.util.Set.of(s);
        }
    }
}
