package campus.labs.memory;

import campus.i18n.Lang;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sql.GuardPolicy;
import java.time.Duration;

/**
 * Runs runaway queries in a JVM with a small heap (started by {@code RunawayMemoryTest}) and prints one line per
 * query: {@code <kind or OK> | <message>}, then {@code AFTER <ok>} for a plain query run afterwards.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (Sandbox sb = Sandbox.open(DatasetLibrary.bundled().find("bikeshare").orElseThrow(), 20_000,
                GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT.withTimeout(Duration.ofSeconds(20)))) {
            for (String sql : args) {
                RunResult r = sb.run(sql);
                System.out.println("RESULT " + r.problem().map(p -> p.kind() + " | " + p.message().in(Lang.EN)).orElse("OK"));
                RunResult after = sb.run("SELECT COUNT(*) FROM trips");
                System.out.println("AFTER " + (after.ok() ? after.lastQuery().orElseThrow().rows().get(0).get(0)
                        : after.problem().orElseThrow().message().in(Lang.EN)));
            }
        }
        System.out.println("SURVIVED");
    }
}
