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
 * <li>{@code CUT_REQUEST}: only the first 1 to 2,000 bytes of the request arrive, then both sides are closed;</li>
 * <li>{@code CUT_RESPONSE}: the request arrives whole, but only the first 1 to 300 bytes of the answer.</li>
 * </ul>
 * {@link #down()} refuses every connection and cuts the open ones, until {@link #up()}; {@link #retarget} follows
 * a server restarted on another port.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Fault { PASS, DELAY, DROP, DUPLICATE, REORDER, CUT_REQUEST, CUT_RESPONSE }

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Random random;
    private final Map<Fault, Integer> weights;
    private final java.util.Deque<Fault> scheduled = new java.util.ArrayDeque<>();
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
            scheduled.addAll(List.of(faults));
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
            Fault fault;
            long detail;
            synchronized (random) {
                fault = scheduled.isEmpty() ? draw() : scheduled.poll();
                detail = random.nextLong();
            }
            log.add(n++ + " " + fault);
            open.add(client);
            Fault f = fault;
            threads.execute(() -> serve(client, f, new Random(detail)));
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

    private void serve(Socket client, Fault fault, Random r) {
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
                threads.execute(() -> pump(twin, null, -1, 0, null, null));
            }
            Socket upstream = server;
            long hold = fault == Fault.REORDER ? 100 + r.nextInt(500) : 0;
            int requestLimit = fault == Fault.CUT_REQUEST ? 1 + r.nextInt(2000) : -1;
            int responseLimit = fault == Fault.CUT_RESPONSE ? 1 + r.nextInt(300) : -1;
            int delay = fault == Fault.DELAY ? 200 : 0;
            Socket twinOut = copy;
            Random up = new Random(r.nextLong());
            Random downward = new Random(r.nextLong());
            threads.execute(() -> {
                sleep(hold);
                pump(client, upstream, requestLimit, delay, twinOut, up);
            });
            pump(upstream, client, responseLimit, delay, null, downward);
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

    /** Copies {@code from} to {@code to} (and {@code also}) until EOF or {@code limit} bytes, then closes both ends. */
    private void pump(Socket from, Socket to, int limit, int maxDelayMs, Socket also, Random r) {
        byte[] buf = new byte[8192];
        long sent = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to == null ? null : to.getOutputStream();
            OutputStream out2 = also == null ? null : also.getOutputStream();
            for (int n; (n = in.read(buf)) > 0; ) {
                if (limit >= 0 && sent + n >= limit) {
                    int part = (int) (limit - sent);
                    if (out != null) {
                        out.write(buf, 0, part);
                        out.flush();
                    }
                    break;
                }
                sleep(maxDelayMs > 0 ? r.nextInt(maxDelayMs) : 0);
                if (out != null) {
                    out.write(buf, 0, n);
                    out.flush();
                }
                if (out2 != null) {
                    out2.write(buf, 0, n);
                    out2.flush();
                }
                sent += n;
            }
        } catch (IOException e) {
            // One side went away; the other is closed below.
        } finally {
            if (limit >= 0 || to == null) {
                closeQuietly(from);
                closeQuietly(to);
            } else {
                shutdownOutput(to);
                shutdownOutput(also);
            }
            open.remove(from);
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
