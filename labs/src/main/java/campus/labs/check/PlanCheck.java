package campus.labs.check;

import campus.i18n.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check on how H2 runs a query, read from its {@code EXPLAIN} text: the tables the plan must not read in full.
 *
 * <p>In H2's plan each table read is followed by a comment naming how: {@code /* lab.orders.tableScan *}{@code /}
 * reads every row; {@code /* lab.CONSTRAINT_INDEX_C: customer_id = 42 *}{@code /} looks rows up through an index with a
 * condition; {@code /* lab.PRIMARY_KEY_C *}{@code /}, an index without a condition, walks the whole index (for its order:
 * an {@code ORDER BY … OFFSET} reads all the rows it skips). The first counts as a full read, and so does the last.
 *
 * @param query      the query whose plan is read; null: the learner's last query (a {@code result} lab)
 * @param noFullScan tables (as named in the dataset) that the plan must reach through an index condition
 */
public record PlanCheck(String query, List<String> noFullScan) {

    public static final PlanCheck NONE = new PlanCheck(null, List.of());

    /** A table in an H2 plan, its optional alias, and the comment that follows it. */
    private static final Pattern READ = Pattern.compile(
            "\"lab\"\\.\"([^\"]+)\"(?:\\s+\"[^\"]*\"|\\s+[A-Za-z_][A-Za-z0-9_]*)?\\s*/\\*(.*?)\\*/", Pattern.DOTALL);

    public PlanCheck {
        noFullScan = List.copyOf(noFullScan);
    }

    public boolean present() {
        return !noFullScan.isEmpty();
    }

    /** What is wrong with the plan (empty: nothing), one message per table read in full. */
    public List<Msg> problems(String plan) {
        List<Msg> out = new ArrayList<>();
        for (String[] read : reads(plan)) {
            String table = read[0];
            String how = read[1];
            if (noFullScan.stream().anyMatch(t -> t.equalsIgnoreCase(table)) && fullRead(how)
                    && out.stream().noneMatch(m -> m.args().get(0).equals(table))) {
                out.add(Msg.of("labs.check.planFullScan", table, "/* " + how + " */"));
            }
        }
        return out;
    }

    /** Each table read in the plan: {table, comment text}. */
    static List<String[]> reads(String plan) {
        List<String[]> out = new ArrayList<>();
        Matcher m = READ.matcher(plan);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2).strip().replaceAll("\\s+", " ")});
        }
        return out;
    }

    /** A table scan, or an index walked without a condition. */
    static boolean fullRead(String how) {
        String h = how.toLowerCase(Locale.ROOT);
        return h.endsWith(".tablescan") || !h.contains(":");
    }
}
