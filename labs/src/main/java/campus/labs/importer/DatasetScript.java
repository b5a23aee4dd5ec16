package campus.labs.importer;

import java.util.List;

/** The dataset script an import writes: a header, then each part's statements, one after the other. */
final class DatasetScript {

    private DatasetScript() {
    }

    static String text(String name, List<List<MysqlDumpImporter.Out>> parts) {
        long size = 0;
        for (List<MysqlDumpImporter.Out> part : parts) {
            for (MysqlDumpImporter.Out s : part) {
                size += s.sql().length() + 2;
            }
        }
        StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, size + 256));
        sb.append("-- @title.en ").append(name).append("\n-- @title.zh ").append(name)
                .append("\n-- Imported by campus dataset import.\n\n");
        for (List<MysqlDumpImporter.Out> part : parts) {
            for (MysqlDumpImporter.Out s : part) {
                sb.append(s.sql()).append(";\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
