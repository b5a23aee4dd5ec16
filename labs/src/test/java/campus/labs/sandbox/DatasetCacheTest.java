package campus.labs.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.labs.dataset.Dataset;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.dataset.LoadProgress;
import campus.labs.sql.GuardPolicy;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCacheTest {

    private static final Dataset BOOKSHOP = DatasetLibrary.bundled().find("bookshop").orElseThrow();
    private static final String COUNTS = "SELECT (SELECT COUNT(*) FROM order_items), (SELECT SUM(quantity) FROM order_items), "
            + "(SELECT COUNT(*) FROM customers), (SELECT MAX(ordered_at) FROM orders)";

    @TempDir
    Path dir;

    /** Records what the learner would be told while a dataset opens. */
    static final class Heard implements LoadProgress {
        final List<Msg> messages = Collections.synchronizedList(new ArrayList<>());
        final List<Double> fractions = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void update(Msg what, double fraction) {
            if (messages.isEmpty() || !messages.get(messages.size() - 1).equals(what)) {
                messages.add(what);
            }
            fractions.add(fraction);
        }

        List<String> keys() {
            return messages.stream().map(Msg::key).toList();
        }
    }

    private static String inMemoryCounts;

    /** The counts of bookshop at 3,000 rows generated in memory, as without a cache. */
    private static synchronized String inMemory() throws DatasetException {
        if (inMemoryCounts == null) {
            try (Sandbox sb = Sandbox.open(BOOKSHOP, 3000, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT)) {
                inMemoryCounts = counts(sb);
            }
        }
        return inMemoryCounts;
    }

    private static String counts(Sandbox sb) {
        return sb.run(COUNTS).lastQuery().orElseThrow().rows().get(0).toString();
    }

    private Path entry(String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), "entries ending in " + suffix + ": " + found);
            return found.get(0);
        }
    }

    private static Dataset tiny(String value) {
        return Dataset.parse("tiny", "-- @scale 5\nCREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10));\n"
                + "INSERT INTO t SELECT n, '" + value + "' FROM SYSTEM_RANGE(1, ${scale}) AS r (n);\n", "tiny.sql");
    }

    @Test
    void theFirstOpenGeneratesAndSavesTheSecondCopiesTheSavedDatabase() throws Exception {
        DatasetCache cache = DatasetCache.in(dir);
        String inMemory = inMemory();
        Heard first = new Heard();
        try (Sandbox sb = Sandbox.open(BOOKSHOP, 3000, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, first)) {
            assertTrue(sb.generated());
            assertEquals(inMemory, counts(sb));
        }
        assertEquals(List.of("labs.load.generatingOnce", "labs.load.saving"), first.keys());
        assertEquals("Generating dataset bookshop (3,000 rows). Only this first time: from now on it opens in a moment.",
                first.messages.get(0).in(Lang.EN));
        assertEquals("正在生成数据集 bookshop（3,000 行）。只有这第一次要等，以后打开只需片刻。", first.messages.get(0).in(Lang.ZH));
        List<Double> generating = first.fractions.stream().filter(f -> f >= 0).toList();
        assertEquals(0.0, generating.get(0));
        assertEquals(1.0, generating.get(generating.size() - 1));
        for (int k = 1; k < generating.size(); k++) {
            assertTrue(generating.get(k) >= generating.get(k - 1), "progress goes forward: " + generating);
        }
        assertTrue(generating.size() > 5, "progress within statements too: " + generating);

        Heard second = new Heard();
        try (Sandbox sb = Sandbox.open(BOOKSHOP, 3000, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, second)) {
            assertFalse(sb.generated());
            assertEquals(inMemory, counts(sb));
            assertEquals(java.util.Optional.empty(), sb.repaired());
        }
        assertEquals(List.of("labs.load.opening"), second.keys());
        assertEquals("Opening dataset bookshop…", second.messages.get(0).in(Lang.EN));
        try (Stream<Path> open = Files.list(dir.resolve("open"))) {
            assertEquals(0, open.count(), "each sandbox deletes its copy when it closes");
        }
    }

    @Test
    void aStateLabChangesOnlyItsOwnCopy() throws Exception {
        DatasetCache cache = DatasetCache.in(dir);
        String before;
        try (Sandbox sb = Sandbox.open(BOOKSHOP, 3000, GuardPolicy.READ_WRITE, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            before = counts(sb);
            byte[] saved = Files.readAllBytes(entry(".mv.db"));
            assertTrue(sb.run("DELETE FROM order_items WHERE MOD(order_id, 2) = 0; CREATE TABLE mine (x INT); "
                    + "ALTER TABLE customers ADD COLUMN vip BOOLEAN; UPDATE orders SET status = 'lost'").ok());
            sb.reset();
            assertEquals(before, counts(sb), "reset puts the copy back");
            assertTrue(sb.run("DELETE FROM order_items").ok());
            assertTrue(java.util.Arrays.equals(saved, Files.readAllBytes(entry(".mv.db"))), "the saved database is untouched");
        }
        try (Sandbox sb = Sandbox.open(BOOKSHOP, 3000, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            assertFalse(sb.generated());
            assertEquals(before, counts(sb));
        }
    }

    @Test
    void aReadOnlySandboxOnACopyStillOnlyReads() throws Exception {
        DatasetCache cache = DatasetCache.in(dir);
        try (Sandbox sb = Sandbox.open(tiny("a"), null, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            assertFalse(sb.run("DELETE FROM t").ok());
            assertEquals("[5]", sb.run("SELECT COUNT(*) FROM t").lastQuery().orElseThrow().rows().get(0).toString());
        }
    }

    @Test
    void aChangedGeneratorOrSizeIsGeneratedAgainAndTheOutdatedEntryGoes() throws Exception {
        DatasetCache cache = DatasetCache.in(dir);
        try (Sandbox sb = Sandbox.open(tiny("old"), null, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            assertTrue(sb.generated());
        }
        Path old = entry(".mv.db");
        try (Sandbox sb = Sandbox.open(tiny("new"), null, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            assertTrue(sb.generated(), "another script is another entry");
            assertEquals("[new]", sb.run("SELECT MIN(v) FROM t").lastQuery().orElseThrow().rows().get(0).toString());
        }
        assertFalse(Files.exists(old), "the entry of the old generator is deleted");
        assertFalse(entry(".mv.db").equals(old));
        entry(".properties");
        try (Sandbox sb = Sandbox.open(tiny("new"), 7, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            assertTrue(sb.generated(), "another size is another entry");
            assertEquals("[7]", sb.run("SELECT COUNT(*) FROM t").lastQuery().orElseThrow().rows().get(0).toString());
        }
        try (Sandbox sb = Sandbox.open(tiny("new"), null, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            assertFalse(sb.generated(), "sizes are kept side by side");
        }
    }

    @Test
    void aDamagedFileIsGeneratedAgainAndTheLearnerIsToldWhy() throws Exception {
        DatasetCache cache = DatasetCache.in(dir);
        try (Sandbox sb = Sandbox.open(BOOKSHOP, 3000, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            assertTrue(sb.generated());
        }
        Path db = entry(".mv.db");
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x5a);
        }
        Heard heard = new Heard();
        try (Sandbox sb = Sandbox.open(BOOKSHOP, 3000, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, heard)) {
            assertTrue(sb.generated());
            Msg why = sb.repaired().orElseThrow();
            assertEquals("The saved copy of dataset bookshop is damaged (its checksum does not match): generating it again.",
                    why.in(Lang.EN));
            assertEquals("数据集 bookshop 保存的副本已损坏（校验和不符），正在重新生成。", why.in(Lang.ZH));
            assertTrue(heard.messages.contains(why), "shown while it is generated: " + heard.keys());
            assertEquals(inMemory(), counts(sb));
        }

        // cut short, as by a full disk or a crash while something else wrote it
        try (RandomAccessFile f = new RandomAccessFile(entry(".mv.db").toFile(), "rw")) {
            f.setLength(10_000);
        }
        try (Sandbox sb = Sandbox.open(BOOKSHOP, 3000, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            Msg why = sb.repaired().orElseThrow();
            assertEquals("labs.cache.damaged.size", why.key());
            assertTrue(why.in(Lang.EN).startsWith("The saved copy of dataset bookshop is incomplete (10,000 bytes instead of "),
                    why.in(Lang.EN));
            assertTrue(why.in(Lang.ZH).startsWith("数据集 bookshop 保存的副本不完整（只有 10,000 字节，应为 "), why.in(Lang.ZH));
            assertEquals(inMemory(), counts(sb));
        }

        // the description lost (the database file was moved into place, then the process died)
        Files.delete(entry(".properties"));
        try (Sandbox sb = Sandbox.open(BOOKSHOP, 3000, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            Msg why = sb.repaired().orElseThrow();
            assertEquals("The saved copy of dataset bookshop is incomplete (its description is missing or unreadable): "
                    + "generating it again.", why.in(Lang.EN));
            assertEquals("数据集 bookshop 保存的副本不完整（说明文件缺失或无法读取），正在重新生成。", why.in(Lang.ZH));
        }
        try (Sandbox sb = Sandbox.open(BOOKSHOP, 3000, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            assertFalse(sb.generated(), "repaired for good");
        }
    }

    @Test
    void aFileH2CannotReadIsGeneratedAgainEvenWhenItsChecksumMatches() throws Exception {
        DatasetCache cache = DatasetCache.in(dir);
        try (Sandbox sb = Sandbox.open(tiny("a"), null, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            assertTrue(sb.generated());
        }
        Path db = entry(".mv.db");
        Path meta = entry(".properties");
        byte[] garbage = new byte[8192];
        java.util.Arrays.fill(garbage, (byte) 'x');
        Files.write(db, garbage);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(garbage);
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(meta)) {
            p.load(in);
        }
        p.setProperty("bytes", "8192");
        p.setProperty("crc32c", Long.toHexString(crc.getValue()));
        try (var out = Files.newOutputStream(meta)) {
            p.store(out, null);
        }
        try (Sandbox sb = Sandbox.open(tiny("a"), null, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
            assertTrue(sb.generated());
            Msg why = sb.repaired().orElseThrow();
            assertEquals("labs.cache.damaged.open", why.key());
            assertTrue(why.in(Lang.EN).startsWith("The saved copy of dataset tiny could not be opened ("), why.in(Lang.EN));
            assertTrue(why.in(Lang.ZH).startsWith("数据集 tiny 保存的副本无法打开（"), why.in(Lang.ZH));
            assertEquals("[5]", sb.run("SELECT COUNT(*) FROM t").lastQuery().orElseThrow().rows().get(0).toString());
        }
    }

    @Test
    void concurrentOpensGenerateOnceAndEachGetsItsOwnCopy() throws Exception {
        int n = 4;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> done = new ArrayList<>();
        try {
            for (int k = 0; k < n; k++) {
                // two caches on the same folder, as two app windows would have
                DatasetCache cache = DatasetCache.in(dir);
                GuardPolicy policy = k % 2 == 0 ? GuardPolicy.READ_ONLY : GuardPolicy.READ_WRITE;
                done.add(pool.submit(() -> {
                    go.await();
                    try (Sandbox sb = Sandbox.open(BOOKSHOP, 3000, policy, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
                        if (policy == GuardPolicy.READ_WRITE) {
                            assertTrue(sb.run("DELETE FROM order_items").ok());
                        }
                        return sb.generated() + " " + sb.run("SELECT COUNT(*) FROM customers").lastQuery().orElseThrow()
                                .rows().get(0);
                    }
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : done) {
                results.add(f.get());
            }
            assertEquals(1, results.stream().filter(r -> r.startsWith("true")).count(), "generated once: " + results);
            assertTrue(results.stream().allMatch(r -> r.endsWith("[300]")), results.toString());
        } finally {
            pool.shutdownNow();
        }
        entry(".mv.db");
        try (Sandbox sb = Sandbox.open(BOOKSHOP, 3000, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, DatasetCache.in(dir),
                LoadProgress.NONE)) {
            assertEquals(inMemory(), counts(sb));
        }
    }

    @Test
    void copiesAndHalfBuiltEntriesOfDeadProcessesAreSweptAway() throws Exception {
        Files.createDirectories(dir.resolve("open"));
        long dead = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
        long alive = ProcessHandle.current().pid();
        Path deadCopy = Files.writeString(dir.resolve("open").resolve(dead + "-x.mv.db"), "x");
        Path liveCopy = Files.writeString(dir.resolve("open").resolve(alive + "-y.mv.db"), "y");
        Path deadBuild = Files.writeString(dir.resolve("build-" + dead + "-z.mv.db"), "z");
        DatasetCache.in(dir);
        assertFalse(Files.exists(deadCopy));
        assertFalse(Files.exists(deadBuild));
        assertTrue(Files.exists(liveCopy), "a running process's copy stays");
    }
}
