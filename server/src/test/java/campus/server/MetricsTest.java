package campus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.protocol.Accounts.LoginRequest;
import campus.progress.sync.protocol.Accounts.Session;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PullResponse;
import campus.progress.sync.protocol.PushResponse;
import campus.server.testing.TestClient;
import campus.server.testing.TestClient.Reply;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/metrics} over real HTTP on a real server: the Prometheus text format, line by line; the counters
 * moving with pushes, pulls and logins; only an admin reading them; and nothing in them that a reader could use or
 * should not learn (tokens, passwords, invitation codes, account names, raw paths).
 */
class MetricsTest {

    static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    static final Pattern SAMPLE = Pattern.compile("(" + NAME.pattern() + ")(?:\\{(.*)\\})? (\\S+)");
    static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\"\\\\n])*)\"(,|$)");
    static final Pattern HELP = Pattern.compile("# HELP (" + NAME.pattern() + ") \\S.*");
    static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME.pattern() + ") (counter|gauge|histogram|summary|untyped)");

    @Test
    void theTextFormatTheCountersWhoMayReadAndNoSecrets() throws Exception {
        try (TestDatabase db = TestDatabase.create("h2"); TestServer server = TestServer.start(db)) {
            TestClient c = server.client();
            String admin = server.adminToken();
            String invite = c.invite(admin, "learner", "lena").code();
            Session lena = c.signup(invite, "lena", "lena's secret password");
            Session ines = c.newAccount(admin, "instructor", "ines", "ines's secret password");

            // Who may read them: the admin only.
            Reply asAdmin = TestClient.expect(c.get(Protocol.METRICS, admin), 200);
            assertEquals("text/plain; version=0.0.4; charset=utf-8", asAdmin.header("Content-Type"));
            assertEquals("no-store", asAdmin.header("Cache-Control"));
            for (String token : new String[] {lena.token(), ines.token()}) {
                Reply r = TestClient.expect(c.get(Protocol.METRICS, token), 403);
                assertTrue(r.header("Content-Type").startsWith("application/json"), r.body());
                assertFalse(r.body().contains("campus_"), r.body());
            }
            Reply anonymous = TestClient.expect(c.get(Protocol.METRICS, null), 401);
            assertFalse(anonymous.body().contains("campus_"), anonymous.body());
            TestClient.expect(c.get(Protocol.METRICS, "cs1_" + "B".repeat(43)), 401);

            Map<String, Double> before = parse(asAdmin.body());

            // Pushes: 5 new, then the same 5 again (duplicates) and 2 more; a pull from another device gets all 7.
            List<campus.progress.sync.protocol.WireEvent> seven = TestClient.events("lena-laptop", 1, 7);
            PushResponse first = c.pushOk(lena.token(), "lena-laptop", seven.subList(0, 5));
            assertEquals(5, first.stored());
            PushResponse again = c.pushOk(lena.token(), "lena-laptop", seven);
            assertEquals(List.of(2, 5), List.of(again.stored(), again.duplicates()));
            PullResponse pulled = c.pull(lena.token(), "lena-phone", Map.of(), 100);
            assertEquals(7, pulled.events().size());
            // Logins: one right, two wrong; a path no route matches, twice.
            String fresh = c.login("lena", "lena's secret password").token();
            TestClient.expect(c.post(Protocol.LOGIN, null, new LoginRequest("lena", "not her password", null)), 401);
            TestClient.expect(c.post(Protocol.LOGIN, null, new LoginRequest("nobody-by-this-name", "whatever it is", null)), 401);
            TestClient.expect(c.get("/api/v1/lena/" + fresh, lena.token()), 404);
            TestClient.expect(c.get("/api/v1/account?token=" + fresh, fresh), 200);

            String text = TestClient.expect(c.get(Protocol.METRICS, admin), 200).body();
            Map<String, Double> after = parse(text);
            assertEquals(5 + 2, delta(before, after, "campus_events_stored_total"));
            assertEquals(5, delta(before, after, "campus_events_duplicate_total"));
            assertEquals(7, delta(before, after, "campus_events_sent_total"));
            assertEquals(2, delta(before, after, "campus_http_requests_total{method=\"POST\",route=\"/api/v1/sync/push\",status=\"200\"}"));
            assertEquals(1, delta(before, after, "campus_http_requests_total{method=\"POST\",route=\"/api/v1/sync/pull\",status=\"200\"}"));
            assertEquals(1, delta(before, after, "campus_http_requests_total{method=\"POST\",route=\"/api/v1/auth/login\",status=\"200\"}"));
            assertEquals(2, delta(before, after, "campus_http_requests_total{method=\"POST\",route=\"/api/v1/auth/login\",status=\"401\"}"));
            assertEquals(1, delta(before, after, "campus_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}"));
            // the reads of the metrics are counted too: the one before, and the refused ones
            assertEquals(1, delta(before, after, "campus_http_requests_total{method=\"GET\",route=\"/api/v1/metrics\",status=\"200\"}"));
            assertEquals(2.0, (double) after.get("campus_http_requests_total{method=\"GET\",route=\"/api/v1/metrics\",status=\"403\"}"));
            assertEquals(2.0, (double) after.get("campus_http_requests_total{method=\"GET\",route=\"/api/v1/metrics\",status=\"401\"}"));
            // every request is in the latency histogram of its route
            assertEquals(2, delta(before, after, "campus_http_request_seconds_count{route=\"/api/v1/sync/push\"}"));
            assertEquals(3, delta(before, after, "campus_http_request_seconds_count{route=\"/api/v1/auth/login\"}"));
            assertTrue(after.get("campus_db_pool_active") >= 0 && after.get("campus_db_pool_idle") >= 0);
            assertTrue(after.get("campus_jvm_heap_used_bytes") > 0);

            // Nothing a reader could use or should not learn.
            List<String> secrets = new ArrayList<>(List.of(admin, lena.token(), ines.token(), fresh, invite,
                    "lena's secret password", "ines's secret password", TestServer.ADMIN_PASSWORD, "not her password",
                    "lena", "ines", "nobody-by-this-name", "lena-laptop", "lena-phone", "Bearer", "token="));
            for (String secret : secrets) {
                assertFalse(text.contains(secret), () -> "the metrics show '" + secret + "'");
            }
        }
    }

    /** The sample named {@code key} in {@code after} less in {@code before} (0 where missing). */
    private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
        assertNotNull(after.get(key), () -> "no sample " + key + " among "
                + after.keySet().stream().filter(k -> k.startsWith("campus_http_requests_total")).toList());
        return after.get(key) - before.getOrDefault(key, 0.0);
    }

    /**
     * The samples by name and labels, after checking the text line by line against the Prometheus text format
     * (version 0.0.4): each family's HELP and TYPE once, before its samples; names and labels well formed; values
     * numbers; a histogram's buckets cumulative, ending at {@code +Inf} with its count.
     */
    static Map<String, Double> parse(String text) {
        assertTrue(text.endsWith("\n"), "the text ends with a line break");
        Map<String, Double> samples = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        Set<String> helped = new HashSet<>();
        String family = null;
        Map<String, List<double[]>> buckets = new LinkedHashMap<>();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            String where = "line " + n + ": " + line;
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                assertTrue(helped.add(m.group(1)), "HELP twice: " + where);
                family = m.group(1);
            } else if ((m = TYPE.matcher(line)).matches()) {
                assertEquals(family, m.group(1), "TYPE after its HELP: " + where);
                assertEquals(null, types.put(m.group(1), m.group(2)), "TYPE twice: " + where);
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                String type = types.get(family);
                assertNotNull(type, "a sample before any TYPE: " + where);
                boolean ofFamily = name.equals(family) || (type.equals("histogram")
                        && (name.equals(family + "_bucket") || name.equals(family + "_sum") || name.equals(family + "_count")));
                assertTrue(ofFamily, "a sample outside its family " + family + ": " + where);
                Map<String, String> labels = labels(m.group(2), where);
                double value = number(m.group(3), where);
                if (type.equals("counter") || name.endsWith("_bucket") || name.endsWith("_count")) {
                    assertTrue(value >= 0 && value == Math.rint(value), "a count is a whole number: " + where);
                }
                assertEquals(null, samples.put(name + (m.group(2) == null ? "" : "{" + m.group(2) + "}"), value),
                        "the same sample twice: " + where);
                if (name.endsWith("_bucket")) {
                    Map<String, String> rest = new LinkedHashMap<>(labels);
                    String le = rest.remove("le");
                    assertNotNull(le, "a bucket without le: " + where);
                    buckets.computeIfAbsent(family + rest, k -> new ArrayList<>()).add(new double[] {number(le, where), value});
                }
            } else {
                throw new AssertionError("not in the text format: " + where);
            }
        }
        for (Map.Entry<String, List<double[]>> e : buckets.entrySet()) {
            List<double[]> b = e.getValue();
            for (int i = 1; i < b.size(); i++) {
                assertTrue(b.get(i)[0] > b.get(i - 1)[0] && b.get(i)[1] >= b.get(i - 1)[1], "buckets cumulative: " + e.getKey());
            }
            assertEquals(Double.POSITIVE_INFINITY, b.get(b.size() - 1)[0], "the last bucket is +Inf: " + e.getKey());
        }
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            if (e.getKey().contains("_count{")) {
                String inf = e.getKey().replace("_count{", "_bucket{").replace("}", ",le=\"+Inf\"}");
                assertEquals(e.getValue(), samples.get(inf), "count and +Inf bucket: " + e.getKey());
            }
        }
        return samples;
    }

    private static Map<String, String> labels(String text, String where) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null) {
            return labels;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            assertTrue(m.find(at) && m.start() == at, "labels not well formed: " + where);
            assertEquals(null, labels.put(m.group(1), m.group(2)), "a label twice: " + where);
            at = m.end();
        }
        return labels;
    }

    private static double number(String s, String where) {
        switch (s) {
            case "+Inf": return Double.POSITIVE_INFINITY;
            case "-Inf": return Double.NEGATIVE_INFINITY;
            case "NaN": return Double.NaN;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new AssertionError("not a number: " + where);
                }
        }
    }
}
