package campus.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback for fault tests, between a client and a server (or a server and its database). Each
 * new connection gets one fault, drawn from a seeded random sequence in the order connections arrive, so a run
 * that fails can be repeated from its seed:
 * <ul>
 * <li>{@code PASS}: bytes go through;</li>
 * <li>{@code DELAY}: every piece waits 0 to 200 ms, both ways;</li>
 * <li>{@code DROP}: the connection is closed before anything reaches the server;</li>
 * <li>{@code DUPLICATE}: the client's bytes go to the server twice, on two connections at once (the second
 * answer is thrown away), so a request races a copy of itself;</li>
 * <li>{@code REORDER}: the request is held back 100 to 600 ms, so later connections overtake it;</li>
 * <li>{@code CUT_REQUEST}: only part of the request arrives, then both sides are closed;</li>
 * <li>{@code CUT_RESPONSE}: the request arrives whole, but only part of the answer.</li>
 * </ul>
 * A cut reads the whole message first (an HTTP head and the body its {@code Content-Length} or chunks say, or up to
 * the end of the stream), so it can fall anywhere in it: one cut in four within the first bytes (the first 2,000
 * of a request, 300 of an answer: the head, the start of the body), the others anywhere in the body, so a 150 KB push
 * or a large pull page is mostly cut deep inside. {@link #deepFirst} schedules cuts in the second half of a body.
 * Cuts are for HTTP, one request per connection (the server's tests run with {@code http.keepAlive=false}); between a
 * server and its database only the other faults make sense.
 * {@link #cuts()} says where each cut fell.
 * {@link #down()} refuses every connection and cuts the open ones, until {@link #up()}; {@link #retarget} follows
 * a server restarted on another port.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Fault { PASS, DELAY, DROP, DUPLICATE, REORDER, CUT_REQUEST, CUT_RESPONSE }

    /**
     * Where a cut fell: in connection {@code connection}, after {@code at} of the message's {@code length} bytes,
     * whose body starts at {@code bodyStart} (the head's length).
     */
    public record Cut(int connection, Fault fault, int at, int length, int bodyStart) {

        public int bodyLength() {
            return length - bodyStart;
        }

        /** How far into the body the cut fell, in bytes; negative within the head. */
        public int intoBody() {
            return at - bodyStart;
        }

        @Override
        public String toString() {
            return connection + " " + fault + " at " + at + " of " + length + " bytes (body from " + bodyStart + ")";
        }
    }

    /** A connection's fault, and for a scheduled cut whether it must fall in the body's second half. */
    private record Plan(Fault fault, boolean deep) {
    }

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Random random;
    private final Map<Fault, Integer> weights;
    private final java.util.Deque<Plan> scheduled = new java.util.ArrayDeque<>();
    private final List<Cut> cuts = Collections.synchronizedList(new ArrayList<>());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private volatile int targetPort;
    private volatile boolean down;
    private volatile boolean closed;

    private FaultProxy(int targetPort, long seed, Map<Fault, Integer> weights) throws IOException {
        this.targetPort = targetPort;
        this.random = new Random(seed);
        this.weights = weights;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** A proxy that lets everything through until told otherwise. */
    public static FaultProxy passThrough(int targetPort) throws IOException {
        return new FaultProxy(targetPort, 0, new EnumMap<>(Map.of(Fault.PASS, 1)));
    }

    /** A proxy drawing each connection's fault with these relative weights. */
    public static FaultProxy seeded(int targetPort, long seed, Map<Fault, Integer> weights) throws IOException {
        return new FaultProxy(targetPort, seed, new EnumMap<>(weights));
    }

    /**
     * The next connections get these faults, in order, before the seeded draw goes on: a test that needs a fault
     * to have happened schedules it instead of hoping the draw brings it.
     */
    public FaultProxy first(Fault... faults) {
        synchronized (random) {
            for (Fault f : faults) {
                scheduled.add(new Plan(f, false));
            }
        }
        return this;
    }

    /**
     * The next connections get these cuts ({@code CUT_REQUEST}, {@code CUT_RESPONSE}), in order, each in the second
     * half of the message's body: a test that needs a large body cut deep inside schedules it.
     */
    public FaultProxy deepFirst(Fault... cuts) {
        synchronized (random) {
            for (Fault f : cuts) {
                if (f != Fault.CUT_REQUEST && f != Fault.CUT_RESPONSE) {
                    throw new IllegalArgumentException("not a cut: " + f);
                }
                scheduled.add(new Plan(f, true));
            }
        }
        return this;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void retarget(int port) {
        targetPort = port;
    }

    /** Refuses new connections and cuts the open ones: the other side looks gone. */
    public void down() {
        down = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    public void up() {
        down = false;
    }

    /** Every cut so far, in the order they fell. */
    public List<Cut> cuts() {
        synchronized (cuts) {
            return new ArrayList<>(cuts);
        }
    }

    /** One line per connection: its number and fault. */
    public List<String> log() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    private void accept() {
        int n = 0;
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (down) {
                closeQuietly(client);
                continue;
            }
            Plan plan;
            long detail;
            synchronized (random) {
                plan = scheduled.isEmpty() ? new Plan(draw(), false) : scheduled.poll();
                detail = random.nextLong();
            }
            int number = n++;
            log.add(number + " " + plan.fault() + (plan.deep() ? " deep" : ""));
            open.add(client);
            threads.execute(() -> serve(client, number, plan, new Random(detail)));
        }
    }

    private Fault draw() {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        for (Map.Entry<Fault, Integer> e : weights.entrySet()) {
            pick -= e.getValue();
            if (pick < 0) {
                return e.getKey();
            }
        }
        return Fault.PASS;
    }

    private void serve(Socket client, int number, Plan plan, Random r) {
        Fault fault = plan.fault();
        Socket server = null;
        Socket copy = null;
        try {
            if (fault == Fault.DROP) {
                return;
            }
            server = connect();
            if (fault == Fault.DUPLICATE) {
                copy = connect();
                Socket twin = copy;
                threads.execute(() -> pump(twin, null, 0, null, null));
            }
            Socket upstream = server;
            long hold = fault == Fault.REORDER ? 100 + r.nextInt(500) : 0;
            int delay = fault == Fault.DELAY ? 200 : 0;
            Socket twinOut = copy;
            Random up = new Random(r.nextLong());
            Random downward = new Random(r.nextLong());
            Random cutAt = new Random(r.nextLong());
            threads.execute(() -> {
                sleep(hold);
                if (fault == Fault.CUT_REQUEST) {
                    cut(client, upstream, number, plan, 2000, cutAt);
                } else {
                    pump(client, upstream, delay, twinOut, up);
                }
            });
            if (fault == Fault.CUT_RESPONSE) {
                cut(upstream, client, number, plan, 300, cutAt);
            } else {
                pump(upstream, client, delay, null, downward);
            }
        } catch (IOException e) {
            // The server is away: the client sees its connection closed, as it would.
        } finally {
            closeQuietly(client);
            closeQuietly(server);
            closeQuietly(copy);
            open.remove(client);
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
        open.add(s);
        return s;
    }

    /** Copies {@code from} to {@code to} (and {@code also}) until EOF, then closes its output ({@code to} null: both ends). */
    private void pump(Socket from, Socket to, int maxDelayMs, Socket also, Random r) {
        byte[] buf = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to == null ? null : to.getOutputStream();
            OutputStream out2 = also == null ? null : also.getOutputStream();
            for (int n; (n = in.read(buf)) > 0; ) {
                sleep(maxDelayMs > 0 ? r.nextInt(maxDelayMs) : 0);
                if (out != null) {
                    out.write(buf, 0, n);
                    out.flush();
                }
                if (out2 != null) {
                    out2.write(buf, 0, n);
                    out2.flush();
                }
            }
        } catch (IOException e) {
            // One side went away; the other is closed below.
        } finally {
            if (to == null) {
                closeQuietly(from);
            } else {
                shutdownOutput(to);
                shutdownOutput(also);
            }
            open.remove(from);
        }
    }

    /**
     * Reads one whole message from {@code from}, passes on only its first bytes (where, {@link FaultProxy} says),
     * then closes both ends. {@code shallow}: the reach of the one cut in four that falls near the start.
     */
    private void cut(Socket from, Socket to, int number, Plan plan, int shallow, Random r) {
        try {
            Message m = Message.read(from.getInputStream());
            if (m.bytes.length > 0) {
                int at = cutPoint(m, plan.deep(), shallow, r);
                cuts.add(new Cut(number, plan.fault(), at, m.bytes.length, m.bodyStart));
                OutputStream out = to.getOutputStream();
                out.write(m.bytes, 0, at);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away; both are closed below.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
        }
    }

    /** How many of the message's bytes pass, at least 1 and fewer than all (when it has more than one). */
    static int cutPoint(Message m, boolean deep, int shallow, Random r) {
        int length = m.bytes.length;
        if (length <= 1) {
            return length;
        }
        int body = length - m.bodyStart;
        int draw = r.nextInt(4); // drawn always, so the sequence does not depend on the message
        long pick = r.nextLong() & Long.MAX_VALUE;
        if (deep && body > 1) {
            return m.bodyStart + body / 2 + (int) (pick % (body - body / 2));
        }
        if (draw == 0 || body <= 0) {
            return 1 + (int) (pick % Math.min(shallow, length - 1));
        }
        return m.bodyStart + (int) (pick % body); // from the body's first byte to its last
    }

    /** One HTTP message as it came: its bytes (head and body) and where the body starts. */
    static final class Message {
        final byte[] bytes;
        final int bodyStart;

        private Message(byte[] bytes, int bodyStart) {
            this.bytes = bytes;
            this.bodyStart = bodyStart;
        }

        /**
         * Reads a head, then the body its {@code Content-Length} says, or its chunks, or (neither: an answer closed
         * by the server) all until the end of the stream; what arrived if the stream ends before.
         */
        static Message read(InputStream in) throws IOException {
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int headEnd = -1;
            long want = -1;
            boolean chunked = false;
            boolean request = false;
            for (int n; (n = in.read(buf)) > 0; ) {
                got.write(buf, 0, n);
                byte[] all = got.toByteArray();
                if (headEnd < 0) {
                    headEnd = indexOf(all, "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0);
                    if (headEnd < 0) {
                        continue;
                    }
                    headEnd += 4;
                    String head = new String(all, 0, headEnd, java.nio.charset.StandardCharsets.ISO_8859_1)
                            .toLowerCase(java.util.Locale.ROOT);
                    request = !head.startsWith("http/");
                    java.util.regex.Matcher cl = java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
                    chunked = head.contains("\r\ntransfer-encoding: chunked");
                    want = cl.find() ? headEnd + Long.parseLong(cl.group(1)) : chunked ? -1 : request ? headEnd : -1;
                }
                if (want >= 0 && all.length >= want) {
                    return new Message(java.util.Arrays.copyOf(all, (int) want), headEnd);
                }
                if (chunked && endsChunks(all, headEnd)) {
                    return new Message(all, headEnd);
                }
            }
            byte[] all = got.toByteArray();
            return new Message(all, headEnd < 0 ? all.length : headEnd);
        }

        /** Whether the chunks from {@code from} on are complete, up to the last (empty) chunk and its blank line. */
        private static boolean endsChunks(byte[] b, int from) {
            int at = from;
            while (true) {
                int lineEnd = indexOf(b, new byte[] {'\r', '\n'}, at);
                if (lineEnd < 0) {
                    return false;
                }
                String size = new String(b, at, lineEnd - at, java.nio.charset.StandardCharsets.ISO_8859_1);
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    return indexOf(b, new byte[] {'\r', '\n', '\r', '\n'}, lineEnd) >= 0; // after any trailers
                }
                at = lineEnd + 2 + (int) n + 2;
                if (at > b.length) {
                    return false;
                }
            }
        }

        private static int indexOf(byte[] b, byte[] what, int from) {
            outer:
            for (int i = Math.max(0, from); i <= b.length - what.length; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (b[i + j] != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    private static void shutdownOutput(Socket s) {
        try {
            if (s != null && !s.isClosed()) {
                s.shutdownOutput();
            }
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException ignored) {
            // Closing is all that is left to do.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        down();
        threads.shutdownNow();
    }
}
