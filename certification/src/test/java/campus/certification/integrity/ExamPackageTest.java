package campus.certification.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.certification.CertificationException;
import campus.certification.TestSupport;
import campus.certification.bank.BankFiles;
import campus.certification.bank.LoadedExam;
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
