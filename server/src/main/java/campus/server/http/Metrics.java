package campus.server.http;

import com.zaxxer.hikari.HikariPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This instance's counters in the Prometheus text format: requests by route and status, request latency as a
 * histogram, events stored and duplicates received, the database pool and the heap. Per instance by design
 * (a scraper sums the instances); nothing a request's outcome depends on is kept here.
 */
public final class Metrics {

    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final LongAdder eventsStored = new LongAdder();
    private final LongAdder eventsDuplicate = new LongAdder();
    private final LongAdder eventsSent = new LongAdder();

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
        final LongAdder sumMicros = new LongAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void add(double seconds) {
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) {
                i++;
            }
            counts[i].increment();
            sumMicros.add((long) (seconds * 1e6));
        }
    }

    /** {@code route} is the matched path template (never the raw path, which a client could vary without end). */
    public void request(String method, String route, int status, double seconds) {
        requests.computeIfAbsent(method + " " + route + " " + status, k -> new LongAdder()).increment();
        latency.computeIfAbsent(route, k -> new Histogram()).add(seconds);
    }

    public void pushed(int stored, int duplicates) {
        eventsStored.add(stored);
        eventsDuplicate.add(duplicates);
    }

    public void pulled(int events) {
        eventsSent.add(events);
    }

    public String render(HikariPoolMXBean pool) {
        StringBuilder s = new StringBuilder(4096);
        s.append("# HELP campus_http_requests_total HTTP requests answered, by method, route and status.\n");
        s.append("# TYPE campus_http_requests_total counter\n");
        requests.forEach((k, v) -> {
            String[] p = k.split(" ", 3);
            s.append("campus_http_requests_total{method=\"").append(p[0]).append("\",route=\"").append(p[1])
                    .append("\",status=\"").append(p[2]).append("\"} ").append(v.sum()).append('\n');
        });
        s.append("# HELP campus_http_request_seconds Time to answer a request, by route.\n");
        s.append("# TYPE campus_http_request_seconds histogram\n");
        latency.forEach((route, h) -> {
            long cumulative = 0;
            for (int i = 0; i <= BUCKETS.length; i++) {
                cumulative += h.counts[i].sum();
                String le = i < BUCKETS.length ? Double.toString(BUCKETS[i]) : "+Inf";
                s.append("campus_http_request_seconds_bucket{route=\"").append(route).append("\",le=\"").append(le)
                        .append("\"} ").append(cumulative).append('\n');
            }
            s.append("campus_http_request_seconds_sum{route=\"").append(route).append("\"} ")
                    .append(h.sumMicros.sum() / 1e6).append('\n');
            s.append("campus_http_request_seconds_count{route=\"").append(route).append("\"} ").append(cumulative).append('\n');
        });
        counter(s, "campus_events_stored_total", "Events stored by pushes to this instance.", eventsStored.sum());
        counter(s, "campus_events_duplicate_total", "Pushed events this instance found already stored.", eventsDuplicate.sum());
        counter(s, "campus_events_sent_total", "Events sent by pulls from this instance.", eventsSent.sum());
        gauge(s, "campus_db_pool_active", "Database connections in use.", pool.getActiveConnections());
        gauge(s, "campus_db_pool_idle", "Database connections idle.", pool.getIdleConnections());
        gauge(s, "campus_db_pool_waiting", "Requests waiting for a database connection.", pool.getThreadsAwaitingConnection());
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        gauge(s, "campus_jvm_heap_used_bytes", "Heap in use.", heap.getUsed());
        gauge(s, "campus_jvm_heap_committed_bytes", "Heap committed.", heap.getCommitted());
        gauge(s, "campus_jvm_heap_max_bytes", "Largest heap allowed.", heap.getMax());
        return s.toString();
    }

    private static void counter(StringBuilder s, String name, String help, long value) {
        s.append("# HELP ").append(name).append(' ').append(help).append('\n');
        s.append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder s, String name, String help, long value) {
        s.append("# HELP ").append(name).append(' ').append(help).append('\n');
        s.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }
}
