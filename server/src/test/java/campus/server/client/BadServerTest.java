package campus.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import campus.i18n.Lang;
import campus.progress.sync.SyncFailure;
import campus.progress.sync.SyncFailure.Kind;
import campus.progress.sync.SyncHttp;
import campus.progress.sync.SyncRun;
import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PullResponse;
import campus.progress.sync.protocol.WireEvent;
import campus.server.testing.DeviceStore;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the client makes of answers the progress server never gives: a web page, a portal's redirect, a server of a
 * newer protocol, an endless body, garbage, a page with a hole, a stalled or cut answer, nobody listening. Each is a
 * clear message and nothing is taken into the store. The other side is a plain JDK web server playing that part.
 */
class BadServerTest {

    interface Answer {
        void send(HttpExchange x) throws IOException;
    }

    private HttpServer web;
    private String url;

    private void serve(Answer answer) throws IOException {
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", x -> {
            try (x) {
                x.getRequestBody().readAllBytes();
                answer.send(x);
            }
        });
        web.start();
        url = "http://127.0.0.1:" + web.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.stop(0);
        }
    }

    private static void reply(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }

    private SyncFailure sync() throws Exception {
        try (DeviceStore store = DeviceStore.inMemory()) {
            store.recordMany(3);
            SyncFailure f = assertThrows(SyncFailure.class, () -> new SyncRun(new SyncHttp(url, 2_000, 1_000), "t", store).run());
            assertEquals(0, store.ackedSeq(url));
            assertEquals(3, store.all().size(), "nothing taken in");
            assertEquals(Map.of(), store.pullCursor(url));
            return f;
        }
    }

    @Test
    void aWebPageIsNotACampusServer() throws Exception {
        serve(x -> reply(x, 200, "text/html; charset=utf-8", "<html><body>Welcome to nginx!</body></html>"));
        SyncFailure f = sync();
        assertEquals(Kind.NOT_CAMPUS, f.kind());
        assertEquals("The server at " + url + " did not answer as a Campus progress server (HTTP 200, text/html; charset=utf-8);"
                + " check the address.", f.msg().in(Lang.EN));
        assertEquals(url + " 的服务器的回答不像 Campus 进度服务器（HTTP 200，text/html; charset=utf-8）；请检查地址。", f.msg().in(Lang.ZH));
    }

    @Test
    void aCaptivePortalsRedirectIsNotFollowed() throws Exception {
        serve(x -> {
            x.getResponseHeaders().set("Location", "http://portal.example/login");
            reply(x, 302, "text/html", "<a href='http://portal.example/login'>log in</a>");
        });
        assertEquals("The server at " + url + " did not answer as a Campus progress server (HTTP 302, text/html); check the address.",
                sync().msg().in(Lang.EN));
    }

    @Test
    void aServerOfANewerProtocolSaysThisCampusIsTooOld() throws Exception {
        // What a server whose oldest protocol is 2 answers (the body as campus.server.Api writes it).
        serve(x -> {
            x.getResponseHeaders().set(Protocol.HEADER, "3");
            x.getResponseHeaders().set(Protocol.MIN_HEADER, "2");
            reply(x, 426, "application/json", Protocol.gson().toJson(new ApiError(ApiError.PROTOCOL_TOO_OLD,
                    "this server speaks sync protocol 2 to 3, the client 1; update Campus", 426, null, 2, 3, null)));
        });
        SyncFailure f = sync();
        assertEquals(Kind.VERSION, f.kind());
        assertEquals("This version of Campus is too old for the server at " + url + " (it needs sync protocol 2, this one"
                + " speaks 1); update Campus.", f.msg().in(Lang.EN));
        assertEquals("此版本的 Campus 对 " + url + " 的服务器来说太旧了（它需要同步协议 2，本版本使用 1）；请更新 Campus。", f.msg().in(Lang.ZH));
    }

    @Test
    void anEndlessAnswerIsCutOffAtFourMebibytes() throws Exception {
        serve(x -> {
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, 0); // chunked, no length
            byte[] junk = "[[[[[[[[".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            OutputStream out = x.getResponseBody();
            for (int i = 0; i < 200; i++) {
                out.write(junk);
            }
        });
        SyncFailure f = sync();
        assertEquals(Kind.NOT_CAMPUS, f.kind());
        assertEquals("The server at " + url + " sent an answer larger than 4 MiB; nothing was taken from it.", f.msg().in(Lang.EN));
    }

    @Test
    void garbageWhereJsonWasPromisedIsRefused() throws Exception {
        serve(x -> reply(x, 200, "application/json", "{\"stored\": \"many\", "));
        SyncFailure f = sync();
        assertEquals(Kind.UNAVAILABLE, f.kind());
        assertEquals(true, f.msg().in(Lang.EN).startsWith("The server at " + url + " sent an answer that does not follow the sync protocol ("),
                f.msg().in(Lang.EN));
    }

    @Test
    void aPullPageWithAHoleIsNotStored() throws Exception {
        WireEvent e = new WireEvent("e5", "other", 5, 1, 0, "lab.attempt", "lab-1", "2026-12-05T08:00:00Z", null, null);
        serve(x -> {
            if (x.getRequestURI().getPath().equals(Protocol.PUSH)) {
                reply(x, 200, "application/json", "{\"stored\":3,\"duplicates\":0,\"ackedSeq\":3,\"serverTimeMs\":0}");
            } else {
                reply(x, 200, "application/json", Protocol.gson().toJson(
                        new PullResponse(List.of(e), Map.of("other", 5L), false, 0)));
            }
        });
        try (DeviceStore store = DeviceStore.inMemory()) {
            store.recordMany(3);
            SyncFailure f = assertThrows(SyncFailure.class, () -> new SyncRun(new SyncHttp(url), "t", store).run());
            assertEquals("The server at " + url + " sent an answer that does not follow the sync protocol (device other: seq 5"
                    + " where 1 was due); nothing was taken from it, the sync is tried again later.", f.msg().in(Lang.EN));
            assertEquals(3, store.ackedSeq(url));
            assertEquals(3, store.all().size());
            assertEquals(Map.of(), store.pullCursor(url));
        }
    }

    @Test
    void aStalledAnswerTimesOutAndACutOneIsRepeatedLater() throws Exception {
        serve(x -> {
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, 1_000);
            x.getResponseBody().write("{\"stored\":".getBytes(StandardCharsets.US_ASCII));
            x.getResponseBody().flush();
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        SyncFailure f = sync();
        assertEquals(Kind.OFFLINE, f.kind());
        assertEquals(true, f.kind().retryable());
        assertEquals("The connection to " + url + " broke off (Read timed out); nothing was lost, the sync continues where it"
                + " stopped.", f.msg().in(Lang.EN));
    }

    @Test
    void aProxysErrorPageMeansTheServerIsAwayForNow() throws Exception {
        serve(x -> {
            x.getResponseHeaders().set("Retry-After", "7");
            reply(x, 502, "text/html", "<h1>502 Bad Gateway</h1>");
        });
        SyncFailure f = sync();
        assertEquals(Kind.UNAVAILABLE, f.kind());
        assertEquals(7_000, f.retryAfterMs());
        assertEquals("The server at " + url + " is busy or cannot reach its database; nothing was lost, the sync is tried"
                + " again later.", f.msg().in(Lang.EN));
    }

    @Test
    void anAnswerCutInsideItsStatusLineIsABrokenConnection() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!s.isClosed()) {
                    try (java.net.Socket c = s.accept()) {
                        c.getInputStream().read(new byte[8192]);
                        c.getOutputStream().write("HTTP/1.1 20".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "cut-status-line");
            t.setDaemon(true);
            t.start();
            url = "http://127.0.0.1:" + s.getLocalPort();
            SyncFailure f = sync();
            assertEquals(Kind.OFFLINE, f.kind(), f.msg().in(Lang.EN));
            assertEquals("The connection to " + url + " broke off (HTTP 20…); nothing was lost, the sync continues where it"
                    + " stopped.", f.msg().in(Lang.EN));
        }
    }

    @Test
    void nobodyListeningIsOffline() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        SyncFailure f = sync();
        assertEquals(Kind.OFFLINE, f.kind());
        assertEquals("The server at " + url + " cannot be reached (Connection refused); your progress stays on this device"
                + " and is sent when it can be.", f.msg().in(Lang.EN));
        assertEquals("无法连接 " + url + " 的服务器（Connection refused）；你的进度保存在本设备上，能连接时再发送。", f.msg().in(Lang.ZH));
    }

    @Test
    void aServerAddressIsCheckedBeforeAnythingIsSent() throws Exception {
        assertEquals("http://campus.lan:8080", SyncHttp.normalize("campus.lan:8080/"));
        assertEquals("https://campus.example", SyncHttp.normalize(" HTTPS://Campus.Example "));
        SyncFailure f = assertThrows(SyncFailure.class, () -> SyncHttp.normalize("ftp://campus.lan"));
        assertEquals("Not a server address: ftp://campus.lan (expected http://HOST:PORT or https://HOST).", f.msg().in(Lang.EN));
    }
}
