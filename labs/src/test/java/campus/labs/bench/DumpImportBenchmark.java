package campus.labs.bench;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.labs.importer.ImportReport;
import campus.labs.importer.MysqlDumpImporter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One dump import, timed: {@code file PATH} (a real dump), {@code insert MB} (one INSERT of that size, as mysqldump
 * writes them with --extended-insert), {@code dump MB} (a dump of that size in INSERTs of about 1 MB each).
 * Prints one line: case, MB, wall seconds, CPU seconds of the importing thread, MB/s (wall), tables, rows, ok.
 * Peak memory is the caller's to measure (bench/dump-import.sh runs each case under /usr/bin/time -v).
 */
public final class DumpImportBenchmark {

    private DumpImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dump;
        String label;
        if (args[0].equals("file")) {
            dump = Path.of(args[1]);
            label = dump.getFileName().toString();
        } else {
            double mb = Double.parseDouble(args[1]);
            dump = Files.createTempFile("campus-bench", ".sql");
            dump.toFile().deleteOnExit();
            Files.writeString(dump, generated(mb, args[0].equals("insert")), StandardCharsets.UTF_8);
            label = args[0] + "-" + args[1] + "MB";
        }
        double mb = Files.size(dump) / 1e6;
        var cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        ImportReport r = MysqlDumpImporter.convert(dump, "bench", false);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpuS = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
        long tables = 0;
        long rows = 0;
        for (Msg m : r.lines()) {
            if (m.key().equals("labs.import.table")) {
                tables++;
                rows += ((Number) m.args().get(1)).longValue();
            }
        }
        System.out.printf("%-28s %7.2f MB %7.2f s %7.2f s cpu %6.2f MB/s %3d tables %8d rows %s%n", label, mb, wall, cpuS,
                mb / wall, tables, rows, r.ok() ? "ok" : "FAILED " + r.errors().stream().map(m -> m.in(Lang.EN)).toList());
    }

    /** Rows of about 60 bytes: an id, a quoted name with an escaped quote, a MySQL date in its relaxed form. */
    static String generated(double mb, boolean oneInsert) {
        long target = (long) (mb * 1e6);
        StringBuilder sb = new StringBuilder((int) target + 1024);
        sb.append("CREATE TABLE `t` (`id` int NOT NULL, `name` varchar(40), `at` datetime, PRIMARY KEY (`id`));\n");
        int id = 0;
        while (sb.length() < target) {
            sb.append("INSERT INTO `t` VALUES ");
            int start = sb.length();
            boolean first = true;
            while (sb.length() < target && (oneInsert || sb.length() - start < 1_000_000)) {
                id++;
                sb.append(first ? "" : ",").append('(').append(id).append(",'name \\'").append(id)
                        .append("\\' here','2006/2/15 4:34:33')");
                first = false;
            }
            sb.append(";\n");
        }
        return sb.toString();
    }
}
